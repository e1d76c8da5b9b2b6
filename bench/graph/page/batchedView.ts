/**
 * Bench-only reference, not the graph view: the drawing technique the issue prescribes (Canvas 2D, one path for all
 * links, one path per colour for nodes), so the figures show what that technique costs here whatever the view adds.
 */
import type { Graph } from "../../../src/core/graph/model";
import { LINK_COLOR, nodeColor, nodeRadius } from "./palette";
import { HEIGHT, WIDTH, type BenchView } from "./view";

// Semantic zoom levels, as zoom over the overview's zoom: below 2× only clusters and sub-topics, below 6× notes too.
const LEVELS = [2, 6, Infinity];
const DEPTH: Record<string, number> = { cluster: 0, subtopic: 0, hub: 0, section: 0, question: 1, review: 1, note: 1, episode: 2 };

/** Mounts the batched reference renderer; with `semanticZoom`, it draws only the nodes of the zoom level that are on screen. */
export function batchedView(container: HTMLElement, graph: Graph, semanticZoom = false, overviewK = 1): BenchView & { renderer: string } {
	const canvas = container.appendChild(document.createElement("canvas"));
	canvas.width = WIDTH;
	canvas.height = HEIGHT;
	const ctx = canvas.getContext("2d");
	if (!ctx) throw new Error("no 2d context");
	const colors = [...new Set(graph.nodes.map(nodeColor))];
	const depth = graph.nodes.map((node) => (semanticZoom ? (DEPTH[node.kind] ?? 2) : 0));
	// Per level: the nodes per colour and the links whose both ends show at that level.
	const levels = LEVELS.map((_, level) => ({
		byColor: colors.map((color) => graph.nodes.flatMap((node, i) => (nodeColor(node) === color && (depth[i] ?? 0) <= level ? [i] : []))),
		links: graph.links.filter((l) => (depth[l.source] ?? 0) <= level && (depth[l.target] ?? 0) <= level),
	}));
	const radius = Float32Array.from(graph.nodes, nodeRadius);
	let positions: Float32Array = new Float32Array(graph.nodes.length * 2);
	let t = { x: 0, y: 0, k: 1 };
	const draw = (): void => {
		const level = levels[LEVELS.findIndex((z) => t.k / overviewK < z)] ?? levels[0];
		if (!level) return;
		// The visible world rectangle, with a margin for radii: what is outside is not even pathed.
		const x0 = -t.x / t.k - 20;
		const y0 = -t.y / t.k - 20;
		const x1 = (WIDTH - t.x) / t.k + 20;
		const y1 = (HEIGHT - t.y) / t.k + 20;
		const inside = (i: number): boolean => {
			const x = positions[i * 2] ?? 0;
			const y = positions[i * 2 + 1] ?? 0;
			return x >= x0 && x <= x1 && y >= y0 && y <= y1;
		};
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.clearRect(0, 0, WIDTH, HEIGHT);
		ctx.setTransform(t.k, 0, 0, t.k, t.x, t.y);
		ctx.beginPath();
		for (const link of level.links) {
			if (semanticZoom && !inside(link.source) && !inside(link.target)) continue;
			ctx.moveTo(positions[link.source * 2] ?? 0, positions[link.source * 2 + 1] ?? 0);
			ctx.lineTo(positions[link.target * 2] ?? 0, positions[link.target * 2 + 1] ?? 0);
		}
		ctx.lineWidth = 1 / t.k;
		ctx.strokeStyle = LINK_COLOR;
		ctx.globalAlpha = 0.6;
		ctx.stroke();
		ctx.globalAlpha = 1;
		level.byColor.forEach((indices, c) => {
			ctx.beginPath();
			for (const i of indices) {
				if (semanticZoom && !inside(i)) continue;
				const x = positions[i * 2] ?? 0;
				const y = positions[i * 2 + 1] ?? 0;
				const r = radius[i] ?? 2;
				ctx.moveTo(x + r, y);
				ctx.arc(x, y, r, 0, Math.PI * 2);
			}
			ctx.fillStyle = colors[c] ?? "#888";
			ctx.fill();
		});
	};
	return {
		renderer: semanticZoom ? "canvas2d, semantic zoom" : "canvas2d",
		frame(p) {
			positions = p;
			draw();
		},
		view(x, y, k) {
			t = { x, y, k };
			draw();
		},
		destroy() {
			canvas.remove();
		},
	};
}
