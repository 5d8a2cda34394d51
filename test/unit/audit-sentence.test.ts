import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditSentence, type AuditNames, type AuditRecord, type Part } from "~/audit/sentence";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Actions built from a template literal, and what they expand to: a new one fails the test until listed here.
const TEMPLATED: Record<string, string[]> = {
  "`${name}.edit`": ["rubric.edit", "red-flags.edit"],
  "`webhook.${input.intent}`": ["webhook.create", "webhook.rotate", "webhook.delete"],
};

// Every action the code writes: the string literals in `action: …` / `const action = …` expressions and in the
// kit editor's storeVersion calls, in every file that writes to the audit log.
function writtenActions(): string[] {
  const found = new Set<string>();
  const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "scripts"))];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes("appendAudit(") || file.endsWith(path.join("audit", "sentence.ts"))) continue;
    const expressions = [
      ...text.matchAll(/\baction(?::|\s*=)\s*([^,;{}]*?(?:\?[^,;{}]*?)*)(?:,|;|\n\s*\w+:)/g),
      ...text.matchAll(/storeVersion\([^)]*?("[^"]+")/g),
    ].map((m) => m[1]);
    for (const expression of expressions) {
      // A literal compared with (`intent === "amend" ? …`) is a condition, not an action.
      for (const literal of expression.matchAll(/(?<![=!]==\s*)"([a-z][a-z-]*(?:\.[a-z][a-z-]*)?)"/g))
        found.add(literal[1]);
      for (const template of expression.match(/`[^`]*`/g) ?? []) {
        expect(TEMPLATED, `${path.relative(root, file)} builds an action as ${template}`).toHaveProperty([template]);
        TEMPLATED[template].forEach((action) => found.add(action));
      }
    }
  }
  return [...found].sort();
}

const names: AuditNames = {
  users: { "u-dana": { name: "Dana Reyes" }, "u-erin": { name: "Erin Park" } },
  candidates: { "c-sam": { name: "Sam Lee", position: "Backend Engineer" } },
  interviews: {
    "i-1": { candidateId: "c-sam", candidate: "Sam Lee", position: "Backend Engineer", stage: "onsite" },
  },
  scorecards: { "s-1": { interviewId: "i-1" } },
  positions: { "p-1": { title: "Backend Engineer" } },
  invitations: {},
};

const record = (overrides: Partial<AuditRecord>): AuditRecord => ({
  action: "sign-in",
  actorId: "u-dana",
  subjectType: null,
  subjectId: null,
  details: {},
  ...overrides,
});

const say = (overrides: Partial<AuditRecord>) => auditSentence(record(overrides), names);
const text = (parts: Part[]) => parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
const links = (parts: Part[]) => parts.flatMap((p) => (typeof p === "string" ? [] : [`${p.text} → ${p.href}`]));

describe("the audit log in words", () => {
  it("has a sentence of its own for every action the code writes", () => {
    const written = writtenActions();
    // The reading of the code found the actions (a broken pattern would find none and pass).
    expect(written).toEqual(expect.arrayContaining(["sign-in", "scorecard.submit", "interview.reassign", "kit.edit"]));
    expect(written.length).toBeGreaterThan(45);
    expect(written.filter((action) => !AUDIT_ACTIONS.includes(action))).toEqual([]);
  });

  it("says who changed whose roles, with links to both people", () => {
    const parts = say({
      action: "user.roles",
      subjectType: "user",
      subjectId: "u-erin",
      details: { before: ["interviewer"], after: ["interviewer", "committee"] },
    });
    expect(text(parts)).toBe("Dana Reyes changed the roles of Erin Park: added Hiring committee");
    expect(links(parts)).toEqual(["Dana Reyes → /admin/people/u-dana", "Erin Park → /admin/people/u-erin"]);
  });

  it("names the candidate, position and stage of a submitted scorecard, linking the candidate and the interview", () => {
    const parts = say({
      action: "scorecard.submit",
      actorId: "u-erin",
      subjectType: "scorecard",
      subjectId: "s-1",
      details: { interviewId: "i-1", revision: 1 },
    });
    expect(text(parts)).toBe("Erin Park submitted the scorecard for Sam Lee (Backend Engineer, onsite)");
    expect(links(parts)).toContain("Backend Engineer, onsite → /candidates/c-sam/interviews/i-1");
  });

  it("tells a reassignment from whom to whom, and a committee change by name", () => {
    const reassigned = say({
      action: "interview.reassign",
      subjectType: "interview",
      subjectId: "i-1",
      details: { before: { interviewer_id: "u-dana" }, after: { interviewer_id: "u-erin" } },
    });
    expect(text(reassigned)).toBe(
      "Dana Reyes reassigned the onsite interview with Sam Lee (Backend Engineer) from Dana Reyes to Erin Park",
    );
    const committee = say({
      action: "committee.update",
      subjectType: "candidate",
      subjectId: "c-sam",
      details: { before: [], after: ["u-erin"] },
    });
    expect(text(committee)).toBe(
      "Dana Reyes changed the hiring committee of Sam Lee (Backend Engineer): added Erin Park",
    );
  });

  it("says what did it when no one was signed in, and when a subject is gone", () => {
    expect(text(say({ action: "sign-in.failed", actorId: null, details: { email: "x@y.z" } }))).toBe(
      "Someone failed to sign in as x@y.z",
    );
    expect(text(say({ action: "packet.view", subjectType: "candidate", subjectId: "c-gone" }))).toBe(
      "Dana Reyes opened the packet of a candidate no longer in Panel",
    );
  });

  it("falls back to a readable sentence for an action it does not know", () => {
    const parts = say({ action: "kit.archive", subjectType: "kit", subjectId: "onboarding" });
    expect(text(parts)).toBe("Dana Reyes did “kit archive” on the question kit onboarding");
    expect(links(parts)).toContain("onboarding → /admin/kits/onboarding");
    expect(text(say({ action: "test.bulk", actorId: null }))).toBe("Panel did “test bulk”");
  });
});
