import { describe, expect, it } from "vitest";
import { elapsedStamp, insertStampedLine } from "~/scorecards/live-clock";
import { TRANSCRIPT_MAX_BYTES, transcriptProblem, transcriptText } from "~/scorecards/transcript";

describe("live notes", () => {
  it("stamps minutes and seconds since the start", () => {
    expect(elapsedStamp(0, 0)).toBe("[00:00]");
    expect(elapsedStamp(1_000, 1_000 + 760_000)).toBe("[12:40]");
    expect(elapsedStamp(5_000, 1_000)).toBe("[00:00]");
  });

  it("starts a new stamped line at the caret", () => {
    expect(insertStampedLine("", 0, "[00:05]")).toEqual({ text: "[00:05] ", caret: 8 });
    const { text, caret } = insertStampedLine("[00:05] intro\nafter", 13, "[01:00]");
    expect(text).toBe("[00:05] intro\n[01:00] \nafter");
    expect(text.slice(0, caret)).toBe("[00:05] intro\n[01:00] ");
  });
});

describe("transcripts", () => {
  it("keeps the words of a WebVTT file and drops cue timings, numbers and notes", () => {
    const vtt = [
      "WEBVTT\n\nNOTE recorded on Tuesday\nsecond line\n",
      "1\n00:00:01.000 --> 00:00:04.000\n<v Priya>Tell me about a time…\n",
      "2\n00:00:05.000 --> 00:00:09.000\n<v Jordan>I called the director the <b>same</b> day.\n",
    ].join("\n");
    expect(transcriptText("call.vtt", vtt)).toBe(
      "Priya: Tell me about a time…\nJordan: I called the director the same day.",
    );
  });

  it("passes plain text through with normalised line endings", () => {
    expect(transcriptText("notes.txt", "one\r\ntwo\r\n")).toBe("one\ntwo");
  });

  it("refuses other file types and oversize files with a message naming the file", () => {
    expect(transcriptProblem({ name: "cv.pdf", size: 10, type: "application/pdf" })).toBe(
      "“cv.pdf” is not a .txt or .vtt transcript.",
    );
    expect(transcriptProblem({ name: "big.txt", size: TRANSCRIPT_MAX_BYTES + 1, type: "text/plain" })).toMatch(
      /larger than 1 MB/,
    );
    expect(transcriptProblem({ name: "call.VTT", size: 100, type: "" })).toBeNull();
  });
});
