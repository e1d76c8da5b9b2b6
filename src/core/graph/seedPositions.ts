/**
 * Start positions from the hierarchy: circle packing of clusters → sub-topics → notes → episodes, so the simulation
 * starts with clusters already apart and needs a few dozen ticks, not hundreds, to settle.
 */
import { hierarchy, pack, randomLcg } from "d3";
import type { LayoutGraph } from "./layoutGraph";

interface PackItem {
	/** Node index, or -1 for a group. */
	node: number;
	r: number;
	children?: PackItem[];
}

/** Room around each node inside its group, in world units. */
const SPACING = 4;

/** Packed start positions (x, y interleaved), centred on the origin; the same graph always gives the same positions. */
export function seedPositions(graph: LayoutGraph): Float32Array {
	const out = new Float32Array(graph.count * 2);
	if (graph.count === 0) return out;
	const children: number[][] = Array.from({ length: graph.count }, () => []);
	const roots: number[] = [];
	for (let i = 0; i < graph.count; i++) {
		const p = graph.parent[i] ?? -1;
		if (p >= 0) children[p]?.push(i);
		else roots.push(i);
	}
	// A node with children becomes a group: itself first (packed nearest the centre), then its children's groups.
	const itemOf = (i: number): PackItem => {
		const self: PackItem = { node: i, r: (graph.radius[i] ?? 4) + SPACING };
		const kids = children[i] ?? [];
		return kids.length === 0 ? self : { node: -1, r: 0, children: [self, ...kids.map(itemOf)] };
	};
	const unclustered = roots.filter((i) => (children[i] ?? []).length === 0);
	const grouped = roots.filter((i) => (children[i] ?? []).length > 0);
	const top: PackItem[] = grouped.map(itemOf);
	if (unclustered.length > 0) top.push({ node: -1, r: 0, children: unclustered.map(itemOf) });
	const root = hierarchy<PackItem>({ node: -1, r: 0, children: top }, (d) => d.children);
	root.sum((d) => (d.children === undefined ? d.r * d.r : 0));
	const packed = pack<PackItem>()
		.radius((d) => d.data.r)
		.padding((d) => (d.depth === 0 ? 40 : 12));
	const circles = packed(root);
	for (const leaf of circles.leaves()) {
		const i = leaf.data.node;
		if (i < 0) continue;
		out[2 * i] = leaf.x - circles.x;
		out[2 * i + 1] = leaf.y - circles.y;
	}
	return out;
}

function knownNeighbour(graph: LayoutGraph, i: number, known: (j: number) => boolean): number {
	for (let l = 0; l < graph.links.length; l += 2) {
		const s = graph.links[l] ?? -1;
		const t = graph.links[l + 1] ?? -1;
		if (s === i && known(t)) return t;
		if (t === i && known(s)) return s;
	}
	return -1;
}

/**
 * Fills unknown positions (NaN) from known ones: beside the parent, else beside a linked node, else at the packed
 * seed position. Returns how many were filled.
 */
export function placeMissing(graph: LayoutGraph, positions: Float32Array, seed: number): number {
	const random = randomLcg(seed);
	let seeded: Float32Array | null = null;
	let filled = 0;
	const known = (i: number): boolean => i >= 0 && !Number.isNaN(positions[2 * i] ?? NaN) && !Number.isNaN(positions[2 * i + 1] ?? NaN);
	// Parents first: a parent may itself be new (a new sub-topic with new notes).
	const order = Array.from({ length: graph.count }, (_, i) => i).sort((a, b) => (graph.level[a] ?? 0) - (graph.level[b] ?? 0) || a - b);
	const missing = order.filter((i) => !known(i)).length;
	// Looking for a linked neighbour scans every link: worth it for a few new notes, not for a fresh graph.
	const searchNeighbours = missing <= 256;
	for (const i of order) {
		if (known(i)) continue;
		const parent = graph.parent[i] ?? -1;
		const anchor = known(parent) ? parent : searchNeighbours ? knownNeighbour(graph, i, known) : -1;
		if (anchor >= 0) {
			const angle = random() * Math.PI * 2;
			const distance = (graph.radius[anchor] ?? 5) + (graph.radius[i] ?? 4) + 8 + random() * 8;
			positions[2 * i] = (positions[2 * anchor] ?? 0) + Math.cos(angle) * distance;
			positions[2 * i + 1] = (positions[2 * anchor + 1] ?? 0) + Math.sin(angle) * distance;
		} else {
			seeded ??= seedPositions(graph);
			positions[2 * i] = seeded[2 * i] ?? 0;
			positions[2 * i + 1] = seeded[2 * i + 1] ?? 0;
		}
		filled++;
	}
	return filled;
}
