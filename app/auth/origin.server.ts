// A mutating request is ours when its Origin (or, failing that, Referer) names this host.
export function sameOrigin(origin: string | undefined, referer: string | undefined, host: string | undefined): boolean {
  const source = origin ?? referer;
  if (!source || !host) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
