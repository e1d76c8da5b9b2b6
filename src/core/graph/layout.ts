/**
 * The layout: a seeded d3-force simulation (links, many-body repulsion, collision, a cluster force, a weak pull to the
 * centre) started from hierarchy-packed or persisted positions. Pure: no timers, no DOM; the caller ticks it.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, randomLcg, type Force, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from "d3";
import { forceCluster } from "./clusterForce";
import { forceGridCollide } from "./gridCollide";
import { isLayoutGraph, layoutGraphOf, LINK_KINDS, type LayoutGraph } from "./layoutGraph";
import type { Graph } from "./model";
import { placeMissing, seedPositions } from "./seedPositions";

/** How to start. */
export interface LayoutOptions {
	/** Random seed: the same graph, seed and start positions always give the same positions. */
	seed?: number;
	/** Start positions (x, y interleaved; NaN where unknown). When every position is known the layout starts settled. */
	positions?: Float32Array;
	/** Nodes held in place (dragged and pinned by the user). */
	pinned?: Iterable<number>;
	/**
	 * Continues a layout that was still moving (the graph changed before it settled): starts at this alpha and holds no
	 * node still, so the picture finishes settling instead of freezing half-way. Omitted: known nodes hold still while new
	 * ones settle in.
	 */
	alpha?: number;
}

/** A running layout. */
export interface Layout {
	readonly count: number;
	/** Runs n ticks (default 1) unless settled; returns the alpha after them. */
	tick(n?: number): number;
	/** A fresh copy of the positions, x and y interleaved (safe to transfer to another thread). */
	positions(): Float32Array;
	alpha(): number;
	/** True once the simulation has cooled down; ticking further changes nothing. */
	settled(): boolean;
	/** Holds node i at (x, y) until unpinned. */
	pin(i: number, x: number, y: number): void;
	unpin(i: number): void;
	isPinned(i: number): boolean;
	/** Warms the simulation up again (after a drag or a change), to at least this alpha. */
	reheat(alpha?: number): void;
}

interface Node extends SimulationNodeDatum {
	index: number;
}

const ALPHA_MIN = 0.002;
const COLD_ALPHA = 0.6;
/** Alpha for new nodes settling among known ones: gentle, so they find a place without a shake. */
const SETTLE_ALPHA = 0.3;
/** Distance per link kind: membership short, citations a little longer, plain links longest. */
const LINK_DISTANCE: Record<(typeof LINK_KINDS)[number], number> = { member: 18, hub: 30, citation: 22, link: 40 };

/**
 * Above this many nodes the layout trades accuracy the eye cannot see for time: fewer ticks (see settleTicks), a
 * coarser Barnes–Hut, repulsion on every other tick, collision only in the last ticks, on a grid. At 10,000 nodes the
 * hierarchy-packed start already holds the clusters apart and more ticks mostly let them drift into each other: the
 * share of nodes nearer another cluster's centre than their own is 0.53 %, with no overlapping nodes at the end
 * (docs/performance.md has the measurements).
 */
const BIG_GRAPH = 5_000;
/**
 * Big graphs resolve collisions only once alpha has cooled below this (the last ~21 of 36 ticks): earlier, the
 * repulsion is still moving every node, so separating overlaps is wasted work. On the grid (see gridCollide), a
 * collision tick costs a third of d3's quadtree one, and starting at 0.06 rather than 0.03 leaves no overlapping
 * nodes at 5,200, 10,000 and 20,000 nodes (at 0.03 two pairs at 5,200 ended 0.79–0.80 of their radii apart).
 */
const COLLIDE_ALPHA = 0.06;
/** How much of an overlap one collision pass undoes (d3's forceCollide strength). */
const COLLIDE_STRENGTH = 0.8;

/**
 * Ticks to settle from a hierarchy-packed start: fewer for big graphs, where the packing already separates clusters
 * (seeded starts reach the separation of a 300-tick random start in about 50, and keep it better in 35).
 */
export function settleTicks(count: number): number {
	return count <= 2_000 ? 200 : count <= BIG_GRAPH ? 80 : 35;
}

/** Barnes–Hut accuracy: coarser for big graphs, where repulsion is almost the whole cost of a tick. */
export function thetaFor(count: number): number {
	return count > BIG_GRAPH ? 1.5 : 0.9;
}

