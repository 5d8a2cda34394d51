import { describe, expect, it } from "vitest";
import { passwordWeakness, requireStrongPassword } from "~/auth/password-strength.server";
import { DomainError } from "~/errors.server";

// The field errors a refused password carries, or null when it is accepted.
function refusal(password: string, userInputs: string[] = [], field?: string) {
  try {
    requireStrongPassword(password, userInputs, field);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, fields: error.details.fields };
  }
}

describe("the server's password strength check (issue 13 item 14)", () => {
  it("refuses common and patterned passwords of a passing length, on the field they were typed in", () => {
    for (const weak of ["password1234", "qwertyuiop123", "123456789012", "aaaaaaaaaaaa", "Password1234!"]) {
      expect(refusal(weak), weak).toEqual({
        code: "invalid",
        fields: { password: expect.stringMatching(/^Password is too common or too easy to guess/) },
      });
    }
    expect(Object.keys(refusal("password1234", [], "confirmNew")!.fields!)).toEqual(["confirmNew"]);
  });

  it("counts the words of the person's own email and name as guessable", () => {
    const own = "brackwater2026";
    expect(refusal(own)).toBeNull();
    expect(refusal(own, ["q.brackwater@example.org", "Quillon Brackwater"])).not.toBeNull();
  });

  it("accepts a long phrase of unrelated words", () => {
    expect(refusal("violet-tundra-kettle-91")).toBeNull();
    expect(refusal("correct horse battery staple")).toBeNull();
    expect(passwordWeakness("violet-tundra-kettle-91", [])).toBeNull();
  });
});
