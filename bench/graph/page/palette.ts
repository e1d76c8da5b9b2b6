/** Colours and sizes shared by the baseline renderers, so every view draws the same picture. */
import { schemeTableau10 } from "d3";
import type { GraphNode } from "../../../src/core/graph/model";

/** The fill of a node, by its cluster. */
export function nodeColor(node: GraphNode): string {
	return schemeTableau10[Math.max(0, node.cluster) % schemeTableau10.length] ?? "#888";
}

/** The radius of a node in world units, by its kind and weight. */
export function nodeRadius(node: GraphNode): number {
	const base = node.kind === "cluster" ? 10 : node.kind === "subtopic" ? 6 : node.kind === "episode" ? 2 : 3;
	return base + Math.sqrt(node.weight) * 0.5;
}

/** Link colour. */
export const LINK_COLOR = "#9aa0a6";
