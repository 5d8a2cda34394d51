// A plain form, not Remix's: the answer is a redirect to the provider, which needs a full page load.
export function SsoButton({ providerName, redirectTo }: { providerName: string; redirectTo: string }) {
  return (
    <form method="post" action="/auth/oidc" className="card">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit">Sign in with {providerName}</button>
    </form>
  );
}
