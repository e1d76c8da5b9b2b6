/**
 * End to end in headless Chromium: the seed vault loaded into the obsidian stand-in, the hubs feature started, and
 * (1) the "Related notes" sidebar opened for a review, (2) the seed hub, updated by the plugin, rendered as the
 * reading view shows it (the stand-in's renderer, then the plugin's post-processor), both with the plugin's styles
 * in light and dark themes. Clicking a related note must ask the workspace to open it; a card's "Explore related"
 * button must show that card's note in the sidebar.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { main } from "../../src/cli/main";
import { loadVaultDir } from "../helpers/memoryApp";
import { SEEDS_DIR } from "../helpers/seeds";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../helpers/browser";

const NOTE = "Reviews/Reinforcement learning and reasoning.md";
const HUB = "Hubs/What does reward learning actually do to model reasoning.md";
const ROOT = resolve(__dirname, "..", "..");

const PAGE_SOURCE = `
import { App, Component, MarkdownRenderer } from "obsidian";
import ResearchAtlasPlugin from ${JSON.stringify(join(ROOT, "src/obsidian/main"))};
import { registerHubs } from ${JSON.stringify(join(ROOT, "src/obsidian/hubs/registerHubs"))};
import { mergeSettings } from ${JSON.stringify(join(ROOT, "src/obsidian/settings/settings"))};

class HubPlugin extends ResearchAtlasPlugin {
	onload() {
		this.feature = registerHubs(this);
		return Promise.resolve();
	}
}

async function start() {
	const files = await (await fetch("files.json")).json();
	const app = new App();
	app.vault.seed(files);
	for (const [path, text] of Object.entries(files)) if (path.endsWith(".md")) app.metadataCache.indexText(app.vault.getFileByPath(path), text);
	app.metadataCache.resolveAll();
	const plugin = new HubPlugin(app, { id: "research-atlas", name: "Research Atlas", author: "a", version: "0", minAppVersion: "1.6.0", description: "d" });
	plugin.settings = { ...mergeSettings(null), atlasFolder: "" };
	await plugin.loadForTest();
	window.openedLinks = app.workspace.openedLinks;
	if (location.search === "?hub") {
		await renderHub(app, plugin);
		document.body.dataset.ready = "yes";
		return;
	}
	await plugin.feature.showRelated(${JSON.stringify(NOTE)});
	const leaf = app.workspace.getLeavesOfType("research-atlas-related")[0];
	const side = document.getElementById("side");
	side.appendChild(leaf.view.containerEl);
	window.openedLinks = app.workspace.openedLinks;
	document.body.dataset.ready = "yes";
}
/** The seed hub as the plugin writes it, in a reading view: comments hidden as Obsidian hides them (the stand-in's renderer does not know them). */
async function renderHub(app, plugin) {
	document.getElementById("side").remove();
	await plugin.feature.updater.updateAll();
	const file = app.vault.getFileByPath(${JSON.stringify(HUB)});
	const text = await app.vault.read(file);
	const body = text.slice(text.indexOf("\\n---\\n", 4) + 5).split("\\n").filter((line) => !/^%%.*%%$/.test(line)).join("\\n");
	const view = document.getElementById("hub");
	view.createEl("div", { cls: "inline-title", text: file.basename });
	const processor = plugin.processors.find((p) => p.kind === "post").handler;
	const section = new Component();
	section.load();
	await MarkdownRenderer.render(app, body, view, file.path, section);
	await processor(view, { docId: "d", sourcePath: file.path, frontmatter: app.metadataCache.getFileCache(file).frontmatter, addChild: (c) => section.addChild(c), getSectionInfo: () => null });
	window.relatedPath = () => app.workspace.getLeavesOfType("research-atlas-related")[0]?.view.path ?? null;
}

start().catch((error) => { document.body.dataset.error = String(error && error.stack || error); });
`;

// A few of Obsidian's theme variables, with values close to the default theme, so the screenshots show real contrast.
const THEME = `
body { margin: 0; font-family: sans-serif; font-size: 16px; line-height: 1.5;
  --font-ui-small: 13px; --font-ui-smaller: 12px; --font-smaller: 0.875em; --font-medium: 500; --font-semibold: 600; --radius-s: 4px;
  --line-height-tight: 1.3; --size-2-1: 2px; --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --icon-xs: 14px; }
