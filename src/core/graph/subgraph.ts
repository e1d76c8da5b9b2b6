/** Parts of the graph: the neighbourhood of a note (local graph) and one cluster with what links into it. */
import { adjacencyOf, neighboursOf } from "./adjacency";
import type { Graph, GraphCluster } from "./model";

/** A subgraph and, per node, its index in the full graph. */
export interface Subgraph {
	graph: Graph;
	/** `source[i]` is node i's index in the full graph. */
	source: number[];
}

/** The subgraph on the chosen full-graph indices (kept in full-graph order), with parents and clusters re-indexed. */
export function inducedSubgraph(graph: Graph, chosen: Iterable<number>): Subgraph {
	const source = [...new Set(chosen)].filter((i) => i >= 0 && i < graph.nodes.length).sort((a, b) => a - b);
	const at = new Map<number, number>();
	source.forEach((full, i) => at.set(full, i));
	const clusters: GraphCluster[] = [];
	const clusterAt = new Map<number, number>();
	graph.clusters.forEach((cluster, c) => {
		const node = at.get(cluster.node);
		if (node === undefined) return;
		clusterAt.set(c, clusters.length);
		clusters.push({ node, title: cluster.title });
	});
	const nodes = source.map((full) => {
		const node = graph.nodes[full];
		if (node === undefined) throw new Error(`node ${full} is missing`);
		return { ...node, parent: at.get(node.parent) ?? -1, cluster: clusterAt.get(node.cluster) ?? -1 };
	});
	const links = graph.links
		.filter((l) => at.has(l.source) && at.has(l.target))
		.map((l) => ({ source: at.get(l.source) ?? 0, target: at.get(l.target) ?? 0, kind: l.kind }));
	return { graph: { nodes, links, clusters }, source };
}

/** Every node within `depth` links of `center` (breadth first, through any link kind). */
export function localGraph(graph: Graph, center: number, depth: number): Subgraph {
	if (center < 0 || center >= graph.nodes.length) return inducedSubgraph(graph, []);
	const adjacency = adjacencyOf(graph);
	const seen = new Set<number>([center]);
	let frontier = [center];
	for (let d = 0; d < depth && frontier.length > 0; d++) {
		const next: number[] = [];
		for (const i of frontier) {
			for (const j of neighboursOf(adjacency, i)) {
				if (seen.has(j)) continue;
				seen.add(j);
				next.push(j);
			}
		}
		frontier = next;
	}
	return inducedSubgraph(graph, seen);
}

/** One cluster's nodes, plus (when `neighbours`) the nodes outside it that they link to. */
export function clusterGraph(graph: Graph, cluster: number, neighbours = false): Subgraph {
	const members = new Set<number>();
	graph.nodes.forEach((node, i) => {
		if (node.cluster === cluster) members.add(i);
	});
	if (neighbours) {
		const adjacency = adjacencyOf(graph);
		for (const i of [...members]) for (const j of neighboursOf(adjacency, i)) members.add(j);
	}
	return inducedSubgraph(graph, members);
}
