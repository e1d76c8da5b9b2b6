/** A seeded clustered graph shaped like a large atlas (clusters → sub-topics → notes → episodes), for benchmarks and tests. */
import { randomLcg } from "d3";
import type { Graph, GraphLink, GraphLinkKind, GraphNode, GraphNodeKind } from "./model";

/** What to generate; the same options always give the same graph. */
export interface ClusteredGraphOptions {
	/** Total node count, structure included. */
	nodes: number;
	/** Cluster count (an atlas has 20–200). */
	clusters: number;
	subtopicsPerCluster?: number;
	/** Links per node, counted once per link: membership, citations and wiki links together. */
	linksPerNode?: number;
	seed?: number;
}

// Share of the leaves that are notes (the rest are episodes they cite), and of notes that are reviews:
// roughly what the seed digests hold.
const NOTE_SHARE = 0.4;
const REVIEW_SHARE = 0.3;
// Real links stay mostly inside a cluster; the few that cross make the layout's clusters touch.
const LOCAL_SHARE = 0.85;

interface Builder {
	nodes: GraphNode[];
	links: GraphLink[];
	seen: Set<number>;
}

function addNode(b: Builder, kind: GraphNodeKind, title: string, cluster: number, parent: number, folder: string): number {
	b.nodes.push({ id: `${folder}/${title}.md`, kind, title, cluster, parent, weight: 0, description: "" });
	return b.nodes.length - 1;
}

/** Adds a link unless it is a loop or repeats one (in either direction). Call once every node exists: the key uses the node count. */
function addLink(b: Builder, source: number, target: number, kind: GraphLinkKind): void {
	if (source === target) return;
	const n = b.nodes.length;
	const key = source < target ? source * n + target : target * n + source;
	if (b.seen.has(key)) return;
	b.seen.add(key);
	b.links.push({ source, target, kind });
	const s = b.nodes[source];
	const t = b.nodes[target];
	if (s) s.weight++;
	if (t) t.weight++;
}

/** Picks an index with a skew towards low ones, so some clusters and sub-topics are much bigger than others. */
function skewed(random: () => number, count: number): number {
	return Math.min(count - 1, Math.floor(count * random() * random() * 1.6));
}

/** Builds a clustered graph: a membership tree (cluster → sub-topic → note → episode) plus citations and wiki links, mostly within a cluster. */
export function generateClusteredGraph(options: ClusteredGraphOptions): Graph {
	const subtopics = options.subtopicsPerCluster ?? 8;
	const perNode = options.linksPerNode ?? 3;
	const random = randomLcg(options.seed ?? 1);
	const clusterCount = Math.max(1, Math.min(options.clusters, Math.floor(options.nodes / (1 + subtopics))));
	const b: Builder = { nodes: [], links: [], seen: new Set() };
	const clusters: Graph["clusters"] = [];
	const subtopicNodes: number[][] = [];
	const total = Math.max(options.nodes, clusterCount * (1 + subtopics));

	for (let c = 0; c < clusterCount; c++) {
		const title = `Cluster ${c + 1}`;
		const node = addNode(b, "cluster", title, c, -1, "Clusters");
		clusters.push({ node, title });
		const subs: number[] = [];
		for (let s = 0; s < subtopics; s++) subs.push(addNode(b, "subtopic", `${title} · Topic ${s + 1}`, c, node, `Clusters/${title}`));
		subtopicNodes.push(subs);
	}
	const leaves = total - b.nodes.length;
	const noteCount = Math.max(Math.min(leaves, 1), Math.round(leaves * NOTE_SHARE));
	const notesByCluster: number[][] = clusters.map(() => []);
	for (let i = 0; i < noteCount; i++) {
		const c = skewed(random, clusterCount);
		const subs = subtopicNodes[c] ?? [];
		const parent = subs[skewed(random, subs.length)] ?? -1;
		const kind = random() < REVIEW_SHARE ? "review" : "question";
		const title = `${kind === "review" ? "Review" : "Question"} ${i + 1}`;
		notesByCluster[c]?.push(addNode(b, kind, title, c, parent, `Notes/Cluster ${c + 1}`));
	}
	const episodesByCluster: number[][] = clusters.map(() => []);
	const notes = notesByCluster.flat();
	for (let i = 0; b.nodes.length < total; i++) {
		const parent = notes[Math.floor(random() * notes.length)] ?? 0;
		const c = b.nodes[parent]?.cluster ?? 0;
		episodesByCluster[c]?.push(addNode(b, "episode", `E${String(i + 1).padStart(5, "0")}`, c, parent, "Episodes"));
	}

	// Membership first: every node but a cluster hangs from its parent.
	b.nodes.forEach((node, index) => {
		if (node.parent >= 0) addLink(b, node.parent, index, "member");
	});
	// Then citations and wiki links from notes until the link budget is spent; a bounded number of tries
	// keeps tiny or saturated graphs from looping forever.
	const budget = Math.round(total * perNode);
	const allEpisodes = episodesByCluster.flat();
	for (let tries = 0; b.links.length < budget && tries < budget * 4 && notes.length > 1; tries++) {
		const source = notes[Math.floor(random() * notes.length)] ?? 0;
		const local = random() < LOCAL_SHARE;
		const c = local ? (b.nodes[source]?.cluster ?? 0) : Math.floor(random() * clusterCount);
		const cites = random() < 0.5 && allEpisodes.length > 0;
		const pool = cites ? (episodesByCluster[c] ?? []) : (notesByCluster[c] ?? []);
		const target = pool[Math.floor(random() * pool.length)];
		if (target !== undefined) addLink(b, source, target, cites ? "citation" : "link");
	}
	return { nodes: b.nodes, links: b.links, clusters };
}
