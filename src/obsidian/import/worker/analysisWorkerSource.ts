/**
 * The analysis worker's code as a string. The build (scripts/pluginWorkers.mjs) replaces this module with the
 * bundled worker, so one main.js ships; anywhere this file runs as written (unit tests), there is no worker and the
 * import analyses its prose in place.
 */

/** The worker bundle, or null when the build did not inline it. */
export const ANALYSIS_WORKER_SOURCE: string | null = null;
