/**
 * End to end in headless Chromium: a note of the demo vault, rendered through the obsidian stand-in and the
 * plugin's reading-view post-processor, with the plugin's styles in light and dark themes; clicking a code must
 * ask the workspace to open its episode note.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { main } from "../../src/cli/main";
import { loadVaultDir } from "../helpers/memoryApp";
import { SEEDS_DIR } from "../helpers/seeds";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../helpers/browser";

const NOTE = "Reviews/What RL actually does at the token level.md";
const ROOT = resolve(__dirname, "..", "..");

/** The page: loads the vault into the stand-in, starts the episode feature, renders NOTE (as imported, and with its links typed as plain codes). */
const PAGE_SOURCE = `
import { App, Component, MarkdownRenderer, Plugin } from "obsidian";
import ResearchAtlasPlugin from ${JSON.stringify(join(ROOT, "src/obsidian/main"))};
import { registerEpisodes } from ${JSON.stringify(join(ROOT, "src/obsidian/episodes/registerEpisodes"))};
import { mergeSettings } from ${JSON.stringify(join(ROOT, "src/obsidian/settings/settings"))};
import { applyTextEdits, codeSyntax, unlinkCodesEdits } from ${JSON.stringify(join(ROOT, "src/core"))};

class EpisodePlugin extends ResearchAtlasPlugin {
	onload() {
		this.feature = registerEpisodes(this);
		return Promise.resolve();
	}
}

async function start() {
	const files = await (await fetch("files.json")).json();
	const app = new App();
	app.vault.seed(files);
	for (const [path, text] of Object.entries(files)) if (path.endsWith(".md")) app.metadataCache.indexText(app.vault.getFileByPath(path), text);
	app.metadataCache.resolveAll();
	const plugin = new EpisodePlugin(app, { id: "research-atlas", name: "Research Atlas", author: "a", version: "0", minAppVersion: "1.6.0", description: "d" });
	plugin.settings = { ...mergeSettings(null), atlasFolder: "" };
	await plugin.loadForTest();
	while (!plugin.feature.indexer.ready) await new Promise((r) => setTimeout(r, 10));
	const processor = plugin.processors.find((p) => p.kind === "post").handler;
	const section = new Component();
	section.load();
	const render = async (markdown, target) => {
		await MarkdownRenderer.render(app, markdown, target, ${JSON.stringify(NOTE)}, section);
		for (const el of Array.from(target.children)) await processor(el, { docId: "d", sourcePath: ${JSON.stringify(NOTE)}, frontmatter: null, addChild: (c) => section.addChild(c), getSectionInfo: () => null });
	};
	const text = files[${JSON.stringify(NOTE)}];
	const typed = applyTextEdits(text, unlinkCodesEdits(text, codeSyntax()));
	await render(typed.slice(typed.indexOf("## What RL")).split("## Curriculum")[0], document.getElementById("typed"));
	window.openedLinks = app.workspace.openedLinks;
	window.atlasApp = app;
	// The Episode citations view on E026, in a sidebar beside the note.
	await plugin.feature.showCitations("E026");
	const leaf = app.workspace.getLeavesOfType("research-atlas-episode-citations")[0];
	document.getElementById("sidebar").appendChild(leaf.view.containerEl);
	leaf.view.render(true);
	// The note's own tab is the active leaf, as when the reader is reading it (links open there, not in the sidebar).
	app.workspace.setActiveLeaf(app.workspace.getLeaf("tab"));
	await new Promise((r) => setTimeout(r, 50));
	document.body.dataset.ready = "yes";
}
start().catch((error) => { document.body.dataset.error = String(error && error.stack || error); });
`;

/** The Obsidian variables the plugin's styles use, with the default theme's values, so the page looks like the app. */
const THEME = `
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Inter", sans-serif; font-size: 16px; line-height: 1.5;
  --font-smallest: 0.8em; --font-ui-smaller: 12px; --font-ui-small: 13px; --font-normal: 400; --font-semibold: 600;
  --size-2-1: 2px; --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --size-4-4: 16px; --radius-s: 4px;
  display: flex; align-items: flex-start; background: var(--background-primary); color: var(--text-normal); }
body.theme-light { --background-primary: #ffffff; --background-secondary: #f6f6f6; --background-modifier-border: #e0e0e0;
  --background-modifier-hover: rgba(0, 0, 0, 0.075); --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #ababab;
  --text-accent: #8a5cf5; --text-accent-hover: #9d75f7; --interactive-accent: #8a5cf5; --icon-color: #5c5c5c; --text-highlight-bg: rgba(255, 208, 0, 0.4); }
body.theme-dark { --background-primary: #1e1e1e; --background-secondary: #262626; --background-modifier-border: #363636;
  --background-modifier-hover: rgba(255, 255, 255, 0.075); --text-normal: #dadada; --text-muted: #b3b3b3; --text-faint: #666666;
  --text-accent: #a68af9; --text-accent-hover: #b9a1ff; --interactive-accent: #8a5cf5; --icon-color: #b3b3b3; --text-highlight-bg: rgba(255, 208, 0, 0.4); }
#typed { flex: 0 1 760px; min-width: 0; padding: 24px; }
#sidebar { flex: 0 0 340px; width: 340px; align-self: stretch; min-height: 100vh; box-sizing: border-box; padding: 12px;
  background: var(--background-secondary); border-inline-start: 1px solid var(--background-modifier-border); font-size: 13px; }
#sidebar .view-header { display: none; }
input, select, button { font: inherit; font-size: 13px; color: var(--text-normal); background: var(--background-primary);
  border: 1px solid var(--background-modifier-border); border-radius: 4px; padding: 2px 6px; }
.svg-icon { width: 16px; height: 16px; background-color: currentColor; -webkit-mask-repeat: no-repeat; -webkit-mask-position: center; -webkit-mask-size: 16px 16px; }
.svg-icon.lucide-chevron-down { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='m6 9 6 6 6-6'/%3E%3C/svg%3E"); }
.svg-icon.lucide-chevron-right { -webkit-mask-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='m9 18 6-6-6-6'/%3E%3C/svg%3E"); }
a.internal-link { color: var(--text-accent); text-decoration: underline; cursor: pointer; }
a.internal-link.is-unresolved { opacity: 0.7; }
`;

