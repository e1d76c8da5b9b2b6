// esbuild plugin: replaces src/cli/writerSource.ts with the writer thread's bundle (src/cli/writerWorker.ts) as a
// string, so the command-line tool's writer thread renders notes with the core's own code and dist/cli.js stays one
// file. Used by esbuild.config.mjs for the tool and the import benchmark, and by tests for the bundle itself; without
// it (unit tests) the module exports null and the import renders every note on its own thread.
import { inlineWorkerPlugin } from "./inlineWorkerPlugin.mjs";

/** How the writer thread's bundle is built (bundleWorker's options). */
export const WRITER_WORKER = { entry: "src/cli/writerWorker.ts", platform: "node", format: "cjs", target: "node20", minify: false };

/** The plugin. */
export function writerWorkerPlugin() {
	return inlineWorkerPlugin({ ...WRITER_WORKER, module: /[\\/]src[\\/]cli[\\/]writerSource\.ts$/, name: "WRITER_WORKER_SOURCE" });
}
