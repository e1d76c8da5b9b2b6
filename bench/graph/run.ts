/**
 * `npm run bench:graph`: our graph renderer against a d3 SVG view and a pixi.js one-object-per-element view, side by
 * side in headless chromium (software rendering), at 1k / 10k / 20k / 50k generated nodes; and our view's open on the
 * plugin's own code (GraphPanel, its GraphCanvas and the layout web worker): cold, then again from the persisted
 * positions. One table, then one JSON line.
 */
import { build, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser } from "../../tests/helpers/browser";
import { median, printFigures, type Figure } from "../report";
import { settleTicks } from "../../src/core/graph/layout";
import type { BaselineKind, ViewKind } from "./page/main";

/** Where the page is built; another folder lets a second run go while one is serving the default. */
const SITE = process.env.GRAPH_BENCH_SITE ?? join("dist", "bench-graph");
const SIZES = (process.env.GRAPH_BENCH_SIZES ?? "1000,10000,20000,50000").split(",").map(Number);
const KINDS = (process.env.GRAPH_BENCH_VIEWS ?? "atlas,batched,zoomed,svg,pixi").split(",") as ViewKind[];
/** A folder to save each size's settled cold-open picture in (`atlas-open-10000.png`), to look at; none by default. */
const SHOTS = process.env.GRAPH_BENCH_SCREENSHOTS;
const LABEL: Record<ViewKind, string> = { atlas: "atlas", batched: "reference batched 2d", zoomed: "reference batched 2d + semantic zoom", svg: "d3 svg", pixi: "pixi objects" };

/**
 * The esbuild plugin that inlines the layout worker's bundle, as main.js gets it. Loaded at run time from its .mjs
 * file (the driver is bundled to CommonJS and the plugin has no type declarations).
 */
async function layoutWorkerPlugin(): Promise<Plugin> {
	const module = (await import(pathToFileURL(resolve("scripts", "pluginWorkers.mjs")).href)) as { layoutWorkerPlugin(options?: { minify?: boolean }): Plugin };
	return module.layoutWorkerPlugin({ minify: true });
}

/**
 * The page, with the plugin's styles.css and the harness's theme (Obsidian's default light variables): the panel is laid
 * out and coloured as in the app. The plugin's code imports `obsidian`, which the stand-in provides, as in the harness.
 */
async function buildSite(): Promise<void> {
	mkdirSync(SITE, { recursive: true });
	copyFileSync(join("bench", "graph", "page", "index.html"), join(SITE, "index.html"));
	copyFileSync("styles.css", join(SITE, "styles.css"));
	copyFileSync(join("tests", "harness", "graph", "theme.css"), join(SITE, "theme.css"));
	await build({
		entryPoints: ["bench/graph/page/main.ts"],
		bundle: true,
		format: "iife",
		target: "es2020",
		minify: true,
		outfile: join(SITE, "page.js"),
		alias: { obsidian: "./tests/obsidian-stub/obsidian.ts" },
		plugins: [await layoutWorkerPlugin()],
		logLevel: "warning",
	});
}

/** Frames to measure: ours in full; the baselines capped where one frame takes a good part of a second. */
function frameCount(kind: ViewKind, nodes: number): number {
	return kind === "atlas" || kind === "batched" || kind === "zoomed" ? 60 : Math.max(5, Math.min(40, Math.round(200_000 / nodes)));
}

function suiteName(nodes: number): string {
	return `graph ${nodes / 1000}k`;
}

interface Measured {
	render: number;
	renderJs: number;
	panOverview: number;
	panZoomed: number;
	/** Main-thread time of a pan frame (the view's JS, then the frame's rendering), median: what a frame costs, where the rAF delta can only show whole vsyncs. */
	panOverviewFrame: number;
	panZoomedFrame: number;
	renderer: string;
	frames: number;
}

async function measureView(browser: LaunchedBrowser, url: string, kind: ViewKind, nodes: number): Promise<Measured> {
	const page = await browser.newPage();
	const log = collectConsoleErrors(page);
	try {
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto(url);
		const frames = frameCount(kind, nodes);
		const setup = await page.evaluate(([k, n]) => window.graphBench.setup(k, n), [kind, nodes] as const);
		const costs = await page.evaluate((n) => window.graphBench.layoutFrames(n), frames);
		const overview = await page.evaluate((n) => window.graphBench.pan(n, 1), frames + 1);
		const zoomed = await page.evaluate((n) => window.graphBench.pan(n, 4), frames + 1);
		if (log.errors.length > 0) throw new Error(`${kind} at ${nodes}: ${log.errors.join("; ")}`);
		const result = {
			render: median(costs.map((c) => c.main)),
			renderJs: median(costs.map((c) => c.js)),
			panOverview: median(overview.deltas),
			panZoomed: median(zoomed.deltas),
			panOverviewFrame: median(overview.main),
			panZoomedFrame: median(zoomed.main),
			renderer: setup.renderer,
			frames,
		};
		console.error(`  ${LABEL[kind]} @ ${nodes} (${setup.links} links, ${setup.renderer}, setup ${setup.setupMs.toFixed(0)} ms): ${JSON.stringify(result)}`);
		return result;
	} finally {
		await page.close();
	}
}

