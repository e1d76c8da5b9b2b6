/**
 * Import benchmark: a generated corpus of 10,000 pages in the seeds' formats, imported from disk into an empty
 * vault and then again (no change), each compared with a floor measured in the same run on the same machine.
 */
import { execFileSync } from "child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { importPages } from "../../src/core";
import { FsVault } from "../../src/cli/fsVault";
import { readInputs } from "../../src/cli/inputs";
import { nodeYaml } from "../../src/cli/yaml";
import { generatePages } from "../corpus";
import { median, now, type Figure } from "../report";

const PAGES = Number(process.env.BENCH_PAGES ?? 10000);
const RUNS = 3;
const WORK = join("bench", ".corpus");

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * Run before each timed phase, untimed: the last phase's garbage collected and its files flushed to disk, so that
 * neither is charged to the next phase. Without it an import left the next one a gigabyte of garbage to collect, and
 * the kernel wrote a phase's 250 MB back to disk some thirty seconds later, while whichever phase came then ran.
 */
function settle(): void {
	(globalThis as { gc?: () => void }).gc?.();
	try {
		execFileSync("sync", { stdio: "ignore" });
	} catch {
		// No `sync` command (Windows): the disk writes back on its own, and the figures are noisier.
	}
}

/**
 * How long, in ms, some task on this machine has waited for I/O since boot (Linux's pressure stall information), or
 * null where the system does not tell. Shown beside each run: on a shared host the disk's own state (another
 * tenant, the discards after a large removal) can stall one phase for seconds, which its time alone cannot say.
 */
function ioStallMs(): number | null {
	try {
		const total = /^some .*total=(\d+)/m.exec(readFileSync("/proc/pressure/io", "utf8"))?.[1];
		return total === undefined ? null : Number(total) / 1000;
	} catch {
		return null;
	}
}

/**
 * A timed phase: its duration, the process's CPU time in user space and in the kernel (every thread's), and the I/O
 * stall while it ran (null where unknown). User time beside the wall time shows how much of the machine's cores the
 * import kept busy. Creating files is most of the kernel's share, and on ext4 without a journal it grows
 * several-fold for minutes after a large removal (a look-up of every recently freed inode), which no I/O stall shows.
 */
interface Phase {
	ms: number;
	userMs: number;
	systemMs: number;
	stallMs: number | null;
}

/** Times `work`, with the CPU it took, what it cost the kernel and the I/O stall it met, and what it returned. */
async function phase<T>(work: () => T | Promise<T>): Promise<Phase & { value: T }> {
	const stallBefore = ioStallMs();
	const cpuBefore = process.cpuUsage();
	const start = now();
	const value = await work();
	const ms = now() - start;
	const cpu = process.cpuUsage(cpuBefore);
	const stallAfter = ioStallMs();
	return { ms, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, stallMs: stallBefore === null || stallAfter === null ? null : stallAfter - stallBefore, value };
}

/** Plain fs floor for an import: read every input, write the same number of files and bytes. */
function floor(inputDir: string, outputSizes: number[], outDir: string): Promise<Phase> {
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	settle();
	return phase(() => floorWork(inputDir, outputSizes, outDir));
}

