/** How a worker is bundled: its source, where and how it runs. */
export interface WorkerBundle {
	entry: string;
	platform: "node" | "browser";
	format: "cjs" | "iife" | "esm";
	target: string;
	minify?: boolean;
}

/** A worker's bundle: its code and the files it was built from. */
export function bundleWorker(options: WorkerBundle): Promise<{ code: string; inputs: string[] }>;
