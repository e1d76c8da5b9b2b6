/**
 * End to end in headless Chromium: the seed vault loaded into the obsidian stand-in, the hubs feature started, and
 * the "Related notes" sidebar opened for a review, with the plugin's styles in light and dark themes; clicking a
 * related note must ask the workspace to open it.
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
const ROOT = resolve(__dirname, "..", "..");

const PAGE_SOURCE = `
import { App } from "obsidian";
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
	await plugin.feature.showRelated(${JSON.stringify(NOTE)});
	const leaf = app.workspace.getLeavesOfType("research-atlas-related")[0];
	const side = document.getElementById("side");
	side.appendChild(leaf.view.containerEl);
	window.openedLinks = app.workspace.openedLinks;
	document.body.dataset.ready = "yes";
}
start().catch((error) => { document.body.dataset.error = String(error && error.stack || error); });
`;

// A few of Obsidian's theme variables, with values close to the default theme, so the screenshots show real contrast.
const THEME = `
body { margin: 0; font-family: sans-serif; font-size: 16px; line-height: 1.5;
  --font-ui-small: 13px; --font-ui-smaller: 12px; --font-medium: 500; --font-semibold: 600; --radius-s: 4px;
  --size-2-1: 2px; --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --icon-xs: 14px; }
body.theme-light { --background-primary: #ffffff; --background-secondary: #f6f6f6; --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #999999;
  --text-accent: #7b5cd6; --link-color: #7b5cd6; --link-color-hover: #8a6ee0; --background-modifier-hover: rgba(0,0,0,0.075); }
body.theme-dark { --background-primary: #1e1e1e; --background-secondary: #262626; --text-normal: #dadada; --text-muted: #a3a3a3; --text-faint: #666666;
  --text-accent: #a68af9; --link-color: #a68af9; --link-color-hover: #b9a1ff; --background-modifier-hover: rgba(255,255,255,0.075); }
body { background: var(--background-primary); color: var(--text-normal); }
#side { width: 340px; min-height: 100vh; background: var(--background-secondary); }
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
			'<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"><body class="theme-light"><div id="side"></div><script src="page.js"></script></body>',
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
		await page.setViewportSize({ width: 360, height: 760 });
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
});