/** d3-force's default run: alpha decays from 1 to alphaMin 0.001 in about 300 ticks. */
const D3_TICKS = 300;
/** Main-thread simulations are stopped after this long; the rest is projected from the ticks done. */
const COLD_CAP_MS = 12_000;

async function baselineColdOpenFigures(browser: LaunchedBrowser, url: string, kind: BaselineKind, nodes: number): Promise<Figure[]> {
	const page = await browser.newPage();
	try {
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto(url);
		const open = await page.evaluate(([k, n, cap]) => window.graphBench.baselineColdOpen(k, n, cap), [kind, nodes, COLD_CAP_MS] as const);
		const suite = suiteName(nodes);
		const projected = open.settled ? "" : ` (stopped at ${(open.ms / 1000).toFixed(0)} s after ${open.ticks} of ${D3_TICKS} ticks; projected)`;
		return [
			// No stored positions: reopening is another cold open.
			{ suite, name: `${LABEL[kind]}: cold open (and every reopen) → settled, main-thread d3-force${projected}`, value: open.settled ? open.ms : (open.ms / Math.max(1, open.ticks)) * D3_TICKS, unit: "ms" },
			{ suite, name: `${LABEL[kind]}: longest main-thread task during layout`, value: open.longest, unit: "ms" },
		];
	} finally {
		await page.close();
	}
}

/** Our open is stopped after this long (the layout runs in the worker; 50k nodes take a while); the rest is projected. */
const ATLAS_OPEN_CAP_MS = 60_000;
/** Sizes at which our open is measured: the sizes for the open (≤ 10k), and 50k for "stays usable". */
const atlasOpenMeasured = (nodes: number): boolean => nodes <= 10_000 || nodes === 50_000;
/** Issue 3's targets for our view at 10,000 nodes. */
const COLD_TARGET_MS = 3_000;
const TASK_TARGET_MS = 50;
const REOPEN_TARGET_MS = 300;

