import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// DejaVu Sans from the `dejavu-fonts-ttf` npm package: a Unicode TrueType family (Latin, Greek,
// Cyrillic, ★ ☆ — “ ”) that pdfkit embeds as a subset. Resolved through Node's module lookup so
// the path holds from the source tree, the Remix server build and the CLI alike.
const require = createRequire(import.meta.url);
const ttfDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const PDF_FONTS = {
  regular: join(ttfDir, "DejaVuSans.ttf"),
  bold: join(ttfDir, "DejaVuSans-Bold.ttf"),
  italic: join(ttfDir, "DejaVuSans-Oblique.ttf"),
} as const;
export type PdfFontName = keyof typeof PDF_FONTS;
