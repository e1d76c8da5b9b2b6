/** Neighbours of every node in compressed rows (offsets + targets), for hover highlighting and local graphs. */
import type { Graph } from "./model";

/** Node i's neighbours are `targets[offsets[i] .. offsets[i + 1])`. */
export interface Adjacency {
	offsets: Int32Array;
	targets: Int32Array;
}

/** Builds the undirected adjacency of a graph. */
export function adjacencyOf(graph: Graph): Adjacency {
	const n = graph.nodes.length;
	const offsets = new Int32Array(n + 1);
	for (const link of graph.links) {
		offsets[link.source + 1] = (offsets[link.source + 1] ?? 0) + 1;
		offsets[link.target + 1] = (offsets[link.target + 1] ?? 0) + 1;
	}
	for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
	const fill = offsets.slice(0, n);
	const targets = new Int32Array(offsets[n] ?? 0);
	for (const link of graph.links) {
		const s = fill[link.source] ?? 0;
		const t = fill[link.target] ?? 0;
		targets[s] = link.target;
		fill[link.source] = s + 1;
		targets[t] = link.source;
		fill[link.target] = t + 1;
	}
	return { offsets, targets };
}

/** The neighbours of node i. */
export function neighboursOf(adjacency: Adjacency, i: number): Int32Array {
	return adjacency.targets.subarray(adjacency.offsets[i] ?? 0, adjacency.offsets[i + 1] ?? 0);
}
