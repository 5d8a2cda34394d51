import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The PDFs' fonts (docs/decisions/012-pdf-fonts.md). DejaVu Sans from `dejavu-fonts-ttf` prints
// Latin, Greek, Cyrillic, ★ ☆ — “ ”. pdfkit has no font fallback, so a character DejaVu lacks is
// drawn from the first fallback that has it: Noto Sans CJK SC (Chinese, Japanese kana, most kanji),
// Noto Sans CJK KR (Hangul) and the monochrome Noto Emoji. The fallbacks are large (4–8 MB each)
// and opened only when a document first contains such a character. Every path is resolved through
// Node's module lookup so it holds from the source tree, the Remix server build and the CLI alike.
const require = createRequire(import.meta.url);
const ttfDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const PDF_FONT_PATHS = {
  regular: join(ttfDir, "DejaVuSans.ttf"),
  bold: join(ttfDir, "DejaVuSans-Bold.ttf"),
  italic: join(ttfDir, "DejaVuSans-Oblique.ttf"),
} as const;
export type PdfFontName = keyof typeof PDF_FONT_PATHS;

// Fallbacks in the order they are asked; the CJK faces have no italic, so italic text uses regular.
// (The @embedpdf packages export only their script entry, in dist/; the fonts sit beside it.)
const cjk = (file: string) => join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts", file);
const hangul = (file: string) => join(dirname(require.resolve("@embedpdf/fonts-kr")), "..", "fonts", file);
const emojiDir = dirname(require.resolve("@expo-google-fonts/noto-emoji"));
const emoji = (weight: string) => join(emojiDir, weight, `NotoEmoji_${weight}.ttf`);
export const FALLBACK_FONT_PATHS: Record<PdfFontName, readonly string[]> = {
  regular: [cjk("NotoSansHans-Regular.otf"), hangul("NotoSansKR-Regular.otf"), emoji("400Regular")],
  bold: [cjk("NotoSansHans-Bold.otf"), hangul("NotoSansKR-Bold.otf"), emoji("700Bold")],
  italic: [cjk("NotoSansHans-Regular.otf"), hangul("NotoSansKR-Regular.otf"), emoji("400Regular")],
};

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

const opened = new Map<string, ParsedFont>();
const openFallback = (path: string) => {
  let font = opened.get(path);
  if (!font) opened.set(path, (font = fontkit.openSync(path)));
  return font;
};
// How many fallback files this process has opened: the lazy loading is part of the contract.
export const openedFallbacks = () => opened.size;

const covered = new WeakMap<ParsedFont, Map<number, boolean>>();
function has(font: ParsedFont, codePoint: number): boolean {
  let known = covered.get(font);
  if (!known) covered.set(font, (known = new Map()));
  let answer = known.get(codePoint);
  if (answer === undefined) known.set(codePoint, (answer = font.hasGlyphForCodePoint(codePoint)));
  return answer;
}

// Joiners, variation selectors and skin-tone modifiers only shape colour emoji; a monochrome
// font prints the base symbol, so they are dropped rather than printed as boxes.
const SHAPING_ONLY = /\u200d|\ufe0e|\ufe0f|[\u{1f3fb}-\u{1f3ff}]/gu;

// Most text (Latin, Greek, Cyrillic, typographic quotes and dashes) is one run of the face's own
// font: checked by char code without building runs, which cost as much as pdfkit's own wrapping.
// Astral characters (emoji) and the shaping-only ones take the long way.
function allInPrimary(primary: ParsedFont, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x24f) continue;
    if ((code >= 0xd800 && code <= 0xdfff) || code === 0x200d || code === 0xfe0e || code === 0xfe0f) return false;
    if (!has(primary, code)) return false;
  }
  return true;
}

export type FontRun = { font: ParsedFont; text: string };

// The text cut into runs that each one font can print, the face's own font first. A character
// no font has becomes one U+FFFD (DejaVu's replacement glyph) per run of such characters.
export function fontRuns(face: PdfFontName, text: string): FontRun[] {
  const primary = pdfFonts()[face];
  if (allInPrimary(primary, text)) return [{ font: primary, text }];
  const runs: FontRun[] = [];
  let missing = false;
  for (const ch of text.replace(SHAPING_ONLY, "")) {
    const cp = ch.codePointAt(0)!;
    const last = runs.at(-1);
    // A space stays with the run before it: pdfkit wraps a continued run that starts with one.
    const font = cp === 0x20 && last && has(last.font, cp) ? last.font : fontFor(face, primary, cp);
    const [next, out] = font ? [font, ch] : [primary, missing ? "" : "\uFFFD"];
    missing = !font;
    if (last?.font === next) last.text += out;
    else if (out) runs.push({ font: next, text: out });
  }
  return runs.length ? runs : [{ font: primary, text: "" }];
}

function fontFor(face: PdfFontName, primary: ParsedFont, cp: number): ParsedFont | undefined {
  if (cp <= 0x24f || has(primary, cp)) return primary;
  for (const path of FALLBACK_FONT_PATHS[face]) {
    const candidate = openFallback(path);
    if (has(candidate, cp)) return candidate;
  }
  return undefined;
}
