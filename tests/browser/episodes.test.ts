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
	document.body.dataset.ready = "yes";
}
start().catch((error) => { document.body.dataset.error = String(error && error.stack || error); });
`;

const THEME = `
body { margin: 0; padding: 24px; font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 760px;
  --font-smallest: 0.8em; --font-normal: 400; --font-semibold: 600; --radius-s: 4px; }
body.theme-light { --background-primary: #ffffff; --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #999999;
  --text-accent: #7b5cd6; --text-accent-hover: #8a6ee0; --background-modifier-hover: rgba(0,0,0,0.075); --text-highlight-bg: rgba(255,208,0,0.4); }
body.theme-dark { --background-primary: #1e1e1e; --text-normal: #dadada; --text-muted: #a3a3a3; --text-faint: #666666;
  --text-accent: #a68af9; --text-accent-hover: #b9a1ff; --background-modifier-hover: rgba(255,255,255,0.075); --text-highlight-bg: rgba(255,208,0,0.4); }
body { background: var(--background-primary); color: var(--text-normal); }
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
			'<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"><body class="theme-light"><div id="typed" class="markdown-rendered"></div><script src="page.js"></script></body>',
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
		await page.setViewportSize({ width: 820, height: 640 });
		await page.goto(server.url);
		await page.waitForFunction(() => document.body.dataset.ready === "yes" || document.body.dataset.error !== undefined);
		expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();

		const codes = await page.$$eval("#typed a.research-atlas-code", (links) => links.map((a) => `${a.textContent ?? ""}:${a.nextElementSibling?.textContent ?? ""}`));
		expect(codes).toEqual(["E026:4", "E011:4", "E009:5", "E008:2", "E079:4", "E081:4", "E019:5", "E010:5", "E025:3"]);

		mkdirSync("artifacts", { recursive: true });
		await page.screenshot({ path: join("artifacts", "episodes-reading-light.png") });
		await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
		await page.screenshot({ path: join("artifacts", "episodes-reading-dark.png") });

		await page.click("#typed a.research-atlas-code >> text=E026");
		const opened = await page.evaluate(() => (window as unknown as { openedLinks: Array<{ linktext: string; sourcePath: string; newLeaf: unknown }> }).openedLinks.map((l) => ({ ...l })));
		expect(opened).toEqual([{ linktext: "E026", sourcePath: NOTE, newLeaf: false, openViewState: undefined }]);
		expect(log.errors).toEqual([]);
	});
});
