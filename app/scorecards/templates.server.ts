import { getSettings } from "~/env.server";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import type { RedFlagCategory } from "./rubric";
import {
  kitSchema,
  redFlagTaxonomySchema,
  plainTypeMessage,
  rubricSchema,
  type Kit,
  type RedFlagDefinition,
  type RedFlagTaxonomy,
  type Rubric,
} from "./templates.schema";

// Loads the editable templates (rubric, red-flag taxonomy, question kits) and refuses a broken
// one with a single line an admin can act on: `<file>: <path inside it>: <what is wrong>`.

export type Templates = {
  rubric: Rubric;
  redFlags: Record<RedFlagCategory, RedFlagDefinition>;
  kits: Kit[];
  kitById(id: string): Kit | undefined;
};

export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where}: ${problem}`);
  }
}

export type TemplateCheck = { file: string } & ({ ok: true } | { ok: false; error: string });

export function loadTemplates(dir = defaultDir()): Templates {
  const files = filesIn(dir);
  const rubric = files.rubric.load();
  const redFlags = files.redFlags.load();
  const kits = files.kits.map(({ file, load }) => ({ file, kit: load() }));
  const duplicate = duplicateKitId(kits);
  if (duplicate) throw duplicate;
  const byId = new Map(kits.map(({ kit }) => [kit.id, kit]));
  return { rubric, redFlags, kits: [...byId.values()], kitById: (id) => byId.get(id) };
}

let cached: Templates | undefined;
type Saved = { rubric?: Rubric; redFlags?: RedFlagTaxonomy };
// The rubric and taxonomy saved in the browser, put in place at start-up, on every save and when
// another instance saved; the files stay the seed for a database that has none. On globalThis:
// server.ts and the Remix build each bundle a copy of this module, and both must read the same.
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for("panel.saved-templates")] ??= {
  saved: {},
  versions: null,
}) as { saved: Saved; versions: string | null };

export function getTemplates(): Templates {
  cached ??= loadTemplates();
  const { saved } = shared;
  return { ...cached, rubric: saved.rubric ?? cached.rubric, redFlags: saved.redFlags ?? cached.redFlags };
}

// The seed files alone, without what was saved in the browser.
export function templateFiles(): Templates {
  cached ??= loadTemplates();
  return cached;
}

// `versions` names what was adopted ("rubric:2,red-flags:3"), so a later check can tell it is current.
export function adoptSavedTemplates(saved: Saved, versions: string | null = null): void {
  shared.saved = saved;
  shared.versions = versions;
}

export function adoptedTemplateVersions(): string | null {
  return shared.versions;
}

export function parseRubric(data: unknown, sourceLabel: string): Rubric {
  return parseWith(rubricSchema, data, sourceLabel);
}

export function parseRedFlagTaxonomy(data: unknown, sourceLabel: string): RedFlagTaxonomy {
  return parseWith(redFlagTaxonomySchema, data, sourceLabel);
}

// Every file's state, for an admin page: one broken kit must not hide the others.
export function checkTemplates(dir = defaultDir()): TemplateCheck[] {
  let files: ReturnType<typeof filesIn>;
  try {
    files = filesIn(dir);
  } catch (error) {
    return [failed(asTemplateError(error))];
  }
  const kits: { file: string; kit: Kit }[] = [];
  const checks = [
    check(files.rubric),
    check(files.redFlags),
    ...files.kits.map(({ file, load }) => check({ file, load: () => kits.push({ file, kit: load() }) })),
  ];
  const duplicate = duplicateKitId(kits);
  return duplicate ? checks.map((c) => (c.file === duplicate.file ? failed(duplicate) : c)) : checks;
}

// For kits stored elsewhere (an admin's edited copy in the database).
export function parseKit(data: unknown, sourceLabel: string): Kit {
  return parseWith(kitSchema, data, sourceLabel);
}

export function loadKitFile(file: string): Kit {
  return parseKit(readYaml(file), label(file));
}

export const TEMPLATE_MAX_CHARS = 1_000_000;
const RUBRIC = "rubric.yaml";
const RED_FLAGS = "red-flags.yaml";
const KITS = "kits";

function defaultDir() {
  return getSettings().TEMPLATES_DIR ?? path.resolve("templates");
}

function filesIn(dir: string) {
  const kitsDir = path.join(dir, KITS);
  if (!fs.existsSync(kitsDir))
    throw new TemplateError(label(kitsDir), "(folder)", "missing: put question kits here as *.yaml");
  const kitFiles = fs
    .readdirSync(kitsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(kitsDir, name));
  if (kitFiles.length === 0) throw new TemplateError(label(kitsDir), "(folder)", "no question kits (*.yaml) found");
  const rubricFile = path.join(dir, RUBRIC);
  const redFlagsFile = path.join(dir, RED_FLAGS);
  return {
    rubric: { file: rubricFile, load: () => parseWith(rubricSchema, readYaml(rubricFile), label(rubricFile)) },
    redFlags: {
      file: redFlagsFile,
      load: () => parseWith(redFlagTaxonomySchema, readYaml(redFlagsFile), label(redFlagsFile)),
    },
    kits: kitFiles.map((file) => ({ file, load: () => loadKitFile(file) })),
  };
}

function duplicateKitId(kits: { file: string; kit: Kit }[]): TemplateError | undefined {
  const seen = new Map<string, string>();
  for (const { file, kit } of kits) {
    const other = seen.get(kit.id);
    if (other)
      return new TemplateError(
        label(file),
        "id",
        `duplicate kit id ${JSON.stringify(kit.id)} (also in ${label(other)})`,
      );
    seen.set(kit.id, file);
  }
  return undefined;
}

function readYaml(file: string): unknown {
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new TemplateError(label(file), "(file)", missing ? "missing" : `cannot be read: ${(error as Error).message}`);
  }
  // A template is a few kilobytes of text: refuse a binary or runaway file before parsing it.
  if (source.length > TEMPLATE_MAX_CHARS) {
    throw new TemplateError(
      label(file),
      "(file)",
      `too large (${count(source.length)} characters; at most ${count(TEMPLATE_MAX_CHARS)})`,
    );
  }
  if (source.includes("\u0000"))
    throw new TemplateError(label(file), "(file)", "not a YAML text file (it contains binary data)");
  const doc = YAML.parseDocument(source);
  const [problem] = doc.errors;
  if (problem) {
    const at = problem.linePos?.[0];
    // The yaml library appends a position and a code frame; keep the first sentence only.
    const message = problem.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new TemplateError(
      label(file),
      at ? `line ${at.line}, column ${at.col}` : "(file)",
      `invalid YAML: ${message}`,
    );
  }
  return doc.toJS();
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const result = schema.safeParse(data, { error: plainTypeMessage });
  if (result.success) return result.data;
  const [issue, ...rest] = result.error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? "problem" : "problems"})` : "";
  const { where, problem } = describe(issue);
  throw new TemplateError(source, where, problem + more);
}

function describe(issue: z.core.$ZodIssue): { where: string; problem: string } {
  const where = formatPath(issue.path);
  if (issue.code !== "unrecognized_keys") return { where, problem: issue.message };
  const keys = issue.keys.map((key) => JSON.stringify(key)).join(", ");
  return { where, problem: `unexpected ${issue.keys.length === 1 ? "key" : "keys"} ${keys}` };
}

// questions[3].keyPoints — how an admin would point at the spot in the YAML.
function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return "(top level)";
  return segments
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

const count = (n: number) => n.toLocaleString("en-US");

function label(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}

function check({ file, load }: { file: string; load: () => unknown }): TemplateCheck {
  try {
    load();
    return { file: label(file), ok: true };
  } catch (error) {
    return { file: label(file), ok: false, error: asTemplateError(error).message };
  }
}

function failed(error: TemplateError): TemplateCheck {
  return { file: error.file, ok: false, error: error.message };
}

function asTemplateError(error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  throw error;
}
