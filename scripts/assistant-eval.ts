import { draftScorecard } from "~/assistant/drafter.server";
import { CorpusError, SPLITS, loadSplit, type Split } from "../test/assistant/corpus";
import { evaluate, formatEvaluation, type DraftedCase } from "../test/assistant/evaluate";

// `npm run --silent assistant:eval [-- --split dev|test] [--json] [--details]`: the built-in
// drafter's scores on each split of the labelled corpus. Exit 2 with one line naming the file
// and field when a case does not parse.

const args = process.argv.slice(2);
const splitArg = args.includes("--split") ? args[args.indexOf("--split") + 1] : undefined;
if (splitArg !== undefined && !SPLITS.includes(splitArg as Split)) {
  process.stderr.write(`assistant:eval: --split must be one of ${SPLITS.join(", ")}\n`);
  process.exit(2);
}
const splits = splitArg ? [splitArg as Split] : [...SPLITS];

try {
  const evaluations = splits.map((split) => {
    const results: DraftedCase[] = loadSplit(split).map((c) => ({ ...c, draft: draftScorecard(c.input) }));
    return { split, evaluation: evaluate(results) };
  });
  if (args.includes("--json")) {
    process.stdout.write(
      `${JSON.stringify(Object.fromEntries(evaluations.map((e) => [e.split, e.evaluation])), null, 2)}\n`,
    );
  } else {
    const details = args.includes("--details");
    process.stdout.write(
      `${evaluations.map((e) => formatEvaluation(`split ${e.split}`, e.evaluation, details)).join("\n\n")}\n`,
    );
  }
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  process.stderr.write(`assistant:eval: ${error.message}\n`);
  process.exit(2);
}
