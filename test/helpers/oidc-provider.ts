import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

// A real OpenID provider in this process (node-oidc-provider, certified), with its own RSA key,
// one confidential client for Panel and a minimal login page: type an account's email, submit.
// Tests change `accounts` to decide what the provider says about someone.

export type TestAccount = { sub: string; email: string; email_verified?: boolean; name?: string; groups?: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

export async function startTestProvider(panelUrl: string): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-key" };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "panel";
  const clientSecret = "panel-test-secret-that-is-long-enough";

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${panelUrl}/auth/oidc/callback`],
        post_logout_redirect_uris: [`${panelUrl}/login`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Claims go into the ID token, where Panel reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    // A first-party client: consent is implied, so the only interaction is the login page.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });

  const callback = provider.callback();
  server.on("request", (req, res) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (req.method === "GET") return loginPage(res, match[1]);
        const email = new URLSearchParams(await body(req)).get("email") ?? "";
        const account = [...accounts.entries()].find(([, a]) => a.email === email);
        if (!account) return loginPage(res, match[1], "No such account.");
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account[0] } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.statusCode = 400;
        res.end(String(error));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function addAccount(provider: TestProvider, account: TestAccount): TestAccount {
  provider.accounts.set(account.sub, { email_verified: true, name: account.email, ...account });
  return account;
}

function loginPage(res: http.ServerResponse, uid: string, problem = "") {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main>
    <h1>Test identity provider</h1>${problem ? `<p role="alert">${problem}</p>` : ""}
    <form method="post" action="/interaction/${uid}/login">
      <label for="email">Work email</label><input id="email" name="email" type="email">
      <button type="submit">Continue</button>
    </form></main></body></html>`);
}

async function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  ctx.body = `<!doctype html><html lang="en"><head><title>Sign out</title></head><body><main><h1>Sign out of the test provider?</h1>${form}
    <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></main></body></html>`;
}

function body(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

// Drives a browser's part of the flow with fetch and a cookie jar: from Panel's redirect to the
// provider, through its login page, to the URL the provider sends the browser back to.
export async function loginAtProvider(authorizeUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await go(authorizeUrl);
  let location = response.headers.get("location");
  for (let hops = 0; location && hops < 10; hops++) {
    const url = new URL(location, authorizeUrl).href;
    if (!url.startsWith(new URL(authorizeUrl).origin)) return url;
    if (/\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      await (await go(url)).text();
      response = await go(`${url}/login`, { method: "POST", body: new URLSearchParams({ email }) });
    } else {
      response = await go(url);
    }
    location = response.headers.get("location");
  }
  throw new Error(`The provider did not send the browser back: ${response.status} ${await response.text()}`);
}
