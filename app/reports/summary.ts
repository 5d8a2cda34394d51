// The summary's figures in words, the same on the page and in the PDF.

type Totals = {
  candidates: number;
  interviews: number;
  due: number;
  submitted: number;
  overdue: number;
  median_hours: number | null;
};

export function formatHours(hours: number): string {
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1).replace(/\.0$/, "") : Math.round(days)} days`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// "+0.8 levels", "−0.3 levels", "±0 levels".
export function formatOffset(offset: number): string {
  const rounded = (Math.sign(offset) * Math.round(Math.abs(offset) * 10)) / 10; // half away from zero, both signs alike
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${Math.abs(rounded).toFixed(1)} levels`;
}

export function summaryFigures(t: Totals): { label: string; value: string }[] {
  return [
    { label: "Candidates", value: t.candidates.toLocaleString("en-US") },
    { label: "Interviews", value: t.interviews.toLocaleString("en-US") },
    {
      label: "Scorecards submitted",
      value: `${t.submitted.toLocaleString("en-US")} of ${t.due.toLocaleString("en-US")} due`,
    },
    { label: "Overdue", value: t.overdue.toLocaleString("en-US") },
    { label: "Median time to feedback", value: t.median_hours === null ? "—" : formatHours(t.median_hours) },
  ];
}
