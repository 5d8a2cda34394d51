/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // Left empty on purpose: bundling PGlite, pdfkit or node:crypto breaks them (docs/decisions/001).
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // v3_singleFetch: not yet; docs/decisions/016 lists what turning it on takes (CSP nonce, .data body limits).
    // v3_lazyRouteDiscovery stays off: it fetches manifest patches as links render, which fails
    // (and logs errors) while an interviewer keeps typing offline. The full manifest is small.
  },
};
