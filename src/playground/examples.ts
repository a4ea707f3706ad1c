/** Example setups shown in the menu; filled in at build time from examples/ (see scripts/build-playground.mjs). */
declare const __PLAYGROUND_EXAMPLES__: { name: string; filename: string; text: string }[] | undefined;

export const EXAMPLES: { name: string; filename: string; text: string }[] = typeof __PLAYGROUND_EXAMPLES__ !== "undefined" ? __PLAYGROUND_EXAMPLES__ : [];
