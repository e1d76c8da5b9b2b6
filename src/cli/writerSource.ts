/**
 * The writer thread's bundle, which renders notes as well as writing them, as a string. The build
 * (scripts/writerWorkerPlugin.mjs) replaces this module with the bundled src/cli/writerWorker.ts; anywhere this file
 * runs as written (unit tests), the writer thread only writes and the import renders every note itself.
 */

/** The worker bundle, or null when the build did not inline it. */
export const WRITER_WORKER_SOURCE: string | null = null;
