// A small horizontal bar chart drawn as SVG on the server: four or five bars read faster as
// a picture, and need no chart library or client script. The PDF draws the same bars with pdfkit.

export type Bar = { label: string; value: number };

const ROW = 26;
const LABEL = 120;
const TRACK = 280;

export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL + TRACK + 56;
  return (
    <figure className="bar-chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${bars.length * ROW}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <desc id={`${id}-desc`}>{bars.map((b) => `${b.label}: ${b.value}`).join("; ")}</desc>
        {bars.map((bar, i) => {
          const length = (bar.value / max) * TRACK;
          return (
            <g key={bar.label} transform={`translate(0 ${i * ROW})`}>
              <text x={LABEL - 8} y={ROW / 2} textAnchor="end" dominantBaseline="central" className="bar-label">
                {bar.label}
              </text>
              <rect x={LABEL} y={5} width={TRACK} height={ROW - 10} className="bar-track" />
              <rect x={LABEL} y={5} width={length} height={ROW - 10} className="bar-fill" />
              <text x={LABEL + length + 6} y={ROW / 2} dominantBaseline="central" className="bar-value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

// One bar split by level, low to high: an interviewer's ratings at a glance.
export function StackedBar({ label, parts }: { label: string; parts: { id: string; label: string; value: number }[] }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  // Each bar starts where the ones before it end.
  const starts = parts.map((_, i) =>
    parts.slice(0, i).reduce((sum, p) => sum + (total ? (p.value / total) * 100 : 0), 0),
  );
  return (
    <svg
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      className="stacked-bar"
      role="img"
      aria-label={`${label}: ${parts.map((p) => `${p.label} ${p.value}`).join(", ")}`}
    >
      {total === 0 ? <rect width={100} height={10} className="bar-track" /> : null}
      {parts.map((p, i) => (
        <rect
          key={p.id}
          x={starts[i]}
          width={total ? (p.value / total) * 100 : 0}
          height={10}
          className={`level-${p.id}`}
        />
      ))}
    </svg>
  );
}
