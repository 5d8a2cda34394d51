const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A malformed id in the address is a plain 404, not a database error.
export function idParam(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw new Response(`No such ${what}.`, { status: 404 });
  return value;
}
