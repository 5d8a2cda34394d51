import { describe, expect, it } from "vitest";
import { readReply } from "~/scorecards/save-reply";
import { emptyScorecard } from "~/scorecards/scorecard.schema";

// The autosave reads the one reply shape every endpoint answers with: { ok, ... } or
// { ok:false, code, errors, ...details }.
describe("the scorecard page reading a save's reply", () => {
  it("takes the saved version", () => {
    const saved = { version: 4, savedAt: "2026-12-01T23:15:00.000Z", status: "draft" as const, revision: 0 };
    expect(readReply({ status: 200, ok: true, data: { ok: true, saved } })).toEqual({ ok: true, ...saved });
  });

  it("turns a conflict carrying the newer version into the merge state", () => {
    const current = { version: 7, status: "draft", content: emptyScorecard() };
    const data = {
      ok: false as const,
      code: "conflict" as const,
      errors: { form: "Changed in another tab." },
      current,
    };
    expect(readReply({ status: 409, ok: false, data })).toEqual({
      ok: false,
      state: { kind: "conflict", message: "Changed in another tab.", current },
    });
  });

  it("shows a refusal without a newer version as its message, and field errors as invalid", () => {
    const refused = { ok: false as const, code: "conflict" as const, errors: { form: "Amend it to change it." } };
    expect(readReply({ status: 409, ok: false, data: refused })).toEqual({
      ok: false,
      state: { kind: "error", message: "Amend it to change it." },
    });
    const errors = { "content.summary": "Summary is too long" };
    expect(readReply({ status: 400, ok: false, data: { ok: false, code: "invalid", errors } })).toEqual({
      ok: false,
      state: { kind: "invalid", errors },
    });
  });

  it("keeps the text on the device when the server fails, and names a status it cannot read", () => {
    expect(readReply({ status: 503, ok: false, data: null })).toEqual({ ok: false, state: { kind: "offline" } });
    expect(readReply({ status: 404, ok: false, data: null })).toEqual({
      ok: false,
      state: { kind: "error", message: "The server answered 404." },
    });
  });
});
