import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { action as scorecardAction } from "~/routes/interviews.$interviewId.scorecard";
import { action as packetAction } from "~/routes/candidates.$candidateId.packet";
import { storable } from "~/ui/form.server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { signedInCookieFor } from "../helpers/users";
import { runs, scorecardContent } from "../property/hostile";

// Hostile text through the whole stack (route, schema, server module, database): an autosave of
// any scorecard the form can produce is stored, never a 500. NUL and lone surrogates, which
// PostgreSQL cannot store, are the ones found this way.
describe.each(dialects())("hostile text saved to %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let cookie: string;
  let interviewId: string;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    cookie = await signedInCookieFor(ctx.db, "interviewer@example.com");
    interviewId = (
      await ctx.db
        .selectFrom("interviews")
        .innerJoin("users", "users.id", "interviews.interviewer_id")
        .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
        .select("interviews.id")
        .where("users.email", "=", "interviewer@example.com")
        .where("candidates.name", "=", "Aisha Bello")
        .orderBy("interviews.scheduled_at")
        .executeTakeFirstOrThrow()
    ).id;
  });

  const stored = async () =>
    (await ctx.db
      .selectFrom("scorecards")
      .select(["version", "content"])
      .where("interview_id", "=", interviewId)
      .executeTakeFirst()) ?? {
      version: 0,
      content: null,
    };

  it("autosaves any scorecard the form can hold and stores it, cleaned of what PostgreSQL refuses", async () => {
    await fc.assert(
      fc.asyncProperty(scorecardContent(), async (content) => {
        const { version } = await stored();
        const response = await callRoute(
          scorecardAction,
          request(`/interviews/${interviewId}/scorecard`, {
            cookie,
            json: { intent: "save", baseVersion: version, content },
          }),
          { interviewId },
        );
        expect(
          response.status,
          await response
            .clone()
            .text()
            .then((t) => t.slice(0, 200)),
        ).toBe(200);
        expect((await stored()).content).toEqual(storable(content));
      }),
      runs(12),
    );
  });

  it("keeps the readable text around a NUL or a broken surrogate", async () => {
    const { version } = await stored();
    const notes = "before\u0000after \uD800 then 👩🏽‍💻 שלום";
    const response = await callRoute(
      scorecardAction,
      request(`/interviews/${interviewId}/scorecard`, {
        cookie,
        json: { intent: "save", baseVersion: version, content: { ...emptyScorecard(), notes } },
      }),
      { interviewId },
    );
    expect(response.status).toBe(200);
    expect(((await stored()).content as { notes: string }).notes).toBe("beforeafter \uFFFD then 👩🏽‍💻 שלום");
  });

  it("records a committee decision whose rationale carries a NUL", async () => {
    const sam = await signedInCookieFor(ctx.db, "committee@example.com");
    const jordan = (
      await ctx.db.selectFrom("candidates").select("id").where("name", "=", "Jordan Rivera").executeTakeFirstOrThrow()
    ).id;
    const response = await callRoute(
      packetAction,
      request(`/candidates/${jordan}/packet`, {
        cookie: sam,
        form: {
          outcome: "no-hire",
          level: "",
          rationale: "Pasted\u0000 from a PDF",
          reason: "",
          earlyReason: "Copied\u0000 from notes",
          basedOn: "",
        },
      }),
      { candidateId: jordan },
    );
    expect(response.status).toBe(302);
    const decision = await ctx.db
      .selectFrom("decisions")
      .select("rationale")
      .where("candidate_id", "=", jordan)
      .executeTakeFirstOrThrow();
    expect(decision.rationale).toBe("Pasted from a PDF");
  });
});
