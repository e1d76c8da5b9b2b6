/**
 * The shipped main.js in headless Chromium, loaded as Obsidian loads a plugin: the obsidian stand-in as
 * require("obsidian"), the real @codemirror packages, the demo vault. Once as on desktop (Node-like globals, Node
 * built-ins answered by recording stubs) and once as on mobile (no Buffer, no process, no global; require() throws for
 * anything but the app's modules). Each run uses the plugin only through what main.js registered: the citations
 * view, the reading-view post-processor, the import and hub commands, the atlas graph; then unloads it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../helpers/browser";
import { generatePages } from "../../bench/corpus";
import { buildPluginHarness, SHIPPED_MAIN, type PluginHarnessSite } from "../harness/plugin/build";

const APP_MODULES = ["obsidian", "@codemirror/state", "@codemirror/view"];
const REVIEW = "Reviews/What RL actually does at the token level.md";
const HUB_TAG = "cluster/reinforcement-learning-for-llms/reward-models";

describe("the shipped main.js in chromium", () => {
	let browser: LaunchedBrowser;
	let server: StaticServer;
	let site: string;
	let vault: PluginHarnessSite;
	let shipped: string;

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), "research-atlas-bundle-site-"));
		vault = await buildPluginHarness(site);
		shipped = readFileSync(SHIPPED_MAIN, "utf8");
		// Two broken bundles, to show the harness notices what it is here to catch.
		writeFileSync(join(site, "main-requires-fs.js"), `require("fs");\n${shipped}`);
		writeFileSync(join(site, "main-onload-throws.js"), `${shipped}\nmodule.exports.default.prototype.onload = async function () { throw new Error("onload failed on purpose"); };\n`);
		writeFileSync(
			join(site, "main-leaks.js"),
			`${shipped}\n(function (P) { const onload = P.prototype.onload; P.prototype.onload = async function () { await onload.call(this); window.addEventListener("resize", () => undefined); this.app.vault.on("modify", () => undefined); }; })(module.exports.default);\n`,
		);
		server = await serveDirectory(site);
		browser = await launchBrowser();
		mkdirSync("artifacts", { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		if (site !== undefined) rmSync(site, { recursive: true, force: true });
	});

	async function open(query: string): Promise<{ page: Page; errors: string[]; failure: string | null }> {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.setViewportSize({ width: 1400, height: 860 });
		await page.goto(`${server.url}?${query}`);
		await page.waitForFunction(() => document.body.dataset.ready === "true" || document.body.dataset.error !== undefined, null, { timeout: 20000 });
		const failure = await page.evaluate(() => document.body.dataset.error ?? null);
		return { page, errors: log.errors, failure };
	}

	for (const mode of ["desktop", "mobile"] as const) {
		it(`${mode}: loads, runs the features through its commands and views, and unloads cleanly`, async () => {
			const { page, errors, failure } = await open(`mode=${mode}`);
			expect(failure).toBeNull();
			const info = await page.evaluate(() => window.pluginHarness.info());

			// The page evaluated the shipped file itself, unchanged.
			expect(info.bundle).toEqual({ name: "main.js", sha256: createHash("sha256").update(shipped).digest("hex"), length: shipped.length });
			expect(info.vaultFiles).toBe(vault.files);
			// The environment is the one asked for.
			expect(info.platform).toEqual({ isDesktop: mode === "desktop", isMobile: mode === "mobile" });
			if (mode === "mobile") {
				expect(info.globalsAfter).toEqual({ Buffer: "undefined", process: "undefined", global: "undefined", require: "function" });
			} else {
				expect(info.globalsAfter).toEqual({ Buffer: "function", process: "object", global: "object", require: "function" });
			}
			// main.js asks only for what the app provides; in particular no Node built-in, on either platform.
			expect(info.refused).toEqual([]);
			expect(new Set(info.requested)).toEqual(new Set(APP_MODULES));
			expect(info.nodeUses).toEqual([]);
			// Everything registered: commands, views, the reading-view and code-block processors, the editor extension.
			expect(info.commands).toEqual(
				expect.arrayContaining(["import-research-pages", "open-episode-citations", "update-all-hubs", "build-topic-hub", "open-graph"].map((id) => `research-atlas:${id}`)),
			);
			expect(info.views.sort()).toEqual(["research-atlas-episode-citations", "research-atlas-graph", "research-atlas-related"]);
			expect(info.processors).toEqual(expect.arrayContaining([{ kind: "post" }, { kind: "code-block", language: "atlas-graph" }]));
			expect(info.editorExtensions).toBe(1);
			expect(info.settingTabs).toBe(1);
			expect(info.ribbonIcons).toEqual(["Open atlas graph"]);

			// Episode citations: the view follows the open episode note once the index is built.
			const citations = await page.evaluate(() => window.pluginHarness.openCitations("E026"));
			expect(citations.indexing).toBe(false);
			expect(citations.title).toContain("E026");
			expect(citations.groups).toBeGreaterThan(0);
			expect(citations.passages).toBeGreaterThanOrEqual(citations.groups);
			expect(citations.summary).toMatch(/^\d+ notes? · \d+ passages?$/);

			// Reading view: plain codes become internal links to their episode notes; existing links get a count.
			const linked = await page.evaluate((path) => window.pluginHarness.renderNote(path, { plainCodes: false }), REVIEW);
			expect(linked.counted.length).toBeGreaterThan(10);
			expect(linked.counted.every(([code, count]) => /^E\d{3}$/.test(code) && /^\d+$/.test(count))).toBe(true);
			const typed = await page.evaluate((path) => window.pluginHarness.renderNote(path, { plainCodes: true }), REVIEW);
			expect(typed.codeLinks.length).toBe(linked.counted.length);
			expect(typed.codeLinks).toContainEqual(["E026", "E026", true]);
			expect(typed.codeLinks.every(([code, href, resolved]) => code === href && resolved)).toBe(true);
			expect(typed.plainLeft).toBe(0);
			expect(typed.clicked).toBe("Episodes/E026.md");

			// Import over the demo vault's Sources: the CLI that built the vault named the pages by their vault path, as
			// the plugin does, so the first import in the app finds every note up to date and writes nothing.
			const imported = await page.evaluate(() => window.pluginHarness.importSources());
			expect(imported.diffs).toEqual([]);
			expect(imported.notices.at(-1)).toMatch(/^Research Atlas: nothing changed \(\d+ notes up to date\)\./);
			const reimported = await page.evaluate(() => window.pluginHarness.importSources());
			expect(reimported.diffs).toEqual([]);
			expect(reimported.notices.at(-1)).toMatch(/^Research Atlas: nothing changed \(\d+ notes up to date\)\./);

			// Hubs: update the demo vault's hub, then build one from a tag through the two dialogs.
			const updated = await page.evaluate(() => window.pluginHarness.updateAllHubs());
			expect(updated.notices.at(-1)).toMatch(/^1 hub: [01] updated, [01] up to date\.$/);
			const built = await page.evaluate((tag) => window.pluginHarness.buildHub(tag), HUB_TAG);
			expect(built.notices.at(-1)).toMatch(/^Built hub "Reward models": \d+ notes in \d+ sections?\.$/);
			expect(built.changed).toEqual(["Hubs/Reward models.md"]);
			expect(built.opened).toBe("Hubs/Reward models.md");

			// The atlas graph draws (in the worker main.js inlines, or on the main thread) and settles.
			const graph = await page.evaluate(() => window.pluginHarness.openGraph());
			expect(graph.width).toBeGreaterThan(300);
			expect(graph.painted).toBeGreaterThan(2000);
			expect(graph.colours).toBeGreaterThan(3);
			await page.screenshot({ path: join("artifacts", `bundle-${mode}-light.png`) });
			await page.evaluate(() => window.pluginHarness.setTheme(true));
			await page.waitForTimeout(150);
			await page.screenshot({ path: join("artifacts", `bundle-${mode}-dark.png`) });

			// Unload: nothing the plugin registered survives it.
			const unloaded = await page.evaluate(() => window.pluginHarness.unload());
			expect(unloaded).toEqual({
				pendingCleanups: 0,
				commands: 0,
				views: 0,
				processors: 0,
				editorExtensions: 0,
				hoverLinkSources: 0,
				ribbonIconsInDom: 0,
				liveEventRefs: [],
				liveDomListeners: [],
				liveIntervals: 0,
				workersStarted: unloaded.workersStarted,
				workersLive: 0,
			});
			// The graph's layout ran in the worker main.js inlines, and the worker is gone.
			expect(unloaded.workersStarted).toBeGreaterThan(0);
			// Still nothing Node-ish asked for after running every feature.
			const after = await page.evaluate(() => window.pluginHarness.info());
			expect(after.refused).toEqual([]);
			expect(after.nodeUses).toEqual([]);
			expect(errors).toEqual([]);
			await page.close();
		});
	}

	it("mobile: a long import keeps the page drawing while it reads the pages and writes the notes, the notice counting them", async () => {
		const { page, errors, failure } = await open("mode=mobile");
		expect(failure).toBeNull();
		const pages = generatePages(400, 11);
		const files = Object.fromEntries(pages.map((p) => [`Incoming/${p.file}`, p.text]));
		const result = await page.evaluate(([f, folder]) => window.pluginHarness.importFolder(f, folder), [files, "Incoming"] as const);
		expect(result.notices[0]).toBe("Research Atlas: loading 400 files…");
		// Frames were drawn while the pages were read (none would be, were they read in one go), and they showed the
		// count rising, then the gap search, then the notes being written.
		const reading = [...new Set(result.frames.filter((m) => m.startsWith("Research Atlas: reading pages…")))];
		expect(reading.length).toBeGreaterThan(0);
		const counts = reading.map((m) => Number(/… ([\d,]+) of 400$/.exec(m)?.[1]?.replace(/,/g, "")));
		expect(counts.every((n) => n > 0 && n < 400)).toBe(true);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(result.frames).toContain("Research Atlas: finding gaps and suggestions in 400 pages…");
		expect(result.frames.some((m) => /^Research Atlas: importing… [\d,]+ of [\d,]+ notes done$/.test(m))).toBe(true);
		expect(result.notices.at(-1)).toMatch(/^Research Atlas: [\d,]+ notes created, \d+ updated, [\d,]+ unchanged\./);
		expect(result.created).toBeGreaterThan(1000);
		// The gaps and suggestions were found on the worker main.js inlines, which is gone once it answered.
		expect(result).toMatchObject({ workersStarted: 1, analysesAnswered: 1, workerErrors: 0, workersLive: 0 });
		expect(result.suggestions).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("fails a bundle that requires a Node built-in on mobile, one whose onload throws, and one that leaks listeners", async () => {
		const fs = await open("mode=mobile&bundle=main-requires-fs.js");
		expect(fs.failure).toMatch(/^Cannot find module 'fs'/);
		expect(JSON.parse(await fs.page.evaluate(() => document.body.dataset.requested ?? "[]"))).toEqual(["fs"]);
		await fs.page.close();
		const onload = await open("mode=desktop&bundle=main-onload-throws.js");
		expect(onload.failure).toMatch(/^onload failed on purpose/);
		await onload.page.close();
		const leaks = await open("mode=mobile&bundle=main-leaks.js");
		expect(leaks.failure).toBeNull();
		const unloaded = await leaks.page.evaluate(() => window.pluginHarness.unload());
		expect([unloaded.liveDomListeners, unloaded.liveEventRefs]).toEqual([["window:resize"], ["vault:modify"]]);
		await leaks.page.close();
	});
});
