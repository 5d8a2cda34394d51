import { type LoaderFunctionArgs, json, redirect } from "@remix-run/node";
import { requireId, requireRole } from "~/auth/guard.server";
import { pageAtEdge } from "~/errors.server";
import { candidateForLoop } from "./panel-options.server";

// The loader of both ways to schedule (one interview, or the whole panel): recruiters and admins,
// a candidate still in the process (an archived one sends them back to its page), and a fresh key
// that makes a double-submitted form schedule once.
export async function loopPageLoader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const id = requireId(params.candidateId, "candidate");
  const loop = await pageAtEdge(() => candidateForLoop(id));
  if (loop.candidate.archived) throw redirect(`/candidates/${loop.candidate.id}`);
  return json({ ...loop, key: crypto.randomUUID() });
}
