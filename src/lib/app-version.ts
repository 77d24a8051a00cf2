declare const __APP_VERSION__: string;

/** The studio's version (from package.json, set at build time), for provenance records. */
export const APP_VERSION: string = typeof __APP_VERSION__ === "string" ? __APP_VERSION__ : "dev";
