// Turns an uploaded transcript into plain answer text: WebVTT cue timings, numbers and the
// header go; speaker tags (<v Name>) become "Name: ".
export const TRANSCRIPT_MAX_BYTES = 1_000_000;

export function transcriptText(fileName: string, raw: string): string {
  if (!/\.vtt$/i.test(fileName)) return raw.replace(/\r\n?/g, "\n").trim();
  const lines = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const kept: string[] = [];
  let inNote = false;
  for (const line of lines) {
    if (/^WEBVTT/.test(line)) continue;
    if (/^(NOTE|STYLE|REGION)\b/.test(line)) {
      inNote = true;
      continue;
    }
    if (line.trim() === "") {
      inNote = false;
      continue;
    }
    if (inNote || /-->/.test(line) || /^\d+$/.test(line.trim())) continue;
    kept.push(
      line
        .replace(/<v(?:\.[^ >]*)? ([^>]+)>/g, "$1: ")
        .replace(/<[^>]+>/g, "")
        .trim(),
    );
  }
  return kept.join("\n");
}

export function transcriptProblem(file: { name: string; size: number; type: string }): string | null {
  if (!/\.(txt|vtt)$/i.test(file.name)) return `“${file.name}” is not a .txt or .vtt transcript.`;
  if (file.size > TRANSCRIPT_MAX_BYTES) return `“${file.name}” is larger than 1 MB; paste the relevant part instead.`;
  return null;
}
