/**
 * Our view's open, measured on the plugin's own code: the real GraphPanel (src/obsidian/graph, through the obsidian
 * stand-in) with its GraphCanvas and the real layout in the real web worker (the worker bundle inlined by the same
 * esbuild plugin as main.js), opened as AtlasGraphView.render opens it. Cold: no stored positions, a hierarchy-seeded
 * layout. Reopen: the settled positions of the cold open recorded as GraphData.remember records them, written to and
 * read back from the persisted form (storedPositions, as positionFile does), in a new panel with a new worker. Both run
 * until the panel has drawn a settled picture, rendering included, and the layout's settled frame has come back.
 */
import type { Graph } from "../../../src/core/graph/model";
import { emptyPositions, parseStoredPositions, pinnedFor, positionsFor, recordPositions, type StoredPositions } from "../../../src/core/graph/storedPositions";
import { GraphPanel } from "../../../src/obsidian/graph/GraphPanel";
import type { LayoutFrame } from "../../../src/obsidian/graph/worker/LayoutClient";
import { LAYOUT_WORKER_SOURCE } from "../../../src/obsidian/graph/worker/workerSource";
import { afterRendering } from "./measure";

/** How one open went; times in ms from the open. */
export interface AtlasOpen {
	/** The panel drew a settled picture within the cap, and the layout's settled frame arrived. */
	settled: boolean;
	/** Open → the first settled picture drawn whole (every chosen label) and rendered (or the cap). */
	ms: number;
	/** Open → the first picture drawn (reopen: the persisted positions, before the worker answers). */
	firstDrawMs: number;
	/** Open → the layout's first and settled frames reaching the main thread. */
	firstFrameMs: number;
	settledFrameMs: number;
	/** Layout ticks run, frames posted, draws made. */
	ticks: number;
	frames: number;
	draws: number;
	/** Longest 'longtask' entry (Chromium reports tasks ≥ 50 ms only: 0 means none) and how many there were. */
	longestTask: number;
	longTasks: number;
	/** Longest frame handler (GraphPanel's, positions to the canvas, fit, onSettled) and longest draw (paint JS; the raster is not in it). */
	longestHandler: number;
	longestDraw: number;
	/** The 'longtask' entries ([ms from the open, duration]), and the open's own synchronous start (panel, worker, show: a task of its own). */
	tasks: Array<[number, number]>;
	startMs: number;
	/** Draws whose frame (draw JS, then rendering and raster) took 50 ms or more: [ms from the open, JS ms, frame ms]. */
	slowDraws: Array<[number, number, number]>;
	/** The first draw: nodes and links it drew, its JS ms, and whether a layout frame had arrived before it. */
	firstDraw: { nodes: number; links: number; ms: number; afterFrame: boolean } | null;
	/** Whether the layout ran in a worker (false: the main-thread fallback, which the figures must not show). */
	inWorker: boolean;
}

/** An open's result plus the settled positions, in the persisted form, for the reopen. */
export interface ColdResult {
	open: AtlasOpen;
	stored: string;
}

/** Where an open starts from: stored positions (null: cold), already in memory; the view looks its nodes up in them. */
type StartFrom = (() => StoredPositions) | null;

/** The panel's frame handler, wrapped to time it (it is private: the layout client calls it for every posted frame). */
interface FrameHandled {
	frame(frame: LayoutFrame): void;
}

/** A panel left open after its measurement, for a screenshot; the next open closes it. */
let kept: GraphPanel | null = null;

/**
 * Opens `graph` in a GraphPanel and resolves once a settled picture is on screen and the layout has said settled, or
 * `capMs` passes. The open runs in a task of its own, as the view's mount does (a timeout after onOpen), so that its
 * synchronous start is one of the tasks measured and the graph's generation is not.
 */