/** Our view's cold open and reopen with persisted positions, on the plugin's GraphPanel (its canvas + the layout worker). */
async function atlasOpenFigures(browser: LaunchedBrowser, url: string, nodes: number): Promise<Figure[]> {
	const page = await browser.newPage();
	const log = collectConsoleErrors(page);
	try {
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto(url);
		const cold = await page.evaluate(([n, cap, keep]) => window.graphBench.atlasColdOpen(n, cap, keep), [nodes, ATLAS_OPEN_CAP_MS, SHOTS !== undefined] as const);
		if (SHOTS !== undefined) await page.screenshot({ path: join(SHOTS, `atlas-open-${nodes}.png`) });
		const reopen = await page.evaluate((cap) => window.graphBench.atlasReopen(cap), ATLAS_OPEN_CAP_MS);
		if (log.errors.length > 0) throw new Error(log.errors.join("; "));
		if (!cold.inWorker || !reopen.inWorker) throw new Error("the layout worker did not start (main-thread fallback)");
		console.error(`  atlas open @ ${nodes}: cold ${JSON.stringify(cold)}`);
		console.error(`  atlas open @ ${nodes}: reopen ${JSON.stringify(reopen)}`);
		const suite = suiteName(nodes);
		const at10k = nodes === 10_000;
		const ticks = settleTicks(nodes);
		const stopped = (open: typeof cold): string => (open.settled ? "" : ` (stopped at ${(open.ms / 1000).toFixed(0)} s after ${open.ticks} of ${ticks} ticks; projected)`);
		// Not settled within the cap: the ticks still to run at the pace of those run so far.
		const coldMs = cold.settled ? cold.ms : cold.firstFrameMs + ((cold.ms - cold.firstFrameMs) / Math.max(1, cold.ticks)) * ticks;
		// 'longtask' reports tasks of 50 ms and more; the open's synchronous start, the frame handlers' and the draws' own
		// JS time are each a floor under a task.
		const longest = (open: typeof cold): number => Math.max(open.longestTask, open.startMs, open.longestHandler, open.longestDraw);
		return [
			{
				suite,
				name: `atlas: cold open → settled picture, layout in the worker (${cold.ticks} ticks, ${cold.frames} frames)${stopped(cold)}`,
				value: coldMs,
				unit: "ms",
				...(at10k ? { target: `≤ ${COLD_TARGET_MS / 1000} s`, ok: cold.settled && cold.ms <= COLD_TARGET_MS } : {}),
			},
			{
				suite,
				name: `atlas: longest main-thread task during cold open (${cold.longTasks} 'longtask' ≥ 50 ms)`,
				value: longest(cold),
				unit: "ms",
				...(at10k ? { target: `≤ ${TASK_TARGET_MS} ms`, ok: longest(cold) <= TASK_TARGET_MS } : {}),
			},
			{ suite, name: "atlas: of which the open's start (panel, show, worker started), JS", value: cold.startMs, unit: "ms" },
			{ suite, name: "atlas: of which longest frame handler + draw, JS", value: Math.max(cold.longestHandler, cold.longestDraw), unit: "ms" },
			{
				suite,
				name: `atlas: reopen with persisted positions → settled picture${stopped(reopen)}`,
				value: reopen.ms,
				unit: "ms",
				...(at10k ? { target: `≤ ${REOPEN_TARGET_MS} ms`, ok: reopen.settled && reopen.ms <= REOPEN_TARGET_MS } : {}),
			},
			{ suite, name: "atlas: reopen, first picture drawn (before the worker answers)", value: reopen.firstDrawMs, unit: "ms" },
			{ suite, name: `atlas: longest main-thread task during reopen (${reopen.longTasks} 'longtask' ≥ 50 ms)`, value: longest(reopen), unit: "ms" },
		];
	} finally {
		await page.close();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	await buildSite();
	const server = await serveDirectory(SITE);
	const browser = await launchBrowser();
	const figures: Figure[] = [];
	try {
		for (const nodes of SIZES) {
			const suite = suiteName(nodes);
			const results = new Map<ViewKind, Measured>();
			for (const kind of KINDS) {
				try {
					results.set(kind, await measureView(browser, server.url, kind, nodes));
				} catch (error) {
					console.error(`  ${LABEL[kind]} @ ${nodes} not measured: ${String(error).split("\n")[0]}`);
				}
			}
			for (const [kind, m] of results) {
				const capped = kind === "atlas" || kind === "batched" || kind === "zoomed" ? "" : ` (${m.frames} frames)`;
				const ours = kind === "atlas";
				figures.push({
					suite,
					name: `${LABEL[kind]}: render per layout frame, main thread${capped}`,
					value: m.render,
					unit: "ms",
					...(ours && nodes === 20_000 ? { target: "≤ 4 ms", ok: m.render <= 4 } : {}),
				});
				figures.push({ suite, name: `${LABEL[kind]}: of which JS${capped}`, value: m.renderJs, unit: "ms" });
				// The targets apply to a pan frame's own cost; the rAF delta beside it tells whether frames were dropped (it
				// cannot go below one 60 Hz vsync, 16.7 ms, however cheap the frame, so it cannot show a 16 ms target met).
				const panTarget = ours && nodes === 10_000 ? 16 : ours && nodes === 50_000 ? 50 : undefined;
				for (const [where, frame, delta] of [
					["overview", m.panOverviewFrame, m.panOverview],
					["zoomed in ×4", m.panZoomedFrame, m.panZoomed],
				] as const) {
					figures.push({
						suite,
						name: `${LABEL[kind]}: pan frame, ${where}, main thread (median)`,
						value: frame,
						unit: "ms",
						...(panTarget === undefined ? {} : { target: `≤ ${panTarget} ms`, ok: frame <= panTarget }),
					});
					figures.push({ suite, name: `${LABEL[kind]}: pan frame, ${where} (median rAF delta)`, value: delta, unit: "ms" });
				}
			}
			if (KINDS.includes("atlas") && atlasOpenMeasured(nodes)) {
				try {
					figures.push(...(await atlasOpenFigures(browser, server.url, nodes)));
				} catch (error) {
					console.error(`  atlas open @ ${nodes} not measured: ${String(error).split("\n")[0]}`);
				}
			}
			for (const baseline of ["svg", "pixi"] as const) if (KINDS.includes(baseline) && nodes <= 10_000) figures.push(...(await baselineColdOpenFigures(browser, server.url, baseline, nodes)));
			const ours = results.get("atlas");
			for (const kind of ["svg", "pixi"] as const) {
				const other = results.get(kind);
				if (!ours || !other) continue;
				const ratio = other.render / ours.render;
				figures.push({ suite, name: `${LABEL[kind]} ÷ atlas, render per frame`, value: ratio, unit: "×", ...(nodes === 10_000 ? { target: "≥ 10×", ok: ratio >= 10 } : {}) });
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	console.error(`bench:graph took ${((Date.now() - started) / 1000).toFixed(0)} s`);
	printFigures("Research Atlas graph benchmark (headless chromium, software rendering)", figures);
}

void main();
