/** The inlined layout worker code (see scripts/layoutWorkerPlugin.mjs); kept in its own module so tests can do without it. */
import source from "atlas-layout-worker";

/** The worker bundle as a string, or null when the build did not inline it. */
export const LAYOUT_WORKER_SOURCE: string | null = typeof source === "string" && source !== "" ? source : null;
