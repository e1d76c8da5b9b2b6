/** Benchmark results: one row per figure, printed as a table and, last, as one JSON line. */

/** One measured figure. */
export interface Figure {
	suite: string;
	name: string;
	value: number;
	unit: string;
	/** The target, in words ("≤ 3× floor"), and whether the figure met it. */
	target?: string;
	ok?: boolean;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Milliseconds since an arbitrary origin, high resolution. */
export function now(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` `runs` times and returns each duration in ms. */
export async function time(runs: number, fn: () => unknown): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = now();
		await fn();
		out.push(now() - start);
	}
	return out;
}

function round(value: number): string {
	return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Prints figures as an aligned table followed by one JSON line holding them all. */
export function printFigures(title: string, figures: Figure[]): void {
	const rows = figures.map((f) => [f.suite, f.name, `${round(f.value)} ${f.unit}`, f.target ?? "", f.ok === undefined ? "" : f.ok ? "met" : "MISSED"]);
	const header = ["suite", "figure", "value", "target", ""];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
	console.log(`\n${title}\n`);
	console.log(line(header));
	console.log(line(widths.map((w) => "-".repeat(w))));
	for (const row of rows) console.log(line(row));
	console.log("");
	console.log(JSON.stringify({ benchmark: title, figures: figures.map((f) => ({ ...f, value: Number(round(f.value)) })) }));
}
