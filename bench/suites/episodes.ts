/**
 * Episode citations benchmark: the full citation-index build over 10,000 generated notes on disk against the
 * floor of reading the same files; the median re-index of one modified note at 1,000 and 10,000 notes; and the
 * reading-view post-processor over a note of 1,000 paragraphs, in headless Chromium (as in Obsidian) and, as an extra
 * row, in jsdom.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { dirname, join, resolve } from "path";
import type * as Esbuild from "esbuild";
import { JSDOM } from "jsdom";
import type * as Browser from "../../tests/helpers/browser";
import type { PostProcessRuns } from "../episodes/postProcess";
import { CitationIndex, importPages, MemoryVault } from "../../src/core";
import { nodeYaml } from "../../src/cli/yaml";
import { generatePages, rng } from "../corpus";
import { median, now, type Figure } from "../report";

const NOTES = Number(process.env.BENCH_NOTES ?? 10000);
const RUNS = 5;
const BROWSER_RUNS = 15;
const LONG = "Long.md";
const SITE = join("dist", "bench-episodes");
const EDITS = 300;
const WORK = join("bench", ".corpus", "episodes");
const OPTIONS = { codePattern: "E\\d{3}", episodeFolder: "Episodes" };

/** At least `count` notes from generated pages, imported through the core, as path → text. */
async function generatedNotes(count: number): Promise<Map<string, string>> {
	for (let pages = Math.ceil(count / 4); ; pages *= 2) {
		const vault = new MemoryVault();
		await importPages(generatePages(pages, 11), vault, { root: "", yaml: nodeYaml });
		const paths = [...vault.files.keys()].filter((p) => p.endsWith(".md")).sort();
		if (paths.length < count) continue;
		// A seeded sample, so every kind of note (reviews, questions, episodes, hubs) is represented.
		const random = rng(3);
		const sample = paths.map((p) => ({ p, key: random() })).sort((a, b) => a.key - b.key).slice(0, count).map((e) => e.p).sort();
		return new Map(sample.map((p) => [p, vault.files.get(p) ?? ""]));
	}
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Median time to re-index one modified note in an index of `notes`. */
function reindexMedian(notes: Map<string, string>): number {
	const index = new CitationIndex(OPTIONS);
	for (const [path, text] of notes) index.setNote(path, text);
	const paths = [...notes.keys()];
	const random = rng(5);
	const times: number[] = [];
	for (let i = 0; i < EDITS; i++) {
		const path = paths[Math.floor(random() * paths.length)] ?? "";
		const text = `${notes.get(path) ?? ""}\n\nA new finding cites E${String(100 + (i % 800)).padStart(3, "0")}. ^edit${i}\n`;
		const start = now();
		index.setNote(path, text, i);
		times.push(now() - start);
	}
	return median(times);
}

/** The vault the post-processor runs in: 1,000 notes and a long note of 1,000 paragraphs at `LONG`. */
function postProcessVault(notes: Map<string, string>): Record<string, string> {
	// Prose paragraphs that cite episodes, as the reviews have them (tables and lists are other sections).
	const paragraphs = [...notes.values()].flatMap((text) => text.split(/\n\n+/).filter((p) => /E\d{3}/.test(p) && /^[A-Z]/.test(p) && p.length < 2000));
	// Every other paragraph with its links typed as plain codes, as a hand-written note would have them.
	const note = Array.from({ length: 1000 }, (_, i) => {
		const paragraph = paragraphs[i % paragraphs.length] ?? "";
		return i % 2 === 0 ? paragraph : paragraph.replace(/\[\[(E\d{3})\]\]/g, "$1");
	}).join("\n\n");
	return { ...Object.fromEntries([...notes].slice(0, 1000)), [LONG]: note };
}

/** The post-processor in jsdom, through the obsidian stand-in (an extra row: jsdom's element creation dominates it). */
async function postProcessJsdom(files: Record<string, string>): Promise<PostProcessRuns> {
	const dom = new JSDOM("<!doctype html><body></body>");
	const win = dom.window as unknown as typeof globalThis;
	const { installDomHelpers } = await import("../../tests/obsidian-stub/dom");
	installDomHelpers(win);
	Object.assign(globalThis, { window: win, document: win.document, Node: win.Node, Element: win.Element, HTMLElement: win.HTMLElement, Text: win.Text, createEl: win.createEl, createDiv: win.createDiv, createSpan: win.createSpan, createFragment: win.createFragment });
	const { postProcessRuns } = await import("../episodes/postProcess");
	return postProcessRuns(files, LONG, RUNS, now);
}

/**
 * The post-processor where users run it: Obsidian is Chromium, so the same code (bench/episodes/postProcess.ts with
 * the real codeLinkProcessor and the obsidian stand-in) is bundled for the browser and run in headless Chromium.
 * esbuild and playwright-core are loaded at run time, not bundled into dist/bench.js (neither can be).
 */
async function postProcessChromium(files: Record<string, string>): Promise<PostProcessRuns> {
	const nodeRequire = createRequire(__filename);
	const esbuild = nodeRequire("esbuild") as typeof Esbuild;
	mkdirSync(SITE, { recursive: true });
	copyFileSync(join("bench", "episodes", "index.html"), join(SITE, "index.html"));
	const common = { bundle: true, target: "es2020", logLevel: "warning" } as const;
	await esbuild.build({ ...common, entryPoints: ["bench/episodes/page.ts"], format: "iife", platform: "browser", minify: true, outfile: join(SITE, "page.js"), alias: { obsidian: "./tests/obsidian-stub/obsidian.ts" } });
	// The project's launcher (its required Chromium flags), built for Node with playwright-core left external.
	await esbuild.build({ ...common, entryPoints: ["tests/helpers/browser.ts"], format: "cjs", platform: "node", outfile: join(SITE, "browser.js"), external: ["playwright-core"] });
	const { collectConsoleErrors, launchBrowser, serveDirectory } = nodeRequire(resolve(SITE, "browser.js")) as typeof Browser;
	const server = await serveDirectory(SITE);
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.goto(server.url);
		const result = await page.evaluate(([f, p, n]) => window.episodesBench.run(f, p, n), [files, LONG, BROWSER_RUNS] as const);
		if (log.errors.length > 0) throw new Error(`post-process page: ${log.errors.join("; ")}`);
		return result;
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Runs the episode citation benchmark and returns its figures. */
export async function episodesSuite(): Promise<Figure[]> {
	const notes = await generatedNotes(NOTES);
	rmSync(WORK, { recursive: true, force: true });
	let bytes = 0;
	for (const [path, text] of notes) {
		const file = join(WORK, path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
		bytes += Buffer.byteLength(text);
	}
	const files = listFiles(WORK).sort();
	const builds: number[] = [];
	const floors: number[] = [];
	const passages: number[] = [];
	let citations = 0;
	let codes = 0;
	for (let run = 0; run < RUNS; run++) {
		let start = now();
		for (const file of files) readFileSync(file, "utf8");
		floors.push(now() - start);
		start = now();
		const index = new CitationIndex(OPTIONS);
		for (const file of files) index.setNote(file.slice(WORK.length + 1), readFileSync(file, "utf8"));
		builds.push(now() - start);
		codes = index.codes().length;
		citations = index.codes().reduce((n, c) => n + index.count(c, "occurrences"), 0);
		// The build finds every mention; passages are worked out when a view first asks. Asking for all of them shows that cost.
		start = now();
		const shown = index.codes().reduce((n, c) => n + index.groups(c).reduce((k, g) => k + g.citations.length, 0), 0);
		passages.push(now() - start);
		if (shown !== citations) throw new Error(`groups hold ${shown} citations, counts say ${citations}`);
	}
	rmSync(WORK, { recursive: true, force: true });

	const small = new Map([...notes].slice(0, 1000));
	const reindexSmall = reindexMedian(small);
	const reindexLarge = reindexMedian(notes);
	const vault = postProcessVault(notes);
	const long = vault[LONG] ?? "";
	const chromium = await postProcessChromium(vault);
	const jsdom = await postProcessJsdom(vault);
	const chromiumMs = median(chromium.times);
	const paragraphs = long.split("\n\n").length;
	const size = `${(long.length / 1e3).toFixed(0)} kB`;
	const buildMs = median(builds);
	const floorMs = median(floors);
	return [
		{ suite: "episodes", name: `corpus: ${notes.size} notes, ${(bytes / 1e6).toFixed(1)} MB`, value: citations, unit: `citations of ${codes} codes` },
		{ suite: "episodes", name: `full index build (read + index), median of ${RUNS}`, value: buildMs, unit: "ms" },
		{ suite: "episodes", name: "floor: read the same files (fs)", value: floorMs, unit: "ms" },
		{ suite: "episodes", name: "index build / floor", value: buildMs / floorMs, unit: "×", target: "≤ 2×", ok: buildMs / floorMs <= 2 },
		{ suite: "episodes", name: "  then every passage of every code, first asked for (not part of the build)", value: median(passages), unit: "ms" },
		{ suite: "episodes", name: `re-index one modified note, 1,000 notes (median of ${EDITS})`, value: reindexSmall, unit: "ms", target: "< 5 ms", ok: reindexSmall < 5 },
		{ suite: "episodes", name: `re-index one modified note, ${notes.size.toLocaleString("en")} notes (median of ${EDITS})`, value: reindexLarge, unit: "ms", target: "< 5 ms, flat", ok: reindexLarge < 5 && reindexLarge < reindexSmall * 2 + 0.05 },
		{ suite: "episodes", name: `post-process a ${paragraphs}-paragraph note (${size}, ${chromium.links} links), headless Chromium, median of ${BROWSER_RUNS}`, value: chromiumMs, unit: "ms", target: "< 50 ms", ok: chromiumMs < 50 },
		{ suite: "episodes", name: `  the same in jsdom (not where users run it), median of ${RUNS}`, value: median(jsdom.times), unit: "ms" },
	];
}