body.theme-light { --background-primary: #ffffff; --background-secondary: #f6f6f6; --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #999999;
  --text-accent: #7b5cd6; --link-color: #7b5cd6; --link-color-hover: #8a6ee0; --background-modifier-hover: rgba(0,0,0,0.075); }
body.theme-dark { --background-primary: #1e1e1e; --background-secondary: #262626; --text-normal: #dadada; --text-muted: #a3a3a3; --text-faint: #666666;
  --text-accent: #a68af9; --link-color: #a68af9; --link-color-hover: #b9a1ff; --background-modifier-hover: rgba(255,255,255,0.075); }
body { background: var(--background-primary); color: var(--text-normal); }
#side { width: 340px; min-height: 100vh; background: var(--background-secondary); }
/* The reading view, roughly as Obsidian's app.css lays it out; icons are the stand-in's empty SVGs, drawn as rings. */
#hub { max-width: 700px; padding: 24px 32px; }
#hub .inline-title { font-size: 1.9em; font-weight: 700; line-height: 1.2; margin-bottom: 0.5em; }
#hub h2 { font-size: 1.35em; font-weight: 600; line-height: 1.3; margin: 1.2em 0 0.5em; }
#hub p { margin: 0 0 1em; }
#hub ul { padding-inline-start: 1.6em; margin: 0 0 1em; }
#hub a.internal-link { color: var(--link-color); text-decoration: none; }
.clickable-icon { background: transparent; border: none; box-shadow: none; cursor: pointer; border-radius: var(--radius-s); }
svg.svg-icon { display: inline-block; width: 14px; height: 14px; box-sizing: border-box; border: 1.5px solid currentColor; border-radius: 50%; }
`;

describe("Related notes sidebar in Chromium", () => {
	let browser: LaunchedBrowser;
	let server: StaticServer;
	let site: string;

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), "research-atlas-hubs-"));
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
			'<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"><body class="theme-light"><div id="side"></div><div id="hub" class="markdown-preview-view markdown-rendered"></div><script src="page.js"></script></body>',
		);
		server = await serveDirectory(site);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(site, { recursive: true, force: true });
	});

	it("lists the related notes with their reasons and opens one on click", async () => {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.setViewportSize({ width: 340, height: 760 });
		await page.goto(server.url);
		await page.waitForFunction(() => document.body.dataset.ready === "yes" || document.body.dataset.error !== undefined);
		expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();

		const first = await page.$$eval(".research-atlas-related-item", (items) => items.slice(0, 2).map((item) => item.textContent ?? ""));
		expect(first).toEqual([
			"What RL actually does at the token level11 shared episodes: E026, E011, E009 and 8 moreLinked from this note",
			"Reinforcement learning and post-training for reasoning8 shared episodes: E026, E011, E009 and 5 more3 shared words: reinforcement, learning, reasoning",
		]);

		mkdirSync("artifacts", { recursive: true });
		await page.screenshot({ path: join("artifacts", "hubs-related-light.png") });
		await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
		await page.screenshot({ path: join("artifacts", "hubs-related-dark.png") });

		await page.click(".research-atlas-related-link >> text=Reinforcement learning and post-training for reasoning");
		const opened = await page.evaluate(() => (window as unknown as { openedLinks: Array<{ linktext: string; sourcePath: string }> }).openedLinks.map((l) => ({ linktext: l.linktext, sourcePath: l.sourcePath })));
		expect(opened).toEqual([{ linktext: "Reinforcement learning and post-training for reasoning", sourcePath: NOTE }]);
		expect(log.errors).toEqual([]);
	});

	it("shows the seed hub as a hub, and a card's Explore related button opens that note's related notes", async () => {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.setViewportSize({ width: 760, height: 900 });
		await page.goto(`${server.url}?hub`);
		await page.waitForFunction(() => document.body.dataset.ready === "yes" || document.body.dataset.error !== undefined);
		expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();

		expect(await page.textContent(".research-atlas-hub-header")).toBe("Topic Hub · 14 of 25 linked notes listed · 8 of 9 sections listed");
		expect(await page.$$eval(".research-atlas-hub-card", (cards) => cards.length)).toBe(14);
		// The description sits on its own line below the link, in the muted colour.
		const look = await page.$eval(".research-atlas-hub-card", (card) => {
			const link = card.querySelector("a.internal-link")?.getBoundingClientRect();
			const description = card.querySelector(".research-atlas-hub-card-description");
			return { below: (description?.getBoundingClientRect().top ?? 0) >= (link?.bottom ?? 0) - 1, color: description === null ? "" : getComputedStyle(description).color };
		});
		expect(look).toEqual({ below: true, color: "rgb(92, 92, 92)" });
		// The button shows with its card under the pointer.
		const button = page.locator(".research-atlas-hub-explore").first();
		expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe("0");
		await page.hover(".research-atlas-hub-card >> nth=0");
		expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe("1");

		mkdirSync("artifacts", { recursive: true });
		await page.screenshot({ path: join("artifacts", "hubs-note-light.png"), fullPage: true });
		await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
		await page.screenshot({ path: join("artifacts", "hubs-note-dark.png"), fullPage: true });

		await button.click();
		await page.waitForFunction(() => (window as unknown as { relatedPath: () => string | null }).relatedPath() !== null);
		expect(await page.evaluate(() => (window as unknown as { relatedPath: () => string | null }).relatedPath())).toBe("Questions/Can a single training example unlock mathematical reasoning.md");
		expect(log.errors).toEqual([]);
	});
});
