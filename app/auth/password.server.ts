import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string) => hash(password);

// Verifies against a throwaway hash when the user is unknown, so timing does not tell which.
let dummyHash: Promise<string> | null = null;
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash("not-a-real-password");
    await verify(await dummyHash, password);
    return false;
  }
  return verify(stored, password);
}
