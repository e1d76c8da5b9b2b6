/**
 * Episode citations benchmark: the full citation-index build over 10,000 generated notes on disk against the
 * floor of reading the same files; the median re-index of one modified note at 1,000 and 10,000 notes; and the
 * reading-view post-processor over a note of 1,000 paragraphs (jsdom, through the obsidian stand-in).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { JSDOM } from "jsdom";
import { CitationIndex, importPages, MemoryVault } from "../../src/core";
import { nodeYaml } from "../../src/cli/yaml";
import { generatePages, rng } from "../corpus";
import { median, now, type Figure } from "../report";

const NOTES = Number(process.env.BENCH_NOTES ?? 10000);
const RUNS = 5;
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

/** Milliseconds to post-process every paragraph of a 1,000-paragraph note, as the reading view calls it (one call per section). */
async function postProcessMs(notes: Map<string, string>): Promise<{ ms: number; links: number; paragraphs: number; bytes: number }> {
	const dom = new JSDOM("<!doctype html><body></body>");
	const win = dom.window as unknown as typeof globalThis;
	const { installDomHelpers } = await import("../../tests/obsidian-stub/dom");
	installDomHelpers(win);
	Object.assign(globalThis, { window: win, document: win.document, Node: win.Node, Element: win.Element, HTMLElement: win.HTMLElement, Text: win.Text, createEl: win.createEl, createDiv: win.createDiv, createSpan: win.createSpan, createFragment: win.createFragment });
	const obsidian = await import("../../tests/obsidian-stub/obsidian");
	const { EpisodeIndexer } = await import("../../src/obsidian/episodes/EpisodeIndexer");
	const { codeLinkProcessor } = await import("../../src/obsidian/episodes/codeLinkProcessor");
	const { mergeSettings } = await import("../../src/obsidian/settings/settings");

	const files = Object.fromEntries([...notes].slice(0, 1000));
	// Prose paragraphs that cite episodes, as the reviews have them (tables and lists are other sections).
	const paragraphs = [...notes.values()].flatMap((text) => text.split(/\n\n+/).filter((p) => /E\d{3}/.test(p) && /^[A-Z]/.test(p) && p.length < 2000));
	// Every other paragraph with its links typed as plain codes, as a hand-written note would have them.
	const note = Array.from({ length: 1000 }, (_, i) => {
		const paragraph = paragraphs[i % paragraphs.length] ?? "";
		return i % 2 === 0 ? paragraph : paragraph.replace(/\[\[(E\d{3})\]\]/g, "$1");
	}).join("\n\n");
	const app = new obsidian.App();
	app.vault.seed({ ...files, "Long.md": note });
	const settings = { ...mergeSettings(null), atlasFolder: "" };
	const indexer = new EpisodeIndexer(obsidian.realApp(app), () => settings);
	indexer.load();
	await indexer.loadAll();
	const processor = codeLinkProcessor(indexer, () => settings);

	const times: number[] = [];
	let links = 0;
	for (let run = 0; run < RUNS; run++) {
		const root = win.document.body.createDiv();
		const section = new obsidian.Component();
		section.load();
		await obsidian.MarkdownRenderer.render(app, note, root, "Long.md", section);
		const sections = Array.from(root.children) as HTMLElement[];
		const ctx = { docId: "long", sourcePath: "Long.md", frontmatter: null, addChild: (child: unknown) => void section.addChild(child as never), getSectionInfo: () => null };
		const start = now();
		for (const el of sections) await processor(el, ctx);
		times.push(now() - start);
		links = root.querySelectorAll("a.research-atlas-code").length;
		section.unload();
		root.remove();
	}
	indexer.unload();
	return { ms: median(times), links, paragraphs: note.split("\n\n").length, bytes: note.length };
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
	}
	rmSync(WORK, { recursive: true, force: true });

	const small = new Map([...notes].slice(0, 1000));
	const reindexSmall = reindexMedian(small);
	const reindexLarge = reindexMedian(notes);
	const post = await postProcessMs(notes);
	const buildMs = median(builds);
	const floorMs = median(floors);
	const paragraphs = post.paragraphs;
	return [
		{ suite: "episodes", name: `corpus: ${notes.size} notes, ${(bytes / 1e6).toFixed(1)} MB`, value: citations, unit: `citations of ${codes} codes` },
		{ suite: "episodes", name: `full index build (read + index), median of ${RUNS}`, value: buildMs, unit: "ms" },
		{ suite: "episodes", name: "floor: read the same files (fs)", value: floorMs, unit: "ms" },
		{ suite: "episodes", name: "index build / floor", value: buildMs / floorMs, unit: "×", target: "≤ 2×", ok: buildMs / floorMs <= 2 },
		{ suite: "episodes", name: `re-index one modified note, 1,000 notes (median of ${EDITS})`, value: reindexSmall, unit: "ms", target: "< 5 ms", ok: reindexSmall < 5 },
		{ suite: "episodes", name: `re-index one modified note, ${notes.size.toLocaleString("en")} notes (median of ${EDITS})`, value: reindexLarge, unit: "ms", target: "< 5 ms, flat", ok: reindexLarge < 5 && reindexLarge < reindexSmall * 2 + 0.05 },
		{ suite: "episodes", name: `post-process a ${paragraphs}-paragraph note (${(post.bytes / 1e3).toFixed(0)} kB, ${post.links} links, jsdom)`, value: post.ms, unit: "ms", target: "< 50 ms", ok: post.ms < 50 },
	];
}
