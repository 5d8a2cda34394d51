import { ROLE_LABEL } from "~/ui/AppShell";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/vocabulary/decisions";
import { stageLabel } from "~/vocabulary/stages";

// Each audit entry as a sentence a person reads ("Dana Reyes changed the roles of Erin Park: added
// Admin"), with links to what it is about. Pure: the names come in from one batch of queries.

export type Part = string | { text: string; href: string };

export type AuditNames = {
  users: Record<string, { name: string }>;
  candidates: Record<string, { name: string; position: string }>;
  interviews: Record<string, { candidateId: string; candidate: string; position: string; stage: string }>;
  scorecards: Record<string, { interviewId: string }>;
  positions: Record<string, { title: string }>;
  invitations: Record<string, { email: string | null }>;
};

export type AuditRecord = {
  action: string;
  actorId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
};

type Said = { e: AuditRecord; n: AuditNames; d: Details };

// Details are whatever JSON the writer stored: read them defensively.
class Details {
  constructor(private readonly value: unknown) {}
  at(key: string): Details {
    const v = this.value;
    return new Details(v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : null);
  }
  text(): string | null {
    return typeof this.value === "string" || typeof this.value === "number" ? String(this.value) : null;
  }
  list(): string[] {
    return Array.isArray(this.value) ? this.value.filter((x): x is string => typeof x === "string") : [];
  }
  keys(): Record<string, unknown> {
    return this.value && typeof this.value === "object" ? (this.value as Record<string, unknown>) : {};
  }
}

const joined = (parts: Part[][], word = "and"): Part[] =>
  parts.flatMap((p, i) => [...(i === 0 ? [] : [i === parts.length - 1 ? ` ${word} ` : ", "]), ...p]);

function person(n: AuditNames, id: string | null): Part {
  return id && n.users[id] ? { text: n.users[id].name, href: `/admin/people/${id}` } : "someone no longer in Panel";
}

function candidate(n: AuditNames, id: string | null): Part[] {
  const c = id ? n.candidates[id] : undefined;
  return c ? [{ text: c.name, href: `/candidates/${id}` }, ` (${c.position})`] : ["a candidate no longer in Panel"];
}

function interview(n: AuditNames, id: string | null): Part[] {
  const i = id ? n.interviews[id] : undefined;
  if (!i) return ["an interview no longer in Panel"];
  return [
    `the ${stageLabel(i.stage).toLowerCase()} interview with `,
    { text: i.candidate, href: `/candidates/${i.candidateId}` },
    ` (${i.position})`,
  ];
}

function scorecard(n: AuditNames, id: string | null, interviewId: string | null): Part[] {
  const iid = (id && n.scorecards[id]?.interviewId) || interviewId;
  const i = iid ? n.interviews[iid] : undefined;
  if (!i) return ["a scorecard no longer in Panel"];
  return [
    "the scorecard for ",
    { text: i.candidate, href: `/candidates/${i.candidateId}` },
    " (",
    {
      text: `${i.position}, ${stageLabel(i.stage).toLowerCase()}`,
      href: `/candidates/${i.candidateId}/interviews/${iid}`,
    },
    ")",
  ];
}

function position(n: AuditNames, id: string | null): Part {
  return id && n.positions[id] ? { text: n.positions[id].title, href: `/positions/${id}` } : "a position";
}

function kit({ e, d }: Said): Part {
  return { text: d.at("after").at("title").text() ?? e.subjectId ?? "a kit", href: `/admin/kits/${e.subjectId}` };
}

function invitee({ e, n, d }: Said): Part {
  const email = d.at("email").text() ?? d.at("after").at("email").text() ?? n.invitations[e.subjectId ?? ""]?.email;
  return { text: email ?? "someone", href: "/admin/invitations" };
}

const roles = (list: string[]) => list.map((r) => ROLE_LABEL[r] ?? r).join(", ") || "no role";

