/** The benchmark page: mounts one renderer on a generated graph and measures it when the Node driver asks. */
import { generateClusteredGraph } from "../../../src/core/graph/generate";
import type { Graph } from "../../../src/core/graph/model";
import { atlasColdOpen, atlasReopen, type AtlasOpen } from "./atlasOpen";
import { atlasView } from "./atlasView";
import { batchedView } from "./batchedView";
import { frameLoop, timedFrame, type FrameCost } from "./measure";
import { fitTransform, placeByHierarchy, wobble } from "./placement";
import { pixiView } from "./pixiView";
import { baselineColdOpen, type ColdOpen } from "./baselineColdOpen";
import { svgView } from "./svgView";
import type { BenchView } from "./view";

/** The renderers under test. */
export type ViewKind = "atlas" | "batched" | "zoomed" | "svg" | "pixi";
/** The two baselines the issue names: d3 SVG and a scene object per element. */
export type BaselineKind = Extract<ViewKind, "svg" | "pixi">;

/** What the page offers the driver through `window.graphBench`. */
export interface GraphBench {
	/** Generates the graph for `nodes` and mounts a renderer on it. */
	setup(kind: ViewKind, nodes: number): Promise<{ renderer: string; nodes: number; links: number; setupMs: number }>;
	/** Draws `count` frames of a moving layout, one per animation frame, at the overview zoom. */
	layoutFrames(count: number): Promise<FrameCost[]>;
	/** Pans for `count` frames at `zoom` × the overview zoom; rAF deltas and main-thread cost per frame. */
	pan(count: number, zoom: number): Promise<{ deltas: number[]; main: number[] }>;
	/** A baseline's cold open (main-thread d3-force, the view redrawn each tick), stopped after `capMs`. */
	baselineColdOpen(kind: BaselineKind, nodes: number, capMs: number): Promise<ColdOpen>;
	/** Our view's cold open in the plugin's GraphPanel (its canvas + the layout worker), stopped after `capMs`; keeps the settled positions (and, with `keep`, the panel, for a screenshot). */
	atlasColdOpen(nodes: number, capMs: number, keep?: boolean): Promise<AtlasOpen>;
	/** Reopens our view from the positions the last `atlasColdOpen` settled at, persisted and read back. */
	atlasReopen(capMs: number): Promise<AtlasOpen>;
}

declare global {
	interface Window {
		graphBench: GraphBench;
	}
}

/** The same graph sizes and cluster counts in every run: 20–200 clusters, about 250 nodes each. */
export function benchGraph(nodes: number): Graph {
	return generateClusteredGraph({ nodes, clusters: Math.min(200, Math.max(20, Math.round(nodes / 250))), subtopicsPerCluster: 8, linksPerNode: 3, seed: 42 });
}

const root = document.getElementById("stage") as HTMLElement;
let view: BenchView | null = null;
let base: Float32Array = new Float32Array(0);
/** The graph and persisted positions (JSON) of the last cold open, for the reopen. */
let opened: { graph: Graph; stored: string } | null = null;

async function mount(kind: ViewKind, graph: Graph): Promise<BenchView & { renderer?: string }> {
	if (kind === "svg") return svgView(root, graph);
	if (kind === "pixi") return pixiView(root, graph);
	if (kind === "batched") return batchedView(root, graph);
	if (kind === "zoomed") return batchedView(root, graph, true, fitTransform(base).k);
	return atlasView(root, graph);
}

window.graphBench = {
	async setup(kind, nodes) {
		const graph = benchGraph(nodes);
		base = placeByHierarchy(graph);
		const start = performance.now();
		const mounted = await mount(kind, graph);
		view = mounted;
		const fit = fitTransform(base);
		view.view(fit.x, fit.y, fit.k);
		view.frame(base);
		return { renderer: mounted.renderer ?? kind, nodes: graph.nodes.length, links: graph.links.length, setupMs: performance.now() - start };
	},
	async layoutFrames(count) {
		const costs: FrameCost[] = [];
		for (let i = 0; i < count; i++) {
			// A fresh array per step, as a worker's transferred buffer would be.
			const positions = new Float32Array(base.length);
			wobble(base, positions, i);
			costs.push(await timedFrame(() => view?.frame(positions)));
		}
		return costs;
	},
	pan(count, zoom) {
		const fit = fitTransform(base);
		const k = fit.k * zoom;
		// Zoomed views look at the middle of the graph, where clusters are densest.
		const cx = 640 - (640 - fit.x) * zoom;
		const cy = 360 - (360 - fit.y) * zoom;
		return frameLoop(count, (i) => view?.view(cx + 120 * Math.sin(i / 15), cy + 60 * Math.cos(i / 20), k));
	},
	baselineColdOpen(kind, nodes, capMs) {
		const graph = benchGraph(nodes);
		return baselineColdOpen(() => mount(kind, graph), graph, capMs);
	},
	async atlasColdOpen(nodes, capMs, keep = false) {
		const graph = benchGraph(nodes);
		const { open, stored } = await atlasColdOpen(root, graph, capMs, keep);
		opened = { graph, stored };
		return open;
	},
	atlasReopen(capMs) {
		if (opened === null) return Promise.reject(new Error("atlasReopen needs an atlasColdOpen first"));
		return atlasReopen(root, opened.graph, opened.stored, capMs);
	},
};
