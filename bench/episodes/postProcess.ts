/**
 * The reading-view post-processor over one long note, shared by the browser page (headless Chromium, the figure)
 * and the jsdom row: the real codeLinkProcessor through the obsidian stand-in, called once per rendered section as
 * the reading view calls it. Needs a DOM before it is imported (the stand-in installs its DOM helpers on load).
 */
import { App, Component, MarkdownRenderer, realApp } from "../../tests/obsidian-stub/obsidian";
import { codeLinkProcessor } from "../../src/obsidian/episodes/codeLinkProcessor";
import { EpisodeIndexer } from "../../src/obsidian/episodes/EpisodeIndexer";
import { mergeSettings } from "../../src/obsidian/settings/settings";

const PAUSE_MS = 100;

/** What one measurement returns: ms per run, and what the last run made. */
export interface PostProcessRuns {
	times: number[];
	links: number;
	sections: number;
}

/** Indexes `files` (with the long note at `path`), renders the note `runs` times and times the post-processor over each rendering. */
export async function postProcessRuns(files: Record<string, string>, path: string, runs: number, clock: () => number): Promise<PostProcessRuns> {
	const app = new App();
	app.vault.seed(files);
	const settings = { ...mergeSettings(null), atlasFolder: "" };
	const indexer = new EpisodeIndexer(realApp(app), () => settings);
	indexer.load();
	await indexer.loadAll();
	const processor = codeLinkProcessor(indexer, () => settings);
	const note = files[path] ?? "";
	const times: number[] = [];
	let links = 0;
	let sections = 0;
	for (let run = 0; run < runs; run++) {
		const root = document.body.createDiv();
		const section = new Component();
		section.load();
		await MarkdownRenderer.render(app, note, root, path, section);
		const children = Array.from(root.children) as HTMLElement[];
		const ctx = { docId: "long", sourcePath: path, frontmatter: null, addChild: (child: unknown) => void section.addChild(child as never), getSectionInfo: () => null };
		const start = clock();
		for (const el of children) await processor(el, ctx);
		times.push(clock() - start);
		links = root.querySelectorAll("a.research-atlas-code").length;
		sections = children.length;
		section.unload();
		root.remove();
		// A pause between renderings, as between notes opened by hand: the last one's garbage is not this one's cost.
		await new Promise((done) => setTimeout(done, PAUSE_MS));
	}
	indexer.unload();
	return { times, links, sections };
}