async function openView(root: HTMLElement, graph: Graph, from: StartFrom, capMs: number, keep = false): Promise<{ open: AtlasOpen; store: StoredPositions }> {
	kept?.destroy();
	kept = null;
	const tasks: Array<[number, number]> = [];
	let start = Infinity;
	// Every task that ends after the open began: the open's own first task starts a moment before `start` is read.
	const note = (entries: PerformanceEntryList): void => {
		for (const entry of entries) if (entry.startTime + entry.duration > start) tasks.push([Math.round(entry.startTime - start), Math.round(entry.duration)]);
	};
	const observer = new PerformanceObserver((list) => note(list.getEntries()));
	observer.observe({ type: "longtask" });
	await afterRendering();
	start = performance.now();
	const result: AtlasOpen = { settled: false, ms: 0, firstDrawMs: -1, firstFrameMs: -1, settledFrameMs: -1, ticks: 0, frames: 0, draws: 0, longestTask: 0, longTasks: 0, longestHandler: 0, longestDraw: 0, tasks: [], startMs: 0, slowDraws: [], firstDraw: null, inWorker: false };
	// GraphData.remember: what the view records when the layout settles (the write to disk comes seconds later).
	const store = emptyPositions();
	let pictureMs = -1;
	let panel: GraphPanel | null = null;
	return new Promise((resolve) => {
		let done = false;
		const finish = (settled: boolean): void => {
			if (done) return;
			done = true;
			window.clearTimeout(cap);
			// Long-task entries are delivered after their task: collect what is queued before reading them.
			note(observer.takeRecords());
			observer.disconnect();
			result.settled = settled;
			result.ms = settled ? pictureMs : performance.now() - start;
			result.tasks = tasks;
			result.longestTask = tasks.reduce((max, [, ms]) => Math.max(max, ms), 0);
			result.longTasks = tasks.length;
			if (keep) kept = panel;
			else panel?.destroy();
			resolve({ open: result, store });
		};
		const cap = window.setTimeout(() => finish(false), capMs);
		// Done once the settled picture is rendered and the layout's settled frame was handled (a reopen's picture is
		// settled before the worker answers; its answer is still main-thread work of the open).
		const check = (): void => {
			if (pictureMs >= 0 && result.settledFrameMs >= 0) finish(true);
		};
		const shown = new GraphPanel(
			root,
			{ open: () => undefined, hover: () => undefined, workerSource: LAYOUT_WORKER_SOURCE },
			{ onSettled: (g, positions, pinned) => recordPositions(store, g, positions, pinned) },
		);
		panel = shown;
		// Every draw goes through here (the canvas draws in an animation frame after each change).
		const canvas = shown.canvas;
		const draw = canvas.draw.bind(canvas);
		canvas.draw = () => {
			const began = performance.now();
			const stats = draw();
			const ms = performance.now() - began;
			result.draws++;
			result.longestDraw = Math.max(result.longestDraw, ms);
			if (result.firstDrawMs < 0) {
				result.firstDrawMs = performance.now() - start;
				result.firstDraw = { nodes: stats.drawnNodes, links: stats.drawnLinks, ms: Math.round(ms), afterFrame: result.frames > 0 };
			}
			// Settled and whole: every label chosen is drawn (the canvas makes a few new label images per draw).
			const settledPicture = shown.isSettled() && stats.drawnNodes > 0 && stats.pendingLabels === 0;
			void afterRendering().then(() => {
				const frameMs = performance.now() - began;
				if (frameMs >= 50) result.slowDraws.push([Math.round(began - start), Math.round(ms), Math.round(frameMs)]);
				// The settled picture is on screen once this draw's rendering (canvas raster included) is done.
				if (settledPicture && pictureMs < 0) {
					pictureMs = performance.now() - start;
					check();
				}
			});
			return stats;
		};
		const handled = shown as unknown as FrameHandled;
		const frame = handled.frame.bind(shown);
		handled.frame = (next) => {
			const began = performance.now();
			frame(next);
			result.frames++;
			result.ticks = next.tick;
			if (result.firstFrameMs < 0) result.firstFrameMs = began - start;
			result.longestHandler = Math.max(result.longestHandler, performance.now() - began);
			if (next.settled && result.settledFrameMs < 0) {
				result.settledFrameMs = began - start;
				check();
			}
		};
		result.inWorker = shown.layoutInWorker();
		// AtlasGraphView.render, the whole atlas on its first render.
		const stored = from?.() ?? emptyPositions();
		shown.show({ graph, positions: positionsFor(graph, stored), pinned: pinnedFor(graph, stored), fit: true });
		result.startMs = performance.now() - start;
	});
}

/** The cold open: a fresh hierarchy-seeded layout; gives the settled positions as the plugin would persist them (`keep`: the panel stays open until the next open). */
export async function atlasColdOpen(root: HTMLElement, graph: Graph, capMs: number, keep = false): Promise<ColdResult> {
	const { open, store } = await openView(root, graph, null, capMs, keep);
	return { open, stored: JSON.stringify(store) };
}

/** Reopening with persisted positions (read back as positionFile does: GraphData reads the store when the plugin loads, before any view opens). */
export async function atlasReopen(root: HTMLElement, graph: Graph, stored: string, capMs: number): Promise<AtlasOpen> {
	const store = parseStoredPositions(JSON.parse(stored));
	const { open } = await openView(root, graph, () => store, capMs);
	return open;
}