// "added A, B; removed C" between two lists of ids or words.
function changes(before: string[], after: string[], show: (id: string) => Part[]): Part[] {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (!added.length && !removed.length) return ["no change"];
  return [
    ...(added.length ? ["added ", ...joined(added.map(show))] : []),
    ...(added.length && removed.length ? ["; "] : []),
    ...(removed.length ? ["removed ", ...joined(removed.map(show))] : []),
  ];
}

// The fields an edit touched, in words: "email, level applied".
function changedFields(d: Details): string {
  const before = d.at("before").keys();
  const after = d.at("after").keys();
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return keys
    .map((k) =>
      k
        .replace(/_/g, " ")
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toLowerCase(),
    )
    .join(", ");
}

const version = (d: Details) => d.at("after").at("version").text() ?? "?";
const interviewOf = (s: Said) => interview(s.n, s.e.subjectId);
const candidateOf = (s: Said) => candidate(s.n, s.e.subjectId);
const subjectPerson = (s: Said) => person(s.n, s.e.subjectId);
const withReason = (reason: string | null): Part[] => (reason ? [`: “${reason}”`] : []);

function decided(verb: string) {
  return ({ d, ...s }: Said): Part[] => {
    const outcome = OUTCOME_LABELS[d.at("outcome").text() as DecisionOutcome] ?? d.at("outcome").text();
    const level = d.at("level").text();
    const missing = d.at("missingScorecards").text();
    return [
      `${verb} the decision on `,
      ...candidateOf({ d, ...s }),
      `: ${outcome}${level ? `, ${level}` : ""}`,
      ...(missing ? [` with ${missing} scorecard${missing === "1" ? "" : "s"} missing`] : []),
    ];
  };
}

