import { beforeAll, describe, expect, it } from "vitest";
import { action as adminAction } from "~/routes/admin.sso";
import { action as usersAction, loader as usersLoader } from "~/routes/scim.v2.Users";
import { action as userAction, loader as userLoader } from "~/routes/scim.v2.Users.$userId";
import { loader as configLoader } from "~/routes/scim.v2.ServiceProviderConfig";
import { loader as typesLoader } from "~/routes/scim.v2.ResourceTypes";
import { loader as schemasLoader } from "~/routes/scim.v2.Schemas";
import { loader as rootLoader } from "~/root";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";

// SCIM 2.0 (RFC 7644) as an identity provider speaks it: bearer token, application/scim+json,
// the core User schema and PatchOp messages, errors in SCIM's own shape.
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

type ScimUser = {
  id: string;
  userName: string;
  displayName: string;
  active: boolean;
  externalId?: string;
  meta: { location: string };
};

describe.each(dialects())("SCIM provisioning on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let token: string;
  let adminCookie: string;

  beforeAll(async () => {
    const admin = await createTestUser(ctx.db, { roles: ["admin"] });
    adminCookie = await signedInCookie(admin.id);
    const created = await callRoute(
      adminAction,
      request("/admin/sso", { cookie: adminCookie, form: { intent: "create-token", label: "Okta" } }),
    );
    token = ((await created.json()) as { token: string }).token;
  });

  const scim = (path: string, init: { method?: string; body?: unknown; raw?: string; auth?: string | null } = {}) => {
    const headers = new Headers({ "Content-Type": "application/scim+json" });
    const auth = init.auth === undefined ? `Bearer ${token}` : init.auth;
    if (auth) headers.set("Authorization", auth);
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    return new Request(new URL(path, "http://localhost:3000"), {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
    });
  };
  const collection = (req: Request) => callRoute(req.method === "GET" ? usersLoader : usersAction, req);
  const one = (id: string, req: Request) =>
    callRoute(req.method === "GET" ? userLoader : userAction, req, { userId: id });
  const newUser = (extra: Record<string, unknown> = {}) => ({
    schemas: [USER],
    userName: `scim-${Math.random().toString(36).slice(2)}@example.com`,
    name: { givenName: "Grace", familyName: "Hopper" },
    externalId: "okta-00u1",
    active: true,
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) => {
    const response = await collection(scim("/scim/v2/Users", { body: newUser(extra) }));
    expect(response.status).toBe(201);
    return (await response.json()) as ScimUser;
  };
  const expectError = async (response: Response, status: number, scimType?: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toBe("application/scim+json");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}) });
    expect(body.detail).toEqual(expect.any(String));
    return body.detail as string;
  };

  it("shows the token once and keeps only its hash", async () => {
    expect(token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    const rows = await ctx.db.selectFrom("scim_tokens").select(["token_hash", "label"]).execute();
    expect(rows).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), label: "Okta" }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses a missing, wrong or revoked token with a SCIM 401", async () => {
    await expectError(await collection(scim("/scim/v2/Users", { auth: null })), 401);
    await expectError(await collection(scim("/scim/v2/Users", { auth: "Bearer scim_not-a-real-token" })), 401);
    await expectError(await collection(scim("/scim/v2/Users", { body: newUser(), auth: `Basic ${btoa("a:b")}` })), 401);
    // A browser session is no substitute.
    const viaCookie = scim("/scim/v2/Users", { auth: null });
    viaCookie.headers.set("Cookie", adminCookie);
    await expectError(await collection(viaCookie), 401);
    const other = await callRoute(
      adminAction,
      request("/admin/sso", { cookie: adminCookie, form: { intent: "create-token", label: "Old" } }),
    );
    const oldToken = ((await other.json()) as { token: string }).token;
    expect((await collection(scim("/scim/v2/Users", { auth: `Bearer ${oldToken}` }))).status).toBe(200);
    const { id } = await ctx.db
      .selectFrom("scim_tokens")
      .select("id")
      .where("label", "=", "Old")
      .executeTakeFirstOrThrow();
    expect(
      (
        await callRoute(
          adminAction,
          request("/admin/sso", { cookie: adminCookie, form: { intent: "revoke-token", tokenId: id } }),
        )
      ).status,
    ).toBe(200);
    await expectError(await collection(scim("/scim/v2/Users", { auth: `Bearer ${oldToken}` })), 401);
  });

  it("creates a user, finds it by id and by userName filter, and refuses a duplicate", async () => {
    const user = await create();
    expect(user).toMatchObject({ displayName: "Grace Hopper", active: true, externalId: "okta-00u1" });
    expect(user.meta.location).toBe(`http://localhost:3000/scim/v2/Users/${user.id}`);
    const roles = await ctx.db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
    expect(roles).toEqual([{ role: "interviewer" }]);

    const got = await one(user.id, scim(`/scim/v2/Users/${user.id}`));
    expect(((await got.json()) as ScimUser).userName).toBe(user.userName);
    const filtered = await collection(
      scim(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${user.userName.toUpperCase()}"`)}`),
    );
    expect(await filtered.json()).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 1,
      Resources: [{ id: user.id }],
    });
    const none = await collection(
      scim(`/scim/v2/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`),
    );
    expect(await none.json()).toMatchObject({ totalResults: 0, Resources: [] });

    await expectError(
      await collection(scim("/scim/v2/Users", { body: newUser({ userName: user.userName }) })),
      409,
      "uniqueness",
    );
    await expectError(
      await one("00000000-0000-4000-8000-000000000000", scim("/scim/v2/Users/00000000-0000-4000-8000-000000000000")),
      404,
    );
    await expectError(await one("not-a-uuid", scim("/scim/v2/Users/not-a-uuid")), 404);
  });

  it("pages with startIndex and count", async () => {
    for (let i = 0; i < 3; i++) await create();
    const all = (await (await collection(scim("/scim/v2/Users?count=200"))).json()) as {
      totalResults: number;
      Resources: ScimUser[];
    };
    const page = (await (await collection(scim("/scim/v2/Users?startIndex=2&count=2"))).json()) as {
      totalResults: number;
      startIndex: number;
      itemsPerPage: number;
      Resources: ScimUser[];
    };
    expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: 2, itemsPerPage: 2 });
    expect(page.Resources.map((u) => u.id)).toEqual(all.Resources.slice(1, 3).map((u) => u.id));
  });

  it("answers bad bodies and filters with SCIM errors that name the attribute", async () => {
    expect(
      await expectError(
        await collection(scim("/scim/v2/Users", { body: newUser({ userName: undefined }) })),
        400,
        "invalidValue",
      ),
    ).toMatch(/userName/);
    expect(
      await expectError(
        await collection(scim("/scim/v2/Users", { body: newUser({ userName: "not an email" }) })),
        400,
        "invalidValue",
      ),
    ).toMatch(/userName/);
    expect(
      await expectError(
        await collection(scim("/scim/v2/Users", { body: newUser({ schemas: ["urn:example:Other"] }) })),
        400,
        "invalidValue",
      ),
    ).toMatch(/schemas/);
    expect(
      await expectError(
        await collection(scim("/scim/v2/Users", { body: newUser({ active: "maybe" }) })),
        400,
        "invalidValue",
      ),
    ).toMatch(/active/);
    await expectError(await collection(scim("/scim/v2/Users", { raw: "{not json" })), 400, "invalidSyntax");
    await expectError(
      await collection(scim(`/scim/v2/Users?filter=${encodeURIComponent('displayName co "a"')}`)),
      400,
      "invalidFilter",
    );
    const user = await create();
    await expectError(
      await one(
        user.id,
        scim(`/scim/v2/Users/${user.id}`, { method: "PATCH", body: { schemas: [PATCH], Operations: [] } }),
      ),
      400,
      "invalidValue",
    );
    await expectError(
      await one(
        user.id,
        scim(`/scim/v2/Users/${user.id}`, {
          method: "PATCH",
          body: { schemas: [PATCH], Operations: [{ op: "move", path: "active" }] },
        }),
      ),
      400,
      "invalidValue",
    );
    await expectError(
      await one(
        user.id,
        scim(`/scim/v2/Users/${user.id}`, {
          method: "PATCH",
          body: { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: 3 }] },
        }),
      ),
      400,
      "invalidValue",
    );
  });

  it("deactivates by PATCH (Entra ID's shape) and ends the user's sessions in the same request", async () => {
    const user = await create();
    const cookie = await signedInCookie(user.id);
    const whoIs = async () =>
      ((await (await callRoute(rootLoader, request("/", { cookie }))).json()) as { user: unknown }).user;
    expect(await whoIs()).not.toBeNull();
    const patched = await one(
      user.id,
      scim(`/scim/v2/Users/${user.id}`, {
        method: "PATCH",
        body: { schemas: [PATCH], Operations: [{ op: "Replace", path: "active", value: "False" }] },
      }),
    );
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as ScimUser).active).toBe(false);
    expect(await whoIs()).toBeNull();
    expect(await ctx.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "user.deactivate")
      .where("subject_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: null, details: { via: "scim" } });

    // Okta's shape: no path, a value object; and back on.
    const back = await one(
      user.id,
      scim(`/scim/v2/Users/${user.id}`, {
        method: "PATCH",
        body: {
          schemas: [PATCH],
          Operations: [{ op: "replace", value: { active: true, displayName: "Grace B. Hopper" } }],
        },
      }),
    );
    expect(await back.json()).toMatchObject({ active: true, displayName: "Grace B. Hopper" });
  });

  it("replaces with PUT and deactivates with DELETE", async () => {
    const user = await create();
    const renamed = `renamed-${Math.random().toString(36).slice(2)}@example.com`;
    const put = await one(
      user.id,
      scim(`/scim/v2/Users/${user.id}`, {
        method: "PUT",
        body: newUser({ userName: renamed, displayName: "G. Hopper", externalId: "okta-00u2" }),
      }),
    );
    expect(await put.json()).toMatchObject({
      userName: renamed,
      displayName: "G. Hopper",
      externalId: "okta-00u2",
      active: true,
    });
    const cookie = await signedInCookie(user.id);
    const deleted = await one(user.id, scim(`/scim/v2/Users/${user.id}`, { method: "DELETE" }));
    expect(deleted.status).toBe(204);
    const row = await ctx.db.selectFrom("users").select("active").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.active).toBe(false);
    expect(
      ((await (await callRoute(rootLoader, request("/", { cookie }))).json()) as { user: unknown }).user,
    ).toBeNull();
  });

  it("describes itself: ServiceProviderConfig, ResourceTypes, Schemas", async () => {
    const config = await (await callRoute(configLoader, scim("/scim/v2/ServiceProviderConfig"))).json();
    expect(config).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    expect(await (await callRoute(typesLoader, scim("/scim/v2/ResourceTypes"))).json()).toMatchObject({
      Resources: [{ id: "User", endpoint: "/Users", schema: USER }],
    });
    expect(await (await callRoute(schemasLoader, scim("/scim/v2/Schemas"))).json()).toMatchObject({
      Resources: [{ id: USER }],
    });
  });
});
