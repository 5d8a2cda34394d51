import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TRANSCRIPT_MAX_BYTES, transcriptProblem, transcriptText } from "~/scorecards/transcript";
import { TEMPLATE_MAX_CHARS, TemplateError, loadKitFile } from "~/scorecards/templates.server";
import { readKitYaml } from "~/kits/kit.schema";
import { importSchema, MAX_IMPORT_BYTES } from "~/candidates/csv-import.schema";
import { fieldErrors } from "~/ui/form.server";

// Files people upload or drop into templates/: the wrong kind, or far too much, is refused
// with a sentence that names the file and what to do, never a stack trace.

describe("transcript upload", () => {
  it("refuses other file types, naming the file", () => {
    for (const name of ["notes.pdf", "recording.mp3", "transcript.vtt.exe", "transcript", "photo.PNG"]) {
      expect(transcriptProblem({ name, size: 100, type: "application/octet-stream" })).toBe(
        `“${name}” is not a .txt or .vtt transcript.`,
      );
    }
  });

  it("refuses a file over 1 MB and accepts one at the limit", () => {
    expect(transcriptProblem({ name: "call.vtt", size: TRANSCRIPT_MAX_BYTES + 1, type: "text/vtt" })).toMatch(
      /“call.vtt” is larger than 1 MB/,
    );
    expect(transcriptProblem({ name: "call.TXT", size: TRANSCRIPT_MAX_BYTES, type: "text/plain" })).toBeNull();
  });

  it("reads WebVTT into plain speaker lines and leaves binary-looking text inert", () => {
    const vtt =
      "\uFEFFWEBVTT\n\nNOTE private\nskip me\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Ana Lima>I listened <b>first</b>.\n";
    expect(transcriptText("call.vtt", vtt)).toBe("Ana Lima: I listened first.");
    expect(transcriptText("x.txt", "a\r\nb\rc\u0000")).toBe("a\nb\nc\u0000");
  });
});

describe("templates import", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-kit-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const kitFile = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const problemOf = (file: string) => {
    try {
      loadKitFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      return (error as Error).message;
    }
    throw new Error("the kit was accepted");
  };

  it("refuses a binary file as not YAML text", () => {
    const file = kitFile("image.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(problemOf(file)).toMatch(/image\.yaml: \(file\): not a YAML text file/);
  });

  it("refuses a huge file before parsing it", () => {
    const file = kitFile("huge.yaml", `id: huge\ntitle: ${"a".repeat(TEMPLATE_MAX_CHARS)}\n`);
    const started = Date.now();
    expect(problemOf(file)).toMatch(/huge\.yaml: \(file\): too large \(1,000,01\d characters; at most 1,000,000\)/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("names the line of broken YAML and the field of a wrong shape", () => {
    expect(problemOf(kitFile("broken.yaml", "id: [unclosed\n"))).toMatch(
      /broken\.yaml: line \d+, column \d+: invalid YAML/,
    );
    expect(problemOf(kitFile("list.yaml", "- just\n- a list\n"))).toMatch(
      /list\.yaml: \(top level\): expected a mapping of fields, got a list/,
    );
    expect(problemOf(kitFile("deep.yaml", "[".repeat(50_000)))).toMatch(/deep\.yaml: .*invalid YAML/);
  });

  it("refuses an oversized kit in the admin editor and an oversized CSV import with the limit in words", () => {
    expect(readKitYaml("a".repeat(200_001))).toEqual({
      ok: false,
      problem: "The YAML is too long: at most 200,000 characters",
    });
    const csv = importSchema.safeParse({
      positionId: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      csv: "x".repeat(MAX_IMPORT_BYTES + 1),
      idempotencyKey: "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    });
    expect(csv.success ? {} : fieldErrors(csv.error)).toMatchObject({ csv: "The file is too large: at most 1 MB" });
  });
});
