import { AsyncLocalStorage } from "node:async_hooks";

// Who sent the request being served: its client address (as express sees it, through
// TRUST_PROXY hops) and browser. Set once per request in server.ts and read where it is needed
// (audit rows, sign-in throttling) instead of threading the request through every call.
export type Client = { address: string | null; userAgent: string | null };

// On globalThis: server.ts and the Remix bundle each load their own copy of this module.
const holder = globalThis as unknown as { __panelClient?: AsyncLocalStorage<Client> };
const storage = (holder.__panelClient ??= new AsyncLocalStorage<Client>());

export function withClient<T>(client: Client, work: () => T): T {
  return storage.run(client, work);
}

// Outside a request (the command-line tools, start-up) there is no client.
export function currentClient(): Client {
  return storage.getStore() ?? { address: null, userAgent: null };
}
