/** The graph model: atlas notes as nodes and typed links, grouped into clusters with a hierarchy. */

/** What a node stands for (`note` is any other note that links into the atlas). */
export type GraphNodeKind = "cluster" | "subtopic" | "hub" | "section" | "question" | "review" | "episode" | "note";

/** What a link means. */
export type GraphLinkKind = "member" | "hub" | "citation" | "link";

/** One node. Indices (not objects) connect nodes, so positions can live in typed arrays. */
export interface GraphNode {
	/** The note's vault path (unique). */
	id: string;
	kind: GraphNodeKind;
	title: string;
	/** Index into `Graph.clusters`, or -1 for nodes outside every cluster. */
	cluster: number;
	/** Index of the hierarchy parent (cluster → sub-topic → note → episode), or -1 for a root. */
	parent: number;
	/** Citation or link count, for sizing. */
	weight: number;
	description: string;
}

/** One link between two node indices. */
export interface GraphLink {
	source: number;
	target: number;
	kind: GraphLinkKind;
}

/** A cluster: a cluster or hub note and everything under it. */
export interface GraphCluster {
	/** Index of the cluster's own node. */
	node: number;
	title: string;
}

/** The whole graph. */
export interface Graph {
	nodes: GraphNode[];
	links: GraphLink[];
	clusters: GraphCluster[];
}