describe("episode codes in Chromium", () => {
	let browser: LaunchedBrowser;
	let server: StaticServer;
	let site: string;

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), "research-atlas-episodes-"));
		const vault = join(site, "vault");
		expect(await main(["build", "--seeds", SEEDS_DIR, "--vault", vault], () => undefined, () => undefined)).toBe(0);
		writeFileSync(join(site, "files.json"), JSON.stringify(loadVaultDir(vault)));
		writeFileSync(join(site, "page.ts"), PAGE_SOURCE);
		await build({
			entryPoints: [join(site, "page.ts")],
			bundle: true,
			format: "iife",
			platform: "browser",
			outfile: join(site, "page.js"),
			alias: { obsidian: join(ROOT, "tests/obsidian-stub/obsidian.ts") },
			logLevel: "warning",
		});
		writeFileSync(join(site, "theme.css"), THEME);
		writeFileSync(join(site, "styles.css"), readFileSync(join(ROOT, "styles.css"), "utf8"));
		writeFileSync(
			join(site, "index.html"),
			'<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"><body class="theme-light"><div id="typed" class="markdown-rendered"></div><div id="sidebar"></div><script src="page.js"></script></body>',
		);
		server = await serveDirectory(site);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(site, { recursive: true, force: true });
	});

	it("renders the demo note's codes as links with counts and opens the episode on click", async () => {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.setViewportSize({ width: 1140, height: 760 });
		await page.goto(server.url);
		await page.waitForFunction(() => document.body.dataset.ready === "yes" || document.body.dataset.error !== undefined);
		expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();

		const codes = await page.$$eval("#typed a.research-atlas-code", (links) => links.map((a) => `${a.textContent ?? ""}:${a.nextElementSibling?.textContent ?? ""}`));
		// Counts are the reviews citing each code: the episode notes quoting them and the episode index are not citations.
		expect(codes).toEqual(["E026:3", "E011:3", "E009:3", "E008:1", "E079:3", "E081:2", "E019:3", "E010:3", "E025:2"]);

		mkdirSync("artifacts", { recursive: true });
		for (const theme of ["light", "dark"]) {
			await page.evaluate((name) => (document.body.className = `theme-${name}`), theme);
			await page.locator("#typed").screenshot({ path: join("artifacts", `episodes-reading-${theme}.png`) });
			await page.locator("#sidebar").screenshot({ path: join("artifacts", `episodes-citations-${theme}.png`) });
		}

		// The citations view: grouped by note, the code highlighted in each passage.
		const view = await page.evaluate(() => ({
			title: document.querySelector("#sidebar .research-atlas-citations-title")?.textContent,
			summary: document.querySelector("#sidebar .research-atlas-citations-summary")?.textContent,
			groups: Array.from(document.querySelectorAll("#sidebar .research-atlas-citations-note")).map((e) => e.textContent),
			marks: Array.from(document.querySelectorAll("#sidebar .research-atlas-citation-text mark")).map((e) => e.textContent),
		}));
		expect(view.summary).toBe("3 notes · 5 passages");
		expect(view.groups).toHaveLength(3);
		// One highlight per passage on the code (a review's own ==…== gap marks stay as written).
		expect(view.marks.filter((m) => m === "E026")).toHaveLength(5);
		// Passages and the code highlight stay readable in both themes.
		const contrast = await page.evaluate(() => {
			const mark = document.querySelector("#sidebar .research-atlas-citation-text mark") as HTMLElement;
			return getComputedStyle(mark).color;
		});
		expect(contrast).toBe("rgb(218, 218, 218)");

		await page.click("#typed a.research-atlas-code >> text=E026");
		const opened = await page.evaluate(() => (window as unknown as { openedLinks: Array<{ linktext: string; sourcePath: string; newLeaf: unknown }> }).openedLinks.map((l) => ({ ...l })));
		expect(opened).toEqual([{ linktext: "E026", sourcePath: NOTE, newLeaf: false, openViewState: undefined }]);

		// Clicking a passage opens its note at the cited line.
		// (On its heading path: a click on a link inside the passage follows that link instead.)
		await page.click("#sidebar .research-atlas-citation-headings");
		const openedFiles = (): string[] => {
			const app = (window as unknown as { atlasApp: { workspace: { leaves: Array<{ openedFiles: Array<{ file: { path: string }; openState?: { eState?: { line?: number } } }> }> } } }).atlasApp;
			return app.workspace.leaves.flatMap((l) => l.openedFiles).map((o) => `${o.file.path}:${o.openState?.eState?.line ?? "-"}`);
		};
		await page.waitForFunction(`(${openedFiles.toString()})().length > 1`);
		const jumped = await page.evaluate(`(${openedFiles.toString()})()`);
		// The code click above opened the episode; the passage opens its note at the line (0-based in eState).
		expect(jumped).toEqual(["Episodes/E026.md:-", "Reviews/Reinforcement learning and post-training for reasoning.md:28"]);
		expect(log.errors).toEqual([]);
	});
});
