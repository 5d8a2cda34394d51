import os from "node:os";
import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

// Argon2 is deliberately costly (about 19 MiB and tens of milliseconds per check). A ceiling on
// how many run at once, and on how many may wait, keeps password spraying from taking every
// core and all memory from the rest of the app: past the queue the caller is told to retry.
export const PASSWORD_WORK = { concurrent: Math.max(1, os.availableParallelism() - 1), waiting: 64 } as const;
const slots = pLimit(PASSWORD_WORK.concurrent);

export class PasswordWorkBusy extends Error {
  constructor() {
    super("Too many sign-ins are being checked right now. Try again in a few seconds.");
  }
}

function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.pendingCount >= PASSWORD_WORK.waiting) return Promise.reject(new PasswordWorkBusy());
  return slots(work);
}

export const passwordWork = () => ({ active: slots.activeCount, waiting: slots.pendingCount });

export const hashPassword = (password: string) => withSlot(() => hash(password));

// Verifies against a throwaway hash when the user is unknown, so timing does not tell which.
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash("not-a-real-password");
    const dummy = await dummyHash;
    await withSlot(() => verify(dummy, password));
    return false;
  }
  return withSlot(() => verify(stored, password));
}
