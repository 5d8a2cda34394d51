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

// Refuses a common or easily guessed password, with the message on the field it was typed in.
// `userInputs` (the person's email and name) count as guessable too.
export function requireStrongPassword(password: string, userInputs: string[], field = "password"): void {
  if (check(password, userInputs.filter(Boolean)).score >= MIN_SCORE) return;
  const message =
    "Password is too common or too easy to guess: use a longer phrase of unrelated words, not a name or a pattern";
  throw new DomainError("invalid", message, { fields: { [field]: message } });
}
