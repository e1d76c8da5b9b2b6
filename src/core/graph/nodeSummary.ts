/** What the tooltip says about a node: title, kind, description and counts, as plain text. */
import { adjacencyOf, neighboursOf, type Adjacency } from "./adjacency";
import { levelOf } from "./kinds";
import type { Graph, GraphNodeKind } from "./model";

/** Plain-text facts about one node. */
export interface NodeSummary {
	title: string;
	/** The kind in words ("Question", "Sub-topic", …). */
	kind: string;
	description: string;
	/** Short count lines, e.g. "12 notes", "3 citations". */
	counts: string[];
	/** The cluster's title, when the node is inside one and is not the cluster itself. */
	cluster: string | null;
}

const KIND_NAME: Record<GraphNodeKind, string> = {
	cluster: "Cluster",
	subtopic: "Sub-topic",
	hub: "Hub",
	section: "Hub section",
	question: "Question",
	review: "Literature review",
	episode: "Episode",
	note: "Note",
};

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** Summarises node i (pass the adjacency when summarising many nodes of one graph). */
export function nodeSummary(graph: Graph, i: number, adjacency: Adjacency = adjacencyOf(graph)): NodeSummary | null {
	const node = graph.nodes[i];
	if (node === undefined) return null;
	let members = 0;
	let cites = 0;
	let citedBy = 0;
	let links = 0;
	for (const link of graph.links) {
		if (link.source !== i && link.target !== i) continue;
		if (link.kind === "member" && link.source === i) members++;
		else if (link.kind === "citation") {
			if (node.kind === "episode") citedBy++;
			else cites++;
		} else if (link.kind !== "member") links++;
	}
	const counts: string[] = [];
	if (node.kind === "cluster" || node.kind === "hub") {
		let inside = 0;
		// Notes proper: the sub-topics or sections are counted on their own.
		for (const other of graph.nodes) if (other.cluster === node.cluster && levelOf(other.kind) >= 2) inside++;
		counts.push(plural(members, node.kind === "cluster" ? "sub-topic" : "section", node.kind === "cluster" ? "sub-topics" : "sections"));
		counts.push(plural(inside, "note inside", "notes inside"));
	} else if (members > 0) counts.push(plural(members, "note", "notes"));
	if (cites > 0) counts.push(plural(cites, "episode cited", "episodes cited"));
	if (citedBy > 0) counts.push(`cited by ${plural(citedBy, "note", "notes")}`);
	if (links > 0) counts.push(plural(links, "link", "links"));
	if (counts.length === 0) counts.push(plural(neighboursOf(adjacency, i).length, "connection", "connections"));
	const cluster = node.cluster >= 0 && graph.clusters[node.cluster]?.node !== i ? (graph.clusters[node.cluster]?.title ?? null) : null;
	return { title: node.title, kind: KIND_NAME[node.kind], description: node.description, counts, cluster };
}
