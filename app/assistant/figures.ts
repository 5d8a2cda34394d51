// A figure is any run of digits ("1,200", "3.5", "40k" → 1200, 3.5, 40). The summary may only
// repeat figures the input contains; shared by the model provider's check and the corpus test.

const FIGURE = /\d[\d,]*(?:\.\d+)?/g;

export function figuresIn(text: string): string[] {
  return (text.match(FIGURE) ?? []).map((f) => f.replace(/,/g, "").replace(/\.$/, ""));
}

export function inventedFigures(summary: string, input: string): string[] {
  const known = new Set(figuresIn(input));
  return [...new Set(figuresIn(summary).filter((f) => !known.has(f)))];
}
