declare const __UNITLINT_VERSION__: string | undefined;

/** Injected by the bundler; falls back for runs from source (tests). */
export const VERSION: string = typeof __UNITLINT_VERSION__ === "string" ? __UNITLINT_VERSION__ : "0.0.0-dev";
