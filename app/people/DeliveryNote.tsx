import { Link } from "@remix-run/react";
import type { Delivery } from "./people.server";

// Says where a new invitation link went, so an admin knows whether to pass it on themselves.
export function DeliveryNote({ email, delivery }: { email: string; delivery: Delivery }) {
  return delivery === "email" ? (
    <>It was sent to {email} by email; you can also copy the link below. It works once and expires in 7 days.</>
  ) : (
    <>
      No mail server is configured, so the email is kept in the <Link to="/admin/outbox">outbox</Link> for admins to
      read: send {email} this link yourself. It works once and expires in 7 days.
    </>
  );
}
