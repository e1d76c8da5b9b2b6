/** Positions for renderers under test: seeded from the hierarchy, then a cheap "layout is moving" wobble. */
import { randomLcg } from "d3";
import type { Graph } from "../../../src/core/graph/model";
import { HEIGHT, WIDTH } from "./view";

// Spread per hierarchy depth (cluster, sub-topic, note, episode), in world units.
const SPREAD = [0, 60, 28, 10];

/** Each node near its parent, clusters on a sunflower spiral: the picture a settled clustered layout gives. */
export function placeByHierarchy(graph: Graph, seed = 1): Float32Array {
	const random = randomLcg(seed);
	const out = new Float32Array(graph.nodes.length * 2);
	const depth = new Int8Array(graph.nodes.length);
	const spacing = 40 * Math.sqrt(graph.nodes.length / Math.max(1, graph.clusters.length));
	graph.clusters.forEach((cluster, c) => {
		const r = spacing * Math.sqrt(c + 0.5);
		const a = c * 2.39996;
		out[cluster.node * 2] = r * Math.cos(a);
		out[cluster.node * 2 + 1] = r * Math.sin(a);
	});
	// Parents come before their children in a generated graph, so one pass places everything.
	graph.nodes.forEach((node, i) => {
		if (node.parent < 0) return;
		depth[i] = Math.min(3, (depth[node.parent] ?? 0) + 1);
		const spread = (SPREAD[depth[i] ?? 3] ?? 10) * Math.sqrt(random());
		const a = random() * Math.PI * 2;
		out[i * 2] = (out[node.parent * 2] ?? 0) + spread * Math.cos(a);
		out[i * 2 + 1] = (out[node.parent * 2 + 1] ?? 0) + spread * Math.sin(a);
	});
	return out;
}

/** The transform that fits all positions into the viewport with a margin. */
export function fitTransform(positions: Float32Array): { x: number; y: number; k: number } {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < positions.length; i += 2) {
		const x = positions[i] ?? 0;
		const y = positions[i + 1] ?? 0;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	const k = 0.95 * Math.min(WIDTH / (maxX - minX || 1), HEIGHT / (maxY - minY || 1));
	return { x: WIDTH / 2 - k * ((minX + maxX) / 2), y: HEIGHT / 2 - k * ((minY + maxY) / 2), k };
}

/** Every node moved a little, differently each step, as positions arrive from a running simulation. */
export function wobble(base: Float32Array, out: Float32Array, step: number): void {
	const amplitude = 3 * Math.exp(-step / 60);
	for (let i = 0; i < base.length; i++) out[i] = (base[i] ?? 0) + amplitude * Math.sin(step * 0.7 + i * 1.3);
}