function floorWork(inputDir: string, outputSizes: number[], outDir: string): void {
	for (const file of listFiles(inputDir)) readFileSync(file, "utf8");
	outputSizes.forEach((size, i) => {
		const dir = join(outDir, String(i % 8));
		if (i < 8) mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${i}.md`), "x".repeat(size));
	});
}

/** Plain fs read of every file in a folder. */
function readAll(dir: string): number {
	settle();
	const start = now();
	for (const file of listFiles(dir)) readFileSync(file, "utf8");
	return now() - start;
}

/** Runs the import benchmark and returns its figures. */
export async function importSuite(): Promise<Figure[]> {
	const inputDir = join(WORK, "pages");
	rmSync(WORK, { recursive: true, force: true });
	mkdirSync(inputDir, { recursive: true });
	const pages = generatePages(PAGES, 7);
	let inputBytes = 0;
	for (const page of pages) {
		writeFileSync(join(inputDir, page.file), page.text);
		inputBytes += Buffer.byteLength(page.text);
	}

	const imports: Phase[] = [];
	const floors: Phase[] = [];
	const reruns: number[] = [];
	const reads: number[] = [];
	let notes = 0;
	let outputBytes = 0;
	let sizes: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const vaultDir = join(WORK, `vault-${run}`);
		rmSync(vaultDir, { recursive: true, force: true });
		// The floor goes first every other run (with the sizes the first import wrote): on this kind of machine each
		// write slows while the disk takes in the one before, and neither side should always come second.
		const floorFirst = run % 2 === 1 && sizes.length > 0;
		if (floorFirst) floors.push(await floor(inputDir, sizes, join(WORK, `floor-${run}`)));
		settle();
		const imported = await phase(() => {
			// As the command-line tool imports: the gaps and suggestions found on the writer thread.
			const vault = new FsVault(vaultDir);
			return importPages(readInputs(inputDir), vault, { root: "", yaml: nodeYaml, proseAnalyst: vault.proseAnalyst });
		});
		imports.push(imported);
		const written = listFiles(vaultDir);
		notes = written.filter((f) => f.endsWith(".md")).length;
		sizes = written.map((f) => Buffer.byteLength(readFileSync(f, "utf8")));
		outputBytes = sizes.reduce((a, b) => a + b, 0);
		if (!floorFirst) floors.push(await floor(inputDir, sizes, join(WORK, `floor-${run}`)));
		if (imported.value.created.length !== notes) throw new Error(`expected ${notes} created, got ${imported.value.created.length}`);

		settle();
		const again = now();
		const second = await importPages(readInputs(inputDir), new FsVault(vaultDir), { root: "", yaml: nodeYaml });
		reruns.push(now() - again);
		if (second.created.length + second.updated.length !== 0) throw new Error("the re-run wrote files");
		if (second.atlas !== null) throw new Error("the re-run did not confirm the vault from the import record");
		reads.push(readAll(vaultDir));
	}
	rmSync(WORK, { recursive: true, force: true });

	const importMs = median(imports.map((p) => p.ms));
	const floorMs = median(floors.map((p) => p.ms));
	const seconds = (ms: number) => (ms / 1000).toFixed(1);
	const cpu = (i: Phase, f: Phase | undefined) => (f === undefined ? "" : `user CPU ${seconds(i.userMs)} / ${seconds(f.userMs)} s, system ${seconds(i.systemMs)} / ${seconds(f.systemMs)} s`);
	const stalls = (i: Phase, f: Phase | undefined) => (i.stallMs === null || f === undefined || f.stallMs === null ? "" : `I/O stalls ${seconds(i.stallMs)} / ${seconds(f.stallMs)} s`);
	const rerunMs = median(reruns);
	const readMs = median(reads);
	return [
		{ suite: "import", name: `corpus: ${PAGES} pages, ${(inputBytes / 1e6).toFixed(1)} MB in`, value: notes, unit: `notes (${(outputBytes / 1e6).toFixed(1)} MB)` },
		{ suite: "import", name: "import, median of 3", value: importMs, unit: "ms" },
		{ suite: "import", name: "floor: read inputs + write same bytes (fs)", value: floorMs, unit: "ms" },
		{ suite: "import", name: "import / floor", value: importMs / floorMs, unit: "×", target: "≤ 3×", ok: importMs / floorMs <= 3 },
		...imports.map((i, run) => {
			const f = floors[run];
			const remarks = [run % 2 === 1 ? "floor first" : "", cpu(i, f), stalls(i, f)].filter((r) => r !== "").join("; ");
			return { suite: "import", name: `  run ${run + 1}: ${i.ms.toFixed(0)} / ${(f?.ms ?? 0).toFixed(0)} ms${remarks === "" ? "" : ` (${remarks})`}`, value: i.ms / (f?.ms ?? i.ms), unit: "×" };
		}),
		{ suite: "import", name: "idempotent re-run, median of 3", value: rerunMs, unit: "ms" },
		{ suite: "import", name: "plain read of the vault (fs)", value: readMs, unit: "ms" },
		{ suite: "import", name: "re-run / plain read", value: rerunMs / readMs, unit: "×", target: "≤ 1.5×", ok: rerunMs / readMs <= 1.5 },
	];
}