// What follows the actor's name, for every action Panel writes (a unit test reads the code for them).
const SENTENCES: Record<string, (s: Said) => Part[]> = {
  "sign-in": ({ d }) => ["signed in", ...(d.at("provider").text() ? [" with single sign-on"] : [])],
  "sign-in.failed": ({ d }) => {
    const email = d.at("email").text();
    return email
      ? [`failed to sign in as ${email}`]
      : ["failed to sign in with single sign-on", ...withReason(d.at("reason").text())];
  },
  "sign-out": () => ["signed out"],
  "user.first-admin": (s) => ["made ", subjectPerson(s), " the first admin"],
  "user.create": (s) =>
    s.d.at("via").text() === "sso"
      ? ["joined Panel through single sign-on"]
      : ["added ", subjectPerson(s), ` as ${roles(s.d.at("after").at("roles").list())}`],
  "user.update": (s) => ["updated ", subjectPerson(s), `: ${changedFields(s.d) || "no change"}`],
  "user.roles": (s) => [
    "changed the roles of ",
    subjectPerson(s),
    ": ",
    ...changes(s.d.at("before").list(), s.d.at("after").list(), (r) => [ROLE_LABEL[r] ?? r]),
  ],
  "user.deactivate": (s) => ["deactivated ", subjectPerson(s)],
  "user.reactivate": (s) => ["reactivated ", subjectPerson(s)],
  "user.password-change": ({ d }) => {
    const ended = Number(d.at("sessionsEnded").text() ?? 0);
    return [
      "changed their password",
      ...(ended > 0 ? [` (${ended} other sign-in${ended === 1 ? "" : "s"} ended)`] : []),
    ];
  },
  "user.password-reset-issued": (s) => ["made a password reset link for ", subjectPerson(s)],
  "user.password-reset": () => ["set a new password with a reset link"],
  "user.link-sso": () => ["linked their account to single sign-on"],
  "user.time-zone": ({ d }) => [
    `set their time zone to ${d.at("after").text() ?? "?"}`,
    ...(d.at("before").text() ? [` (was ${d.at("before").text()})`] : []),
  ],
  "invitation.create": (s) => ["invited ", invitee(s), ` as ${roles(s.d.at("after").at("roles").list())}`],
  "invitation.resend": (s) => ["sent a new invitation to ", invitee(s)],
  "invitation.revoke": (s) => ["revoked the invitation for ", invitee(s)],
  "invitation.accept": ({ d }) => [`accepted an invitation and joined as ${roles(d.at("after").at("roles").list())}`],
  "invitation.setup-link": () => [
    { text: "made the one-time setup link", href: "/admin/invitations" },
    " for the first admin",
  ],
  "committee.update": (s) => [
    "changed the hiring committee of ",
    ...candidateOf(s),
    ": ",
    ...changes(s.d.at("before").list(), s.d.at("after").list(), (id) => [person(s.n, id)]),
  ],
  "committee.seats-ended": (s) => [
    "took the committee role from ",
    subjectPerson(s),
    ", which ended their seats on the committees of ",
    ...joined(
      s.d
        .at("candidates")
        .list()
        .map((id) => candidate(s.n, id)),
    ),
  ],
  "candidate.create": (s) => [
    "added the candidate ",
    ...candidateOf(s),
    ...(s.d.at("via").text() === "csv-import" ? [" from a CSV import"] : []),
  ],
  "candidate.update": (s) => ["edited ", ...candidateOf(s), `: ${changedFields(s.d) || "no change"}`],
  "candidate.archive": (s) => ["archived ", ...candidateOf(s)],
  "candidate.restore": (s) => ["restored ", ...candidateOf(s)],
  "position.create": (s) => ["created the position ", position(s.n, s.e.subjectId)],
  "position.update": (s) => [
    "edited the position ",
    position(s.n, s.e.subjectId),
    `: ${changedFields(s.d) || "no change"}`,
  ],
  "position.close": (s) => ["closed the position ", position(s.n, s.e.subjectId)],
  "position.reopen": (s) => ["reopened the position ", position(s.n, s.e.subjectId)],
  "interview.schedule": (s) => [
    "scheduled ",
    ...interviewOf(s),
    " for ",
    person(s.n, s.d.at("after").at("interviewer_id").text()),
  ],
  "interview.reschedule": (s) => ["moved ", ...interviewOf(s)],
  "interview.reassign": (s) => [
    "reassigned ",
    ...interviewOf(s),
    " from ",
    person(s.n, s.d.at("before").at("interviewer_id").text()),
    " to ",
    person(s.n, s.d.at("after").at("interviewer_id").text()),
  ],
  "interview.update": (s) => ["changed ", ...interviewOf(s), `: ${changedFields(s.d) || "no change"}`],
  "interview.cancel": (s) => [
    "cancelled ",
    ...interviewOf(s),
    ...withReason(s.d.at("after").at("cancel_reason").text()),
  ],
  "scorecard.submit": (s) => ["submitted ", ...scorecard(s.n, s.e.subjectId, s.d.at("interviewId").text())],
  "scorecard.amend": (s) => [
    "amended ",
    ...scorecard(s.n, s.e.subjectId, s.d.at("interviewId").text()),
    `, revision ${s.d.at("revision").text() ?? "?"}`,
    ...withReason(s.d.at("reason").text()),
  ],
  "scorecard.export-markdown": (s) => ["downloaded ", ...scorecard(s.n, s.e.subjectId, null), " as Markdown"],
  "packet.view": (s) => ["opened the packet of ", ...candidateOf(s)],
  "packet.download": (s) => ["downloaded the packet PDF of ", ...candidateOf(s)],
  "packet.export-cli": (s) => ["wrote the packet PDF of ", ...candidateOf(s), " to a file"],
  "decision.record": decided("recorded"),
  "decision.revise": decided("revised"),
  "debrief.vote": (s) => [
    "voted on ",
    ...candidateOf(s),
    `: ${OUTCOME_LABELS[s.d.at("outcome").text() as DecisionOutcome] ?? s.d.at("outcome").text()}`,
  ],
  "report.export": ({ d }) => [
    "exported the ",
    { text: "report", href: "/reports" },
    ` as ${(d.at("format").text() ?? "a file").toUpperCase()} (${d.at("rows").text() ?? "?"} rows)`,
  ],
  "kit.create": (s) => ["created the question kit ", kit(s)],
  "kit.edit": (s) => [`saved version ${version(s.d)} of the question kit `, kit(s)],
  "kit.duplicate": (s) => [
    "copied the question kit ",
    s.d.at("after").at("copiedFrom").at("id").text() ?? "?",
    " as ",
    kit(s),
  ],
  "rubric.edit": ({ d }) => [`saved version ${version(d)} of the `, { text: "rubric", href: "/admin/rubric" }],
  "red-flags.edit": ({ d }) => [
    `saved version ${version(d)} of the `,
    { text: "red-flag taxonomy", href: "/admin/red-flags" },
  ],
  "webhook.create": ({ d }) => ["added a ", { text: "webhook", href: "/admin/webhooks" }, ` to ${d.at("url").text()}`],
  "webhook.rotate": () => ["rotated the secret of a ", { text: "webhook", href: "/admin/webhooks" }],
  "webhook.delete": () => ["removed a ", { text: "webhook", href: "/admin/webhooks" }],
  "scim-token.create": ({ d }) => [
    "created the ",
    { text: "SCIM token", href: "/admin/sso" },
    ` “${d.at("label").text()}”`,
  ],
  "scim-token.revoke": ({ d }) => [
    "revoked the ",
    { text: "SCIM token", href: "/admin/sso" },
    ` “${d.at("label").text()}”`,
  ],
  "sso.policy": ({ d }) => [
    "changed the ",
    { text: "single sign-on policy", href: "/admin/sso" },
    `: ${d.at("after").keys().ssoRequired === true ? "single sign-on required" : "passwords allowed"}`,
  ],
  "notifications.cadence": () => ["changed the ", { text: "reminder schedule", href: "/admin/notifications" }],
  "job.retry": ({ d }) => [
    "retried a failed ",
    { text: "job", href: "/admin/jobs" },
    ` in the queue ${d.at("queue").text()}`,
  ],
};

