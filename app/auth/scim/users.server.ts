import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { countActiveAdmins, emailTaken, findPerson, setActive } from "~db/queries/people";
import { findScimUser, listScimUsers, updateScimUser } from "~db/queries/scim";
import { createUser } from "~db/queries/users";
import { publicUrl } from "~/env.server";
import { scimError } from "./respond.server";
import { LIST_SCHEMA, USER_SCHEMA, scimBoolean, type ScimPatch, type ScimUserInput } from "./scim.schema";

type Row = NonNullable<Awaited<ReturnType<typeof findScimUser>>>;
type Via = { tokenId: string };

export function toScimUser(row: Row) {
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.scim_external_id ? { externalId: row.scim_external_id } : {}),
    userName: row.email,
    displayName: row.name,
    name: { formatted: row.name },
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.active,
    meta: {
      resourceType: "User",
      created: row.created_at.toISOString(),
      location: `${publicUrl()}/scim/v2/Users/${row.id}`,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function existing(id: string): Promise<Row> {
  const row = UUID.test(id) ? await findScimUser(getDb(), id) : undefined;
  if (!row) throw scimError(404, `No user ${id}.`);
  return row;
}

export const getScimUser = async (id: string) => toScimUser(await existing(id));

export async function listUsers(query: { filter?: string; startIndex: number; count: number }) {
  const { total, rows } = await listScimUsers(getDb(), {
    email: query.filter,
    offset: query.startIndex - 1,
    limit: query.count,
  });
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex: query.startIndex,
    itemsPerPage: rows.length,
    Resources: rows.map(toScimUser),
  };
}

// Provisioned users start as interviewers with no password: they sign in through SSO.
export async function createScimUser(input: ScimUserInput, via: Via) {
  const id = await getDb()
    .transaction()
    .execute(async (tx) => {
      if (await emailTaken(tx, input.email))
        throw scimError(409, `A user with userName ${input.email} exists already.`, "uniqueness");
      const userId = await createUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash: null,
        roles: ["interviewer"],
      });
      await updateScimUser(tx, userId, input);
      if (!input.active) await setActive(tx, userId, false);
      await appendAudit(tx, {
        actorId: null,
        action: "user.create",
        subjectType: "user",
        subjectId: userId,
        details: { via: "scim", token: via.tokenId, after: input },
      });
      return userId;
    });
  return toScimUser(await existing(id));
}

// PUT: the whole resource. active=false deactivates and ends the user's sessions in the same
// transaction, so leaving the company ends access at once.
export async function replaceScimUser(id: string, input: ScimUserInput, via: Via) {
  const before = await existing(id);
  await getDb()
    .transaction()
    .execute(async (tx) => {
      if (input.email !== before.email && (await emailTaken(tx, input.email))) {
        throw scimError(409, `A user with userName ${input.email} exists already.`, "uniqueness");
      }
      await updateScimUser(tx, id, input);
      if (before.active !== input.active) {
        if (!input.active && (await isLastAdmin(tx, id)))
          throw scimError(409, "This is Panel's last active admin; make someone else an admin first.", "mutability");
        await setActive(tx, id, input.active);
      }
      const action =
        before.active === input.active ? "user.update" : input.active ? "user.reactivate" : "user.deactivate";
      const was = {
        email: before.email,
        name: before.name,
        externalId: before.scim_external_id,
        active: before.active,
      };
      await appendAudit(tx, {
        actorId: null,
        action,
        subjectType: "user",
        subjectId: id,
        details: { via: "scim", token: via.tokenId, before: was, after: input },
      });
    });
  return toScimUser(await existing(id));
}

async function isLastAdmin(tx: Parameters<typeof countActiveAdmins>[0], id: string): Promise<boolean> {
  const person = await findPerson(tx, id);
  return Boolean(person?.active && person.roles.includes("admin") && (await countActiveAdmins(tx)) <= 1);
}

// PATCH: the operations applied to the current resource, then saved as a PUT would be.
export async function patchScimUser(id: string, patch: ScimPatch, via: Via) {
  const row = await existing(id);
  const state: ScimUserInput = {
    email: row.email,
    name: row.name,
    externalId: row.scim_external_id,
    active: row.active,
  };
  for (const op of patch.Operations) {
    const changes = op.path ? { [op.path]: op.op === "remove" ? null : op.value } : op.value;
    if (!changes || typeof changes !== "object")
      throw scimError(400, "An operation without a path needs an object value.", "invalidValue");
    for (const [path, value] of Object.entries(changes as Record<string, unknown>)) applyAttribute(state, path, value);
  }
  return replaceScimUser(id, state, via);
}

// The attributes Panel keeps; anything else a client patches is accepted and not stored.
function applyAttribute(state: ScimUserInput, path: string, value: unknown): void {
  const attribute = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/, "").toLowerCase();
  const asText = () => {
    if (typeof value !== "string" || !value.trim())
      throw scimError(400, `${path}: must be a non-empty string`, "invalidValue");
    return value.trim();
  };
  if (attribute === "active") {
    const parsed = scimBoolean.safeParse(value);
    if (!parsed.success) throw scimError(400, `${path}: must be true or false`, "invalidValue");
    state.active = parsed.data;
  } else if (attribute === "username" || /^emails(\[.*\])?(\.value)?$/.test(attribute)) {
    const email =
      typeof value === "string" ? value : Array.isArray(value) ? (value[0] as { value?: unknown })?.value : undefined;
    if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw scimError(400, `${path}: must be an email address`, "invalidValue");
    state.email = email.toLowerCase();
  } else if (attribute === "displayname" || attribute === "name.formatted") {
    state.name = asText();
  } else if (attribute === "externalid") {
    state.externalId = value === null ? null : asText();
  } else if (attribute === "name" && value && typeof value === "object") {
    const name = value as { formatted?: string; givenName?: string; familyName?: string };
    state.name = name.formatted || [name.givenName, name.familyName].filter(Boolean).join(" ") || state.name;
  }
}

export async function deleteScimUser(id: string, via: Via): Promise<void> {
  const row = await existing(id);
  if (row.active)
    await replaceScimUser(
      id,
      { email: row.email, name: row.name, externalId: row.scim_external_id, active: false },
      via,
    );
}
