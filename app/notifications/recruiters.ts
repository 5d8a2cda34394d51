// Who hears about a position: its own recruiter while they are an active recruiter, otherwise
// (none chosen, or they left the role) every recruiter, so nothing goes unheard.
export function recruitersFor<R extends { id: string }>(recruiterId: string | null, recruiters: R[]): R[] {
  const own = recruiters.filter((r) => r.id === recruiterId);
  return own.length ? own : recruiters;
}
