import { useEffect, useSyncExternalStore } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "~/ui/form";

// About 400 zones: a text field that suggests the matching ones as the person types
// ("lond" → Europe/London), instead of a select to scroll through. The schema checks the name.
export function TimeZoneField(props: {
  label: string;
  hint: string;
  timeZones: string[];
  error: { message?: string } | undefined;
  register: UseFormRegisterReturn;
}) {
  return (
    <Field id="timeZone" label={props.label} hint={props.hint} error={props.error}>
      {(aria) => (
        <>
          <input
            type="text"
            list="time-zones"
            autoComplete="off"
            spellCheck={false}
            placeholder="Type a city, e.g. London"
            {...aria}
            {...props.register}
          />
          <datalist id="time-zones">
            {props.timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

// A new interview starts in the recruiter's own zone; the server render cannot know it, so the
// browser fills it in unless the recruiter has already chosen one.
export function useBrowserTimeZone(enabled: boolean, timeZones: string[], choose: (zone: string) => void) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (enabled && zone && timeZones.includes(zone)) choose(zone);
    // Once, after hydration: a later render must not undo the recruiter's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

// The browser's own zone, known only after hydration (null on the server and in the first render).
export function useBrowserZone(): string | null {
  return useSyncExternalStore(
    neverChanges,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    () => null,
  );
}
const neverChanges = () => () => {};
