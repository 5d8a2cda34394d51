import zxcvbnCore from "@zxcvbn-ts/core";
import zxcvbnCommon from "@zxcvbn-ts/language-common";
import { DomainError } from "~/errors.server";

// Server only: the dictionaries are about a megabyte and must never reach the browser bundle.
// Score 3 of 4 is zxcvbn's "safely unguessable" for online attacks; below that are the
// passwords that lists of leaked and common passwords (and their keyboard walks) find.
const MIN_SCORE = 3;
let checker: InstanceType<typeof zxcvbnCore.ZxcvbnFactory> | null = null;

function check(password: string, userInputs: string[]) {
  checker ??= new zxcvbnCore.ZxcvbnFactory({
    dictionary: zxcvbnCommon.dictionary,
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return checker.check(password, userInputs);
}

// What is wrong with a password, to follow its name ("Password …", "ADMIN_PASSWORD …"); null when
// it is strong enough. `userInputs` (the person's email and name) count as guessable too.
export function passwordWeakness(password: string, userInputs: string[]): string | null {
  // zxcvbn matches whole inputs only: "ana.lima@example.org" must become "ana", "lima", "example".
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2);
  if (check(password, words).score >= MIN_SCORE) return null;
  return "is too common or too easy to guess: use a longer phrase of unrelated words, not a name or a pattern";
}

// Refuses a common or easily guessed password, with the message on the field it was typed in.
export function requireStrongPassword(password: string, userInputs: string[], field = "password"): void {
  const weakness = passwordWeakness(password, userInputs);
  if (!weakness) return;
  const message = `Password ${weakness}`;
  throw new DomainError("invalid", message, { fields: { [field]: message } });
}
