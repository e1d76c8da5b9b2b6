/** Baseline: a straightforward d3 SVG view, one <circle> per node and one <line> per link, attributes set each frame. */
import { select } from "d3";
import type { Graph, GraphLink, GraphNode } from "../../../src/core/graph/model";
import { LINK_COLOR, nodeColor, nodeRadius } from "./palette";
import { HEIGHT, WIDTH, type BenchView } from "./view";

/** Mounts the SVG view, the way most graph plugins draw (selection.join, then attr() on every tick). */
export function svgView(container: HTMLElement, graph: Graph): BenchView {
	const svg = select(container).append("svg").attr("width", WIDTH).attr("height", HEIGHT);
	const scene = svg.append("g");
	const lines = scene
		.append("g")
		.attr("stroke", LINK_COLOR)
		.attr("stroke-opacity", 0.6)
		.selectAll<SVGLineElement, GraphLink>("line")
		.data(graph.links)
		.join("line");
	const circles = scene
		.append("g")
		.selectAll<SVGCircleElement, GraphNode>("circle")
		.data(graph.nodes)
		.join("circle")
		.attr("r", nodeRadius)
		.attr("fill", nodeColor);
	return {
		frame(p) {
			lines
				.attr("x1", (l) => p[l.source * 2] ?? 0)
				.attr("y1", (l) => p[l.source * 2 + 1] ?? 0)
				.attr("x2", (l) => p[l.target * 2] ?? 0)
				.attr("y2", (l) => p[l.target * 2 + 1] ?? 0);
			circles.attr("cx", (_, i) => p[i * 2] ?? 0).attr("cy", (_, i) => p[i * 2 + 1] ?? 0);
		},
		view(x, y, k) {
			scene.attr("transform", `translate(${x},${y}) scale(${k})`);
		},
		destroy() {
			svg.remove();
		},
	};
}
