/** The graph as the layout needs it: flat typed arrays, cheap to post to a worker and to copy. */
import { levelOf } from "./kinds";
import type { Graph, GraphLinkKind } from "./model";
import { nodeRadius } from "./radius";

/** Link kinds by number, in the order `LayoutGraph.linkKinds` uses. */
export const LINK_KINDS: readonly GraphLinkKind[] = ["member", "hub", "citation", "link"];

/** A graph reduced to what the simulation uses. Index i is node i of the source graph. */
export interface LayoutGraph {
	count: number;
	/** Source and target indices, interleaved. */
	links: Int32Array;
	/** Index into LINK_KINDS per link. */
	linkKinds: Uint8Array;
	/** Cluster index per node (-1: none). */
	cluster: Int32Array;
	/** Hierarchy parent per node (-1: root). */
	parent: Int32Array;
	/** Hierarchy level per node (0 cluster/hub … 3 episode). */
	level: Uint8Array;
	radius: Float32Array;
}

/** Reduces a graph to typed arrays. */
export function layoutGraphOf(graph: Graph): LayoutGraph {
	const count = graph.nodes.length;
	const out: LayoutGraph = {
		count,
		links: new Int32Array(graph.links.length * 2),
		linkKinds: new Uint8Array(graph.links.length),
		cluster: new Int32Array(count),
		parent: new Int32Array(count),
		level: new Uint8Array(count),
		radius: new Float32Array(count),
	};
	graph.nodes.forEach((node, i) => {
		out.cluster[i] = node.cluster;
		out.parent[i] = node.parent >= 0 && node.parent < count ? node.parent : -1;
		out.level[i] = levelOf(node.kind);
		out.radius[i] = nodeRadius(node.kind, node.weight);
	});
	graph.links.forEach((link, l) => {
		out.links[2 * l] = link.source;
		out.links[2 * l + 1] = link.target;
		out.linkKinds[l] = Math.max(0, LINK_KINDS.indexOf(link.kind));
	});
	return out;
}

/** Whether a value is already a LayoutGraph (and not a Graph). */
export function isLayoutGraph(value: Graph | LayoutGraph): value is LayoutGraph {
	return (value as LayoutGraph).links instanceof Int32Array;
}