export const AUDIT_ACTIONS = Object.keys(SENTENCES);

// Who did it: a person, or for entries with no one signed in, what did.
function actor({ e, n, d }: Said): Part {
  if (e.actorId) return person(n, e.actorId);
  if (d.at("via").text() === "scim") return "The identity provider (SCIM)";
  if (d.at("via").text() === "cli" || e.action === "packet.export-cli") return "The command line";
  if (e.action === "sign-in.failed") return "Someone";
  return "Panel";
}

// Any subject, for an action without its own sentence.
function anySubject(s: Said): Part[] {
  const { subjectType: type, subjectId: id } = s.e;
  if (!type) return [];
  if (type === "user") return [subjectPerson(s)];
  if (type === "candidate") return candidateOf(s);
  if (type === "interview") return interviewOf(s);
  if (type === "scorecard") return scorecard(s.n, id, null);
  if (type === "position") return [position(s.n, id)];
  if (type === "kit") return ["the question kit ", kit(s)];
  return [`${type.replace(/-/g, " ")}${id ? ` ${id}` : ""}`];
}

// An action code in words for the filter's list: "scorecard.export-markdown" → "Scorecard export markdown".
export function actionName(action: string): string {
  const words = action.replace(/[.-]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditSentence(e: AuditRecord, n: AuditNames): Part[] {
  const said: Said = { e, n, d: new Details(e.details) };
  const own = SENTENCES[e.action];
  if (own) return [actor(said), " ", ...own(said)];
  const subject = anySubject(said);
  return [actor(said), ` did “${actionName(e.action).toLowerCase()}”`, ...(subject.length ? [" on ", ...subject] : [])];
}
