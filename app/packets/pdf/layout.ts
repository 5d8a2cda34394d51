import PDFDocument from "pdfkit";
import { fontRuns, pdfFonts, type ParsedFont, type PdfFontName } from "~/ui/fonts.server";

// The packet's typography and the few text primitives every section uses. All text goes through
// `write`, which prints each run of characters in a font that has them (CJK, emoji: see
// ui/fonts.server.ts), so nothing prints as a blank box.

export const PAGE = { size: "A4", margin: 56, footer: 30 } as const;
export const COLORS = {
  text: "#111111",
  muted: "#555555",
  heading: "#1f3a5f",
  rule: "#b8c2cc",
  fill: "#e9eef3",
  warn: "#8a1c1c",
} as const;
export const SIZES = { title: 22, h1: 15, h2: 11.5, body: 9.5, small: 8.5 } as const;

export type Doc = PDFKit.PDFDocument;

export function createDocument(info: { title: string; subject: string; createdAt: Date }): Doc {
  // `font` in the constructor keeps pdfkit from ever loading its built-in Helvetica AFM files;
  // `bufferPages` lets the footer say "Page X of Y" once the last page exists.
  const fonts = pdfFonts();
  // pdfkit's types only admit a path for `font`; 0.20 also takes a parsed fontkit font.
  const asSource = (font: ParsedFont) => font as unknown as string;
  const doc = new PDFDocument({
    font: asSource(fonts.regular),
    size: PAGE.size,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footer },
    bufferPages: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      CreationDate: info.createdAt,
      Creator: "Panel",
      Producer: "Panel (pdfkit)",
    },
    displayTitle: true,
  });
  // Registered under their PostScript names: pdfkit caches the constructor's font under that name,
  // and a different key for the same font would make it re-open and compare the font on every switch.
  for (const font of Object.values(fonts)) doc.registerFont(font.postscriptName, asSource(font));
  return setFont(doc, "regular", SIZES.body);
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

// Keep with next: a heading waits until the block after it knows whether it starts on this page or
// the next, and is drawn just above it there, so no page ends on a heading.
type WaitingHeading = { height: number; draw: () => void };
const waiting = new WeakMap<Doc, WaitingHeading[]>();

// Every block starts here: a new page unless `fits` (given the y the block would start at, below
// any waiting headings) says it may start on this one; then the waiting headings are drawn.
export function startBlock(doc: Doc, fits: (y: number) => boolean): void {
  const headings = waiting.get(doc) ?? [];
  const y = doc.y + headings.reduce((sum, h) => sum + h.height, 0);
  // On a page with nothing on it yet a new page would not help: the block breaks where it must.
  if (!fits(y) && doc.y > doc.page.margins.top + 1) doc.addPage();
  waiting.delete(doc);
  for (const h of headings) h.draw();
}

// Start a new page unless `height` points still fit on this one.
export function ensureSpace(doc: Doc, height: number): void {
  startBlock(doc, (y) => y + height <= bottom(doc));
}

const currentFont = new WeakMap<Doc, PdfFontName>();
const registered = new WeakMap<Doc, Set<string>>();

// Blank lines between paragraphs become one break: pdfkit's paragraphGap already separates them.
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\n[ \t]*(?:\n[ \t]*)+/g, "\n")
    .trim();
}

// pdfkit caches a font per name: a fallback is registered on the document once, when first used.
function useFont(doc: Doc, font: ParsedFont): void {
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(font.postscriptName)) {
    doc.registerFont(font.postscriptName, font as unknown as string);
    names.add(font.postscriptName);
  }
  doc.font(font.postscriptName);
}

type WriteOptions = PDFKit.Mixins.TextOptions;

// doc.text for any text: one call per font run, chained with `continued` so the runs wrap as one
// paragraph. The face set by setFont is restored afterwards.
export function write(doc: Doc, text: string, x?: number, y?: number, options: WriteOptions = {}): Doc {
  const face = currentFont.get(doc) ?? "regular";
  const runs = fontRuns(face, text);
  runs.forEach((run, i) => {
    useFont(doc, run.font);
    const continued = i < runs.length - 1 || options.continued === true;
    if (i === 0) doc.text(run.text, x, y, { ...options, continued });
    else doc.text(run.text, { ...options, continued });
  });
  return doc.font(pdfFonts()[face].postscriptName);
}

// The height `write` will take. pdfkit measures in one font, so each character from a fallback
// counts as a "W", DejaVu's widest letter (CJK and emoji glyphs are about as wide).
export function heightOf(doc: Doc, text: string, options: WriteOptions): number {
  const face = currentFont.get(doc) ?? "regular";
  const primary = pdfFonts()[face];
  const measurable = fontRuns(face, text)
    .map((run) => (run.font === primary ? run.text : "W".repeat([...run.text].length)))
    .join("");
  return doc.heightOfString(measurable || " ", options);
}

