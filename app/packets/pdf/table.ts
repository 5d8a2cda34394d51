import { COLORS, SIZES, bottom, heading, heightOf, setFont, startBlock, write, type Doc } from "./layout";

// A bordered table whose header row is drawn again at the top of every page the table reaches.
// Cells hold short values (names, levels, dates); long prose belongs in paragraphs.

export type Column = { header: string; width: number; align?: "left" | "center" };
export type Cell = string | { text: string; bold?: boolean; color?: string };

const PAD = 4;

// `title` is a level-2 heading kept on the same page as the table.
export function table(
  doc: Doc,
  columns: Column[],
  rows: Cell[][],
  { size = SIZES.small, title, onStart }: { size?: number; title?: string; onStart?: () => void } = {},
): void {
  const left = doc.page.margins.left;
  const header = columns.map((c): Cell => ({ text: c.header, bold: true }));

  const drawRow = (cells: Cell[], fill?: string, height = rowHeight(doc, columns, cells, size)) => {
    const y = doc.y;
    let x = left;
    if (fill) doc.rect(left, y, totalWidth(columns), height).fill(fill);
    cells.forEach((cell, i) => {
      const { text, bold, color } = typeof cell === "string" ? { text: cell } : cell;
      setFont(doc, bold ? "bold" : "regular", size, color ?? COLORS.text);
      write(doc, text, x + PAD, y + PAD, {
        width: columns[i].width - 2 * PAD,
        align: columns[i].align ?? "left",
        lineGap: 1,
      });
      x += columns[i].width;
    });
    doc.lineWidth(0.5).strokeColor(COLORS.rule);
    x = left;
    for (const column of columns) {
      doc.rect(x, y, column.width, height).stroke();
      x += column.width;
    }
    doc.x = left;
    doc.y = y + height;
  };

  const headerHeight = rowHeight(doc, columns, header, size);
  const heights = rows.map((row) => rowHeight(doc, columns, row, size));
  const total = headerHeight + heights.reduce((sum, h) => sum + h, 0);
  // A table that fits on one page starts on a new page rather than split. A longer one is split
  // rather than moved whole to a new page (a page holding one small table is a waste), but never
  // with fewer than three rows (or all of a shorter table) on either side. `y` is below the title
  // and any heading waiting for the table.
  const keep = (rowsKept: number[]) => rowsKept.reduce((sum, h) => sum + h, 0);
  const head = headerHeight + keep(heights.slice(0, 3));
  const tail = keep(heights.slice(-3));
  const fitsHere = (y: number) => y + total <= bottom(doc);
  const splitsWell = (y: number) => y + head <= bottom(doc) && y + total - tail > bottom(doc) && heights.length > 6;
  if (title) heading(doc, title, 2);
  startBlock(doc, (y) => fitsHere(y) || splitsWell(y));
  onStart?.();
  drawRow(header, COLORS.fill, headerHeight);
  rows.forEach((row, i) => {
    if (doc.y + heights[i] > bottom(doc)) {
      doc.addPage();
      drawRow(header, COLORS.fill, headerHeight);
    }
    drawRow(row, undefined, heights[i]);
  });
  doc.moveDown(0.6);
  setFont(doc, "regular", SIZES.body);
}

function rowHeight(doc: Doc, columns: Column[], cells: Cell[], size: number): number {
  let max = 0;
  cells.forEach((cell, i) => {
    const { text, bold } = typeof cell === "string" ? { text: cell, bold: false } : cell;
    setFont(doc, bold ? "bold" : "regular", size);
    max = Math.max(max, heightOf(doc, text, { width: columns[i].width - 2 * PAD, lineGap: 1 }));
  });
  return max + 2 * PAD;
}

function totalWidth(columns: Column[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0);
}
