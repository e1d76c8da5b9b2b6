/** Builds the graph harness page over the demo vault into outDir; returns the number of notes. */
export function buildGraphHarness(outDir: string, options?: { seeds?: string; minify?: boolean }): Promise<number>;
