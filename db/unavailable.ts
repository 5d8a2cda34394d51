// Remix v2 maps only a thrown Response to a status, so a database that cannot answer in time is
// thrown as a 503 Response: the root ErrorBoundary says "temporarily unavailable", fetches get a
// 503 and retry (docs/decisions/004-database-outage-503.md).
export const DATABASE_DOWN_MESSAGE =
  "The database is temporarily unavailable. Nothing you typed is lost: it is kept in this browser. Try again in a moment.";

export const DATABASE_SLOW_MESSAGE =
  "The database took too long to answer. Nothing you typed is lost: it is kept in this browser. Try again in a moment.";

export function unavailable(message = DATABASE_DOWN_MESSAGE): Response {
  return new Response(message, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" },
  });
}
