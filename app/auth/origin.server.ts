// A mutating request is ours when its Origin (or, failing that, Referer) has the same scheme,
// host and port as the address Panel is served at: PUBLIC_URL, or without it the scheme and
// Host the request itself arrived with.
export function sameOrigin(origin: string | undefined, referer: string | undefined, expected: string): boolean {
  const source = origin ?? referer;
  if (!source) return false;
  try {
    return new URL(source).origin === new URL(expected).origin;
  } catch {
    return false;
  }
}
