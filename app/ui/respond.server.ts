import { json } from "@remix-run/node";
import { DomainError } from "~/errors.server";

// A form action's domain refusal is shown above the form; a missing row is the 404 page.
export async function formAction(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not-found") throw new Response(error.message, { status: 404 });
    return json(
      { errors: { form: error.message } },
      { status: error.code === "conflict" ? 409 : error.code === "forbidden" ? 403 : 400 },
    );
  }
}
