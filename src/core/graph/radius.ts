/** Node size: a base per kind, growing with the square root of the citation / link count so hubs of activity stand out. */
import type { GraphNodeKind } from "./model";

const BASE: Record<GraphNodeKind, number> = { cluster: 14, hub: 13, subtopic: 9, section: 8, question: 5, review: 6, note: 4, episode: 3.5 };

/** World-space radius of a node of this kind and weight. */
export function nodeRadius(kind: GraphNodeKind, weight: number): number {
	return BASE[kind] + Math.min(10, Math.sqrt(Math.max(0, weight)) * 0.9);
}
