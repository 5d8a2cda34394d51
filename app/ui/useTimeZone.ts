import { useRouteLoaderData } from "@remix-run/react";

// The signed-in viewer's time zone (their profile's; UTC until they choose one), read from the
// root loader so server and browser format with the same zone.
export function useTimeZone(): string {
  const data = useRouteLoaderData<{ user: { timeZone: string } | null }>("root");
  return data?.user?.timeZone ?? "UTC";
}
