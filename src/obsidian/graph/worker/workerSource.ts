/**
 * The layout worker's code as a string. The build (scripts/pluginWorkers.mjs) replaces this module with the bundled
 * worker, so one main.js ships; anywhere this file runs as written (unit tests), there is no worker and the layout runs
 * on the main thread.
 */

/** The worker bundle, or null when the build did not inline it. */
export const LAYOUT_WORKER_SOURCE: string | null = null;