/** Creates a layout over a graph (or its typed-array form). */
export function createLayout(input: Graph | LayoutGraph, options: LayoutOptions = {}): Layout {
	const graph = isLayoutGraph(input) ? input : layoutGraphOf(input);
	const seed = options.seed ?? 1;
	const count = graph.count;
	let start: Float32Array;
	let missing = count;
	if (options.positions !== undefined && options.positions.length === count * 2) {
		start = Float32Array.from(options.positions);
		missing = placeMissing(graph, start, seed);
	} else start = seedPositions(graph);

	const nodes: Node[] = Array.from({ length: count }, (_, i) => ({ index: i, x: start[2 * i] ?? 0, y: start[2 * i + 1] ?? 0, vx: 0, vy: 0 }));
	const pinned = new Set<number>();
	for (const i of options.pinned ?? []) {
		const node = nodes[i];
		if (node === undefined) continue;
		pinned.add(i);
		node.fx = node.x;
		node.fy = node.y;
	}
	// Known nodes hold still while new ones settle in, so an update moves nothing the user already knows.
	const held = new Set<number>();
	const continuing = options.alpha !== undefined && Number.isFinite(options.alpha) && options.alpha > 0;
	if (options.positions !== undefined && missing > 0 && missing < count && !continuing) {
		const unknown = new Set<number>();
		for (let i = 0; i < count; i++) if (Number.isNaN(options.positions[2 * i] ?? NaN)) unknown.add(i);
		for (const node of nodes) {
			if (unknown.has(node.index) || pinned.has(node.index)) continue;
			held.add(node.index);
			node.fx = node.x;
			node.fy = node.y;
		}
	}

	const links: SimulationLinkDatum<Node>[] = [];
	const kinds: number[] = [];
	for (let l = 0; l < graph.linkKinds.length; l++) {
		const s = graph.links[2 * l] ?? -1;
		const t = graph.links[2 * l + 1] ?? -1;
		if (s < 0 || t < 0 || s >= count || t >= count || s === t) continue;
		links.push({ source: s, target: t, index: links.length });
		kinds.push(graph.linkKinds[l] ?? 3);
	}
	const degree = new Float64Array(count);
	for (const link of links) {
		degree[link.source as number] = (degree[link.source as number] ?? 0) + 1;
		degree[link.target as number] = (degree[link.target as number] ?? 0) + 1;
	}
	const radius = (i: number): number => graph.radius[i] ?? 4;
	// Nodes keep a little air between them.
	const collisionRadius = (i: number): number => radius(i) + 2;
	const sameCluster = (l: SimulationLinkDatum<Node>): boolean => {
		const s = (l.source as Node).index;
		const t = (l.target as Node).index;
		return (graph.cluster[s] ?? -1) === (graph.cluster[t] ?? -2);
	};

	const ticks = settleTicks(count);
	const big = count > BIG_GRAPH;
	const simulation: Simulation<Node, undefined> = forceSimulation<Node>(nodes)
		.stop()
		.randomSource(randomLcg(seed))
		.alphaMin(ALPHA_MIN)
		.alphaDecay(1 - Math.pow(ALPHA_MIN / COLD_ALPHA, 1 / ticks))
		.alpha(continuing ? Math.min(1, Math.max(options.alpha ?? 0, missing > 0 && missing < count ? SETTLE_ALPHA : 0)) : missing === count ? COLD_ALPHA : missing > 0 ? SETTLE_ALPHA : 0)
		.force(
			"link",
			forceLink<Node, SimulationLinkDatum<Node>>(links)
				.distance((l) => {
					const s = (l.source as Node).index;
					const t = (l.target as Node).index;
					return radius(s) + radius(t) + LINK_DISTANCE[LINK_KINDS[kinds[l.index ?? 0] ?? 3] ?? "link"];
				})
				// d3's default strength (1 / fewer-linked end), weakened across clusters so they do not merge.
				.strength((l) => {
					const s = (l.source as Node).index;
					const t = (l.target as Node).index;
					return (sameCluster(l) ? 1 : 0.15) / Math.max(1, Math.min(degree[s] ?? 1, degree[t] ?? 1));
				}),
		)
		.force(
			"charge",
			everyOtherTick(
				big,
				forceManyBody<Node>()
					.strength((d) => -12 - radius(d.index) * 2.5)
					.theta(thetaFor(count))
					.distanceMax(big ? 500 : Infinity),
			),
		)
		.force("collide", big ? belowAlpha(COLLIDE_ALPHA, forceGridCollide(collisionRadius, COLLIDE_STRENGTH)) : forceCollide<Node>((d) => collisionRadius(d.index)).strength(COLLIDE_STRENGTH))
		.force("cluster", forceCluster(graph.cluster))
		.force("x", forceX<Node>(0).strength(0.015))
		.force("y", forceY<Node>(0).strength(0.015));

	const release = (): void => {
		for (const i of held) {
			const node = nodes[i];
			if (node === undefined || pinned.has(i)) continue;
			node.fx = null;
			node.fy = null;
		}
		held.clear();
	};
	const settled = (): boolean => simulation.alpha() < ALPHA_MIN;
	if (settled()) release();

	return {
		count,
		tick(n = 1) {
			for (let k = 0; k < n && !settled(); k++) simulation.tick();
			if (settled()) release();
			return simulation.alpha();
		},
		positions() {
			const out = new Float32Array(count * 2);
			for (let i = 0; i < count; i++) {
				const node = nodes[i];
				out[2 * i] = node?.x ?? 0;
				out[2 * i + 1] = node?.y ?? 0;
			}
			return out;
		},
		alpha: () => simulation.alpha(),
		settled,
		pin(i, x, y) {
			const node = nodes[i];
			if (node === undefined) return;
			pinned.add(i);
			held.delete(i);
			node.fx = x;
			node.fy = y;
			node.x = x;
			node.y = y;
		},
		unpin(i) {
			const node = nodes[i];
			if (node === undefined) return;
			pinned.delete(i);
			node.fx = null;
			node.fy = null;
		},
		isPinned: (i) => pinned.has(i),
		reheat(alpha = SETTLE_ALPHA) {
			if (simulation.alpha() < alpha) simulation.alpha(alpha);
		},
	};
}

/** A d3 force over the layout's nodes. */
type NodeForce = Force<Node, undefined>;

/**
 * Applies a force on every other tick only, with twice the alpha, so it gives the same push over the layout at half the
 * cost (`on` false: every tick, unchanged). Deterministic: the ticks it skips depend on nothing but their count.
 */
function everyOtherTick(on: boolean, force: NodeForce): NodeForce {
	if (!on) return force;
	let tick = 0;
	const alternate: NodeForce = (alpha) => {
		if (tick++ % 2 === 0) force(alpha * 2);
	};
	alternate.initialize = (nodes, random) => force.initialize?.(nodes, random);
	return alternate;
}

/** Applies a force only once alpha has cooled to `limit`. */
function belowAlpha(limit: number, force: NodeForce): NodeForce {
	const late: NodeForce = (alpha) => {
		if (alpha <= limit) force(alpha);
	};
	late.initialize = (nodes, random) => force.initialize?.(nodes, random);
	return late;
}