// For a one-line label drawn with plain doc.text: characters no bundled font has become U+FFFD.
export function printable(doc: Doc, text: string): string {
  const primary = pdfFonts()[currentFont.get(doc) ?? "regular"];
  return fontRuns(currentFont.get(doc) ?? "regular", text)
    .map((run) => (run.font === primary ? run.text : "\uFFFD"))
    .join("");
}

// Every font change goes through here, so `printable` knows which face's glyphs to check.
export function setFont(doc: Doc, font: PdfFontName, size: number, color: string = COLORS.text): Doc {
  currentFont.set(doc, font);
  return doc.font(pdfFonts()[font].postscriptName).fontSize(size).fillColor(color);
}

type TextOptions = { font?: PdfFontName; size?: number; color?: string; gap?: number; indent?: number };

export function paragraph(
  doc: Doc,
  text: string,
  { font = "regular", size = SIZES.body, color = COLORS.text, gap = 4, indent = 0 }: TextOptions = {},
): void {
  setFont(doc, font, size, color);
  const x = doc.page.margins.left + indent;
  const options = { width: contentWidth(doc) - indent, paragraphGap: gap, lineGap: 1.5 };
  const height = heightOf(doc, tidy(text), options);
  const lineHeight = doc.currentLineHeight(true) + 1.5;
  startBlock(doc, (y) => linesKeptTogether(doc, y, height, lineHeight));
  setFont(doc, font, size, color);
  write(doc, tidy(text), x, doc.y, options);
  doc.x = doc.page.margins.left;
}

// No widows or orphans: a paragraph that would leave fewer than two of its lines at the foot of
// this page, or carry fewer than two onto the next, starts on the next page instead.
function linesKeptTogether(doc: Doc, y: number, height: number, lineHeight: number): boolean {
  const room = bottom(doc) - y;
  if (height <= room) return true;
  const here = Math.floor(room / lineHeight);
  if (height > bottom(doc) - doc.page.margins.top) return here >= 2;
  return here >= 2 && Math.ceil(height / lineHeight) - here >= 2;
}

// A heading, drawn once the block after it has found its page (see startBlock); an optional muted
// tag after it. `onPlaced` runs on the page it lands on (an outline entry there, say).
export function heading(
  doc: Doc,
  text: string,
  level: 1 | 2,
  { tag, onPlaced }: { tag?: string; onPlaced?: () => void } = {},
): void {
  const size = level === 1 ? SIZES.h1 : SIZES.h2;
  const space = level === 1 ? 0.6 : 0.4;
  const options = { width: contentWidth(doc), paragraphGap: level === 1 ? 6 : 3 };
  setFont(doc, "regular", SIZES.body);
  const above = doc.currentLineHeight(true) * space;
  setFont(doc, "bold", size);
  const height = above + heightOf(doc, tag ? `${text}  ${tag}` : text, options) + options.paragraphGap;
  setFont(doc, "regular", SIZES.body);
  const draw = () => {
    doc.moveDown(space);
    setFont(doc, "bold", size, COLORS.heading);
    const x = doc.page.margins.left;
    if (tag) {
      write(doc, text + "  ", x, doc.y, { ...options, continued: true });
      write(setFont(doc, "italic", size - 2, COLORS.muted), tag, undefined, undefined, options);
    } else {
      write(doc, text, x, doc.y, options);
    }
    setFont(doc, "regular", SIZES.body);
    onPlaced?.();
  };
  waiting.set(doc, [...(waiting.get(doc) ?? []), { height, draw }]);
}

export function bulletList(doc: Doc, items: readonly string[], { numbered = false, empty = "None" } = {}): void {
  if (items.length === 0) return paragraph(doc, empty, { color: COLORS.muted });
  setFont(doc, "regular", SIZES.body);
  items.forEach((item, i) => {
    const marker = numbered ? `${i + 1}.` : "•";
    ensureSpace(doc, SIZES.body * 1.6);
    const y = doc.y;
    doc.text(marker, doc.page.margins.left + 4, y, { width: 18, lineBreak: false });
    write(doc, tidy(item), doc.page.margins.left + 22, y, {
      width: contentWidth(doc) - 22,
      paragraphGap: 2,
      lineGap: 1.5,
    });
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.3);
}

export function keyValues(doc: Doc, pairs: [string, string][]): void {
  for (const [key, value] of pairs) {
    ensureSpace(doc, SIZES.body * 1.6);
    setFont(doc, "bold", SIZES.body);
    write(doc, `${key}: `, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
      continued: true,
      lineGap: 1.5,
    });
    write(setFont(doc, "regular", SIZES.body), tidy(value), undefined, undefined, { lineGap: 1.5, paragraphGap: 2 });
  }
  doc.x = doc.page.margins.left;
}

export function drawFooters(doc: Doc, text: string): void {
  // A heading nothing followed is still printed.
  ensureSpace(doc, 0);
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin makes pdfkit add a page: lift the margin while drawing.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    setFont(doc, "regular", SIZES.small, COLORS.muted).text(
      `${text} · Page ${i + 1} of ${count}`,
      doc.page.margins.left,
      doc.page.height - PAGE.margin + 10,
      { width: contentWidth(doc), align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = margin;
  }
}
