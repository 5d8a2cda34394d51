import { LEVELS } from "~/scorecards/rubric";
import type { PacketAggregate } from "../aggregate";
import { Rating, Recommendation } from "./marks";

// The ratings matrix with median and spread, and the recommendations. `empty` says why there is none.
export function OverviewSection({ aggregate, empty }: { aggregate: PacketAggregate; empty: string }) {
  return (
    <section aria-labelledby="overview">
      <h2 id="overview">Panel overview</h2>
      {aggregate.columns.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="matrix">
              <caption>Competency ratings by interviewer, with the median and spread across the panel</caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  {aggregate.columns.map((c) => (
                    <th scope="col" key={c.interviewId}>
                      {c.label}
                    </th>
                  ))}
                  <th scope="col">Median</th>
                  <th scope="col">Spread</th>
                </tr>
              </thead>
              <tbody>
                {aggregate.matrix.map((row) => (
                  <tr key={row.competency}>
                    <th scope="row">{row.label}</th>
                    {row.ratings.map((r, i) => (
                      <td key={aggregate.columns[i].interviewId}>
                        <Rating value={r} />
                      </td>
                    ))}
                    <td>{row.medianLabel ?? "—"}</td>
                    <td>{row.spread === null ? "—" : `${row.spread} ${row.spread === 1 ? "level" : "levels"}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="legend">Levels low to high: {LEVELS.map((l) => `${l.emoji} ${l.label}`).join(", ")}.</p>
          <h3>Recommendations</h3>
          <p className="tally">{aggregate.tallyText || "No recommendations."}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Recommendation</th>
                <th scope="col">Level</th>
              </tr>
            </thead>
            <tbody>
              {aggregate.recommendations.map((r) => (
                <tr key={r.column.interviewId}>
                  <th scope="row">{r.column.label}</th>
                  <td>{r.recommendation ? <Recommendation id={r.recommendation} /> : "None"}</td>
                  <td>{r.level ?? "None given"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
