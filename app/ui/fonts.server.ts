import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// DejaVu Sans from the `dejavu-fonts-ttf` npm package: a Unicode TrueType family (Latin, Greek,
// Cyrillic, ★ ☆ — “ ”) that pdfkit embeds as a subset. Resolved through Node's module lookup so
// the path holds from the source tree, the Remix server build and the CLI alike.
const require = createRequire(import.meta.url);
const ttfDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const PDF_FONT_PATHS = {
  regular: join(ttfDir, "DejaVuSans.ttf"),
  bold: join(ttfDir, "DejaVuSans-Bold.ttf"),
  italic: join(ttfDir, "DejaVuSans-Oblique.ttf"),
} as const;
export type PdfFontName = keyof typeof PDF_FONT_PATHS;

// The part of a fontkit font we use; pdfkit 0.20 accepts such an object wherever it takes a font
// path (PDFFontFactory.open checks for `layout`).
export type ParsedFont = {
  postscriptName: string;
  layout: (text: string) => unknown;
  hasGlyphForCodePoint: (codePoint: number) => boolean;
};
const fontkit = require("fontkit") as { openSync: (path: string) => ParsedFont };

let parsed: Record<PdfFontName, ParsedFont> | undefined;

// Parsed once per process: handing pdfkit a path makes every document re-read and re-decode the
// TrueType tables, which cost about 1 s per 8-interview packet; the parsed font (and fontkit's
// glyph caches) is reused across documents, each of which still embeds its own subset.
export function pdfFonts(): Record<PdfFontName, ParsedFont> {
  parsed ??= {
    regular: fontkit.openSync(PDF_FONT_PATHS.regular),
    bold: fontkit.openSync(PDF_FONT_PATHS.bold),
    italic: fontkit.openSync(PDF_FONT_PATHS.italic),
  };
  return parsed;
}
