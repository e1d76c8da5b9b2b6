import type { WorkerBundle } from "./inlineWorkerPlugin.mjs";

/** How the writer thread's bundle is built. */
export const WRITER_WORKER: WorkerBundle;
