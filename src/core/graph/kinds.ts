/** Node kinds: their hierarchy level (what semantic zoom reveals first) and a stable order. */
import type { GraphNodeKind } from "./model";

/** Every node kind, in the order the legend and the node list use. */
export const NODE_KINDS: readonly GraphNodeKind[] = ["cluster", "subtopic", "hub", "section", "question", "review", "episode", "note"];

const LEVEL: Record<GraphNodeKind, number> = { cluster: 0, hub: 0, subtopic: 1, section: 1, question: 2, review: 2, note: 2, episode: 3 };

/** 0 for clusters and hubs, 1 for sub-topics and sections, 2 for notes, 3 for episodes. */
export function levelOf(kind: GraphNodeKind): number {
	return LEVEL[kind];
}

/** Whether a kind is part of the overview (clusters, hubs and their sub-topics or sections). */
export function isOverviewKind(kind: GraphNodeKind): boolean {
	return LEVEL[kind] <= 1;
}

/** The node kind a frontmatter `type` names, or null for notes outside the atlas model. */
export function kindOfType(type: unknown): GraphNodeKind | null {
	if (typeof type !== "string") return null;
	const kind = type.trim().toLowerCase();
	return kind === "note" ? null : (NODE_KINDS as readonly string[]).includes(kind) ? (kind as GraphNodeKind) : null;
}

/** Kind names as the legend and the toggles show them. */
export const KIND_LABELS: Record<GraphNodeKind, string> = {
	cluster: "Clusters",
	subtopic: "Sub-topics",
	hub: "Hubs",
	section: "Hub sections",
	question: "Questions",
	review: "Reviews",
	episode: "Episodes",
	note: "Other notes",
};
