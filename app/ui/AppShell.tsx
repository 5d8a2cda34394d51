import { Form, Link, NavLink } from "@remix-run/react";
import type { SessionUser, Viewer } from "~db/queries/users";

type NavItem = { to: string; label: string; roles: SessionUser["roles"] };

const NAV: NavItem[] = [
  { to: "/", label: "Home", roles: ["interviewer", "recruiter", "committee", "admin"] },
  { to: "/candidates", label: "Candidates", roles: ["recruiter", "committee", "admin"] },
  { to: "/positions", label: "Positions", roles: ["recruiter", "admin"] },
  { to: "/reports", label: "Reports", roles: ["recruiter", "admin"] },
  { to: "/admin/people", label: "People", roles: ["admin"] },
  { to: "/admin/kits", label: "Question kits", roles: ["admin"] },
  { to: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { to: "/admin/sso", label: "Single sign-on", roles: ["admin"] },
  { to: "/admin/outbox", label: "Outbox", roles: ["admin"] },
  { to: "/admin/jobs", label: "Jobs", roles: ["admin"] },
  { to: "/admin/notifications", label: "Reminders", roles: ["admin"] },
  { to: "/admin/webhooks", label: "Webhooks", roles: ["admin"] },
];

export const ROLE_LABEL: Record<string, string> = {
  interviewer: "Interviewer",
  recruiter: "Recruiter",
  committee: "Hiring committee",
  admin: "Admin",
};

export function AppShell({ user, children }: { user: Viewer | null; children: React.ReactNode }) {
  const items = user ? NAV.filter((item) => item.roles.some((role) => user.roles.includes(role))) : [];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Panel
        </Link>
        {user ? (
          <>
            <nav aria-label="Main">
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="who">
              <span className="who-name">{user.name}</span>
              <span className="who-roles">{user.roles.map((r) => ROLE_LABEL[r]).join(", ")}</span>
              <Link to="/account">Account</Link>
              {/* An account made by single sign-on has no Panel password to change. */}
              {user.hasPassword ? <Link to="/account/password">Change password</Link> : null}
              <Form method="post" action="/logout">
                <button type="submit" className="button-link">
                  Sign out
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </header>
      {children}
    </>
  );
}
