/** Our renderer (the graph view's GraphCanvas) behind the benchmark's view interface. */
import type { Graph } from "../../../src/core/graph/model";
import { GraphCanvas } from "../../../src/obsidian/graph/canvas/GraphCanvas";
import type { BenchView } from "./view";
import { installDomHelpers } from "../../../tests/obsidian-stub/dom";

// The view runs inside Obsidian, which adds its DOM helpers (createEl, …) to every element; the page adds the same.
installDomHelpers();

/** Mounts GraphCanvas; a frame is what the view does when the worker posts positions: setPositions, then draw. */
export function atlasView(container: HTMLElement, graph: Graph): BenchView & { renderer: string } {
	const canvas = new GraphCanvas(container, graph, {});
	return {
		renderer: "atlas",
		frame(positions) {
			canvas.setPositions(positions);
			canvas.draw();
		},
		view(x, y, k) {
			canvas.zoomTo({ x, y, k });
			canvas.draw();
		},
		destroy() {
			canvas.destroy();
		},
	};
}
