/**
 * Our view's open, measured on the real stack: GraphCanvas fed by the real layout in the real web worker (LayoutClient,
 * the worker bundle inlined by the same esbuild plugin as main.js), each step as GraphPanel.show and GraphPanel.frame
 * take it. Cold: no stored positions, a hierarchy-seeded layout. Reopen: the settled positions of the cold open written
 * to and read back from the persisted form (storedPositions, as GraphData and positionFile do), a new canvas and worker.
 * Both run until the layout reports settled and the canvas has drawn that frame, rendering included.
 */
import { GraphCanvas } from "atlas-graph-canvas";
import { layoutGraphOf } from "../../../src/core/graph/layoutGraph";
import type { Graph } from "../../../src/core/graph/model";
import { placeMissing } from "../../../src/core/graph/seedPositions";
import { emptyPositions, parseStoredPositions, pinnedFor, positionsFor, recordPositions } from "../../../src/core/graph/storedPositions";
import { LayoutClient, type LayoutFrame } from "../../../src/obsidian/graph/worker/LayoutClient";
import { LAYOUT_WORKER_SOURCE } from "../../../src/obsidian/graph/worker/workerSource";
import { afterRendering } from "./measure";

/** GraphPanel's default layout seed. */
const SEED = 1;

/** How one open went; times in ms from the open. */
export interface AtlasOpen {
	/** The layout said settled within the cap, and that frame was drawn. */
	settled: boolean;
	/** Open → the settled frame drawn and rendered (or the cap). */
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
	/** Longest frame handler (setPositions, fit) and longest draw (paint JS; the raster is not in it). */
	longestHandler: number;
	longestDraw: number;
	/** The 'longtask' entries ([ms from the open, duration]), and the open's own synchronous start (canvas, worker, start message). */
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

/** Where an open starts from: stored positions and pins (null: cold). Worked out inside the open, as the view does. */
type StartFrom = (() => { positions: Float32Array; pinned: number[] }) | null;

/** Opens `graph` and resolves once the layout's settled frame is drawn, or `capMs` passes. */
function openView(root: HTMLElement, graph: Graph, from: StartFrom, capMs: number): Promise<{ open: AtlasOpen; positions: Float32Array }> {
	const start = performance.now();
	const tasks: Array<[number, number]> = [];
	const note = (entries: PerformanceEntryList): void => {
		for (const entry of entries) if (entry.startTime >= start) tasks.push([Math.round(entry.startTime - start), Math.round(entry.duration)]);
	};
	const observer = new PerformanceObserver((list) => note(list.getEntries()));
	observer.observe({ type: "longtask" });
	const canvas = new GraphCanvas(root, graph, {});
	const result: AtlasOpen = { settled: false, ms: 0, firstDrawMs: -1, firstFrameMs: -1, settledFrameMs: -1, ticks: 0, frames: 0, draws: 0, longestTask: 0, longTasks: 0, longestHandler: 0, longestDraw: 0, tasks: [], startMs: 0, slowDraws: [], firstDraw: null, inWorker: false };
	let last: Float32Array = new Float32Array(0);
	let needsFit = true;
	let settledFrame = false;
	let client: LayoutClient | null = null;
	return new Promise((resolve, reject) => {
		let done = false;
		const finish = (settled: boolean, error?: string): void => {
			if (done) return;
			done = true;
			window.clearTimeout(cap);
			// Long-task entries are delivered after their task: collect what is queued before reading them.
			note(observer.takeRecords());
			observer.disconnect();
			result.settled = settled;
			result.ms = performance.now() - start;
			result.tasks = tasks;
			result.longestTask = tasks.reduce((max, [, ms]) => Math.max(max, ms), 0);
			result.longTasks = tasks.length;
			client?.destroy();
			canvas.destroy();
			if (error !== undefined) reject(new Error(error));
			else resolve({ open: result, positions: last });
		};
		const cap = window.setTimeout(() => finish(false), capMs);
		// Every draw goes through here (the canvas draws in an animation frame after each change).
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
			const settledDraw = settledFrame;
			void afterRendering().then(() => {
				const frameMs = performance.now() - began;
				if (frameMs >= 50) result.slowDraws.push([Math.round(began - start), Math.round(ms), Math.round(frameMs)]);
				// The settled picture is on screen once this draw's rendering (canvas raster included) is done.
				if (settledDraw) finish(true);
			});
			return stats;
		};
		// GraphPanel.frame: take the positions, fit on the first frame, note when the layout has settled.
		const onFrame = (frame: LayoutFrame): void => {
			const began = performance.now();
			if (frame.positions.length !== graph.nodes.length * 2) return;
			canvas.setPositions(frame.positions);
			last = frame.positions;
			result.frames++;
			result.ticks = frame.tick;
			if (result.firstFrameMs < 0) result.firstFrameMs = began - start;
			if (needsFit) {
				needsFit = false;
				canvas.fit();
			}
			if (frame.settled && !settledFrame) {
				settledFrame = true;
				result.settledFrameMs = began - start;
			}
			result.longestHandler = Math.max(result.longestHandler, performance.now() - began);
		};
		// AtlasGraphView.render (positionsFor, pinnedFor), then GraphPanel.show.
		const { positions, pinned } = from?.() ?? { positions: undefined, pinned: [] };
		const layoutGraph = layoutGraphOf(graph);
		if (positions !== undefined) {
			const shown = Float32Array.from(positions);
			placeMissing(layoutGraph, shown, SEED);
			canvas.setPositions(shown);
		}
		client = new LayoutClient(window, LAYOUT_WORKER_SOURCE, onFrame, (message) => finish(false, `layout error: ${message}`));
		result.inWorker = client.inWorker;
		client.start(layoutGraph, SEED, positions?.slice(), pinned);
		result.startMs = performance.now() - start;
	});
}

/** The cold open: a fresh hierarchy-seeded layout; gives the settled positions as the plugin would persist them. */
export async function atlasColdOpen(root: HTMLElement, graph: Graph, capMs: number): Promise<ColdResult> {
	const { open, positions } = await openView(root, graph, null, capMs);
	// GraphData.remember → positionFile: recorded by node id (rounded to 0.1), written as JSON.
	const stored = emptyPositions();
	recordPositions(stored, graph, positions, []);
	return { open, stored: JSON.stringify(stored) };
}

/** Reopening with persisted positions (read back as positionFile does; the store is in memory before the view opens). */
export async function atlasReopen(root: HTMLElement, graph: Graph, stored: string, capMs: number): Promise<AtlasOpen> {
	const store = parseStoredPositions(JSON.parse(stored));
	const { open } = await openView(root, graph, () => ({ positions: positionsFor(graph, store), pinned: pinnedFor(graph, store) }), capMs);
	return open;
}
