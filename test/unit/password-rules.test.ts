import { describe, expect, it } from "vitest";
import { acceptSchema } from "~/people/people.schema";

const accept = (password: string) =>
  acceptSchema.safeParse({ email: "", name: "New Person", password, confirm: password });
const passwordError = (password: string) => {
  const result = accept(password);
  return result.success ? null : (result.error.issues.find((i) => i.path[0] === "password")?.message ?? null);
};

describe("the password rules of an invitation", () => {
  it("refuses a password of spaces, or one padded with spaces up to the length", () => {
    expect(passwordError(" ".repeat(20))).toBe("Use at least 12 characters besides spaces");
    expect(passwordError(`   short   `.padEnd(16, " "))).toBe("Use at least 12 characters besides spaces");
  });

  it("takes a real passphrase, inner spaces included", () => {
    expect(passwordError("correct horse battery staple")).toBeNull();
  });
});
