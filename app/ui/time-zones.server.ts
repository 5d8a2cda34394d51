// The zones a form offers, UTC first; the forms search them as the person types.
export const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
