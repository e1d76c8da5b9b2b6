/**
 * The renderer contract the benchmark drives (src/obsidian/graph/canvas/GraphCanvas.ts, as announced). The driver aliases
 * this module to that file when it exists and to missingCanvas.ts otherwise, so the bench builds before the view lands.
 */
declare module "atlas-graph-canvas" {
	import type { Graph } from "../../../src/core/graph/model";

	/** The batched renderer of the graph view. */
	export class GraphCanvas {
		constructor(container: HTMLElement, graph: Graph, options?: Record<string, unknown>);
		/** Positions x0, y0, x1, y1, … as the layout worker posts them. */
		setPositions(positions: Float32Array): void;
		/** Draws now; says what it drew and how long it took. */
		draw(): { drawnNodes: number; drawnLinks: number; ms: number };
		/** Sets the view transform (screen = world × k + (x, y)). */
		zoomTo(transform: { x: number; y: number; k: number }): void;
		/** Fits the whole graph into the view. */
		fit(): void;
		destroy(): void;
	}
}
