import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/guard.server";
import { sameOrigin } from "~/auth/origin.server";
import { runs } from "./hostile";

const SITE = "http://panel.test";

// Strings built from the characters that URL parsers treat specially, so the open-redirect and
// origin tricks (//host, /\host, tabs and newlines the parser drops, @, encoded slashes) come up.
const tricky = fc
  .array(
    fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      "@",
      ".",
      ":",
      "%2f",
      "%5c",
      "evil.example",
      "http",
      "?",
      "#",
      "\u0000",
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));
const candidate = fc.oneof(
  tricky,
  fc.string({ maxLength: 30 }),
  fc.webUrl(),
  tricky.map((t) => `/${t}`),
);

describe("redirects and origins with hostile strings", () => {
  it("safeRedirect never leaves the site, however the browser resolves the result", () => {
    fc.assert(
      fc.property(candidate, (to) => {
        const target = new URL(safeRedirect(to), `${SITE}/login`);
        expect(target.origin).toBe(SITE);
      }),
      runs(2000),
    );
    // Found by this property: the parser drops the tab, and normalising "/./" leaves "//".
    for (const escape of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "/\\evil.example",
      "//evil.example",
    ]) {
      expect(safeRedirect(escape)).toBe("/");
    }
    expect(safeRedirect("/interviews/abc?tab=notes#q2")).toBe("/interviews/abc?tab=notes#q2");
  });

  it("sameOrigin accepts only our exact scheme, host and port", () => {
    fc.assert(
      fc.property(candidate, fc.option(candidate, { nil: undefined }), (origin, referer) => {
        const ok = sameOrigin(origin, referer, SITE);
        const source = origin ?? referer;
        if (ok) expect(new URL(source!).origin).toBe(SITE);
      }),
      runs(2000),
    );
    expect(sameOrigin("http://panel.test.evil.example", undefined, SITE)).toBe(false);
    expect(sameOrigin("https://panel.test", undefined, SITE)).toBe(false);
    expect(sameOrigin("http://panel.test:8080", undefined, SITE)).toBe(false);
    expect(sameOrigin("http://evil.example@panel.test", undefined, SITE)).toBe(true);
  });
});
