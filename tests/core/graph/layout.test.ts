import { buildGraph } from "../../../src/core/graph/build";
import { generateClusteredGraph } from "../../../src/core/graph/generate";
import { createLayout, settleTicks, thetaFor } from "../../../src/core/graph/layout";
import { layoutGraphOf } from "../../../src/core/graph/layoutGraph";
import type { Graph } from "../../../src/core/graph/model";
import { seedPositions } from "../../../src/core/graph/seedPositions";
import { demoNotes } from "./fixtures";

function settle(graph: Graph, options: Parameters<typeof createLayout>[1] = {}): { positions: Float32Array; ticks: number } {
	const layout = createLayout(graph, options);
	let ticks = 0;
	while (!layout.settled() && ticks < 1000) {
		layout.tick();
		ticks++;
	}
	return { positions: layout.positions(), ticks };
}

function centroid(positions: Float32Array, members: number[]): [number, number] {
	let x = 0;
	let y = 0;
	for (const i of members) {
		x += positions[2 * i] ?? 0;
		y += positions[2 * i + 1] ?? 0;
	}
	return [x / members.length, y / members.length];
}

function distance(positions: Float32Array, i: number, p: [number, number]): number {
	return Math.hypot((positions[2 * i] ?? 0) - p[0], (positions[2 * i + 1] ?? 0) - p[1]);
}

/** The share of nodes that sit nearer another cluster's centre than their own. */
function misplacedShare(graph: Graph, positions: Float32Array): number {
	const members = graph.clusters.map((_, c) => graph.nodes.flatMap((n, i) => (n.cluster === c ? [i] : [])));
	const centres = members.map((m) => centroid(positions, m));
	let misplaced = 0;
	graph.nodes.forEach((node, i) => {
		const own = distance(positions, i, centres[node.cluster] ?? [0, 0]);
		if (centres.some((centre, c) => c !== node.cluster && distance(positions, i, centre) < own)) misplaced++;
	});
	return misplaced / graph.nodes.length;
}

describe("createLayout", () => {
	let demo: Graph;
	beforeAll(async () => {
		demo = buildGraph(await demoNotes());
	});

	it("is deterministic: the same vault and seed give the same positions, whatever order the notes were read in", async () => {
		const a = settle(demo, { seed: 3 });
		const b = settle(buildGraph((await demoNotes()).reverse()), { seed: 3 });
		expect(Array.from(b.positions)).toEqual(Array.from(a.positions));
		// Alpha decays geometrically to its minimum in the planned number of ticks (one more for float rounding).
		expect(a.ticks).toBe(settleTicks(demo.nodes.length) + 1);
		const other = settle(demo, { seed: 4 });
		expect(Array.from(other.positions)).not.toEqual(Array.from(a.positions));
	});

	it("keeps clusters apart: every node is closer to its own cluster's centre than to any other cluster's", () => {
		const graph = generateClusteredGraph({ nodes: 1500, clusters: 6, seed: 2 });
		const { positions } = settle(graph, { seed: 1 });
		// Cross-cluster links pull a few boundary notes; nearly all sit with their own cluster.
		expect(misplacedShare(graph, positions)).toBeLessThan(0.02);
	});

	it("starts from hierarchy-packed positions: members around their parent, clusters in separate discs", () => {
		const graph = generateClusteredGraph({ nodes: 600, clusters: 4, seed: 5 });
		const start = seedPositions(layoutGraphOf(graph));
		// Each note starts nearer its own sub-topic than the average sub-topic of another cluster.
		const subtopics = graph.nodes.flatMap((n, i) => (n.kind === "subtopic" ? [i] : []));
		let nearer = 0;
		let notes = 0;
		graph.nodes.forEach((node, i) => {
			if (node.kind !== "question" && node.kind !== "review") return;
			notes++;
			const own = distance(start, i, [start[2 * node.parent] ?? 0, start[2 * node.parent + 1] ?? 0]);
			const foreign = subtopics.filter((s) => graph.nodes[s]?.cluster !== node.cluster).map((s) => distance(start, i, [start[2 * s] ?? 0, start[2 * s + 1] ?? 0]));
			if (foreign.every((d) => d > own)) nearer++;
		});
		expect(nearer).toBe(notes);
	});

	it("with every position known, starts settled and does not move anything", () => {
		const { positions } = settle(demo, { seed: 1 });
		const reopened = createLayout(demo, { seed: 1, positions });
		expect(reopened.settled()).toBe(true);
		reopened.tick(50);
		expect(Array.from(reopened.positions())).toEqual(Array.from(positions));
	});

	it("places a new node beside its parent and settles it while the known nodes stay put", () => {
		const { positions } = settle(demo, { seed: 1 });
		const question = demo.nodes.findIndex((n) => n.title === "Do reward models actually consider what the prompt asks?");
		const parent = demo.nodes[question]?.parent ?? -1;
		const start = Float32Array.from(positions);
		start[2 * question] = NaN;
		start[2 * question + 1] = NaN;
		const layout = createLayout(demo, { seed: 1, positions: start });
		expect(layout.settled()).toBe(false);
		const placed = layout.positions();
		expect(distance(placed, question, [placed[2 * parent] ?? 0, placed[2 * parent + 1] ?? 0])).toBeLessThan(50);
		while (!layout.settled()) layout.tick();
		const after = layout.positions();
		let moved = 0;
		for (let i = 0; i < demo.nodes.length; i++) if (i !== question && (after[2 * i] !== positions[2 * i] || after[2 * i + 1] !== positions[2 * i + 1])) moved++;
		expect(moved).toBe(0);
	});

	it("continues a layout that was still moving when the graph changed, instead of freezing it half-settled", () => {
		const cold = createLayout(demo, { seed: 1 });
		cold.tick(15);
		const midway = cold.positions();
		const question = demo.nodes.findIndex((n) => n.title === "Do reward models actually consider what the prompt asks?");
		midway[2 * question] = NaN;
		midway[2 * question + 1] = NaN;
		const layout = createLayout(demo, { seed: 1, positions: midway, alpha: cold.alpha() });
		expect(layout.alpha()).toBeCloseTo(cold.alpha(), 5);
		layout.tick(20);
		const after = layout.positions();
		let moved = 0;
		for (let i = 0; i < demo.nodes.length; i++) if (i !== question && Math.hypot((after[2 * i] ?? 0) - (midway[2 * i] ?? 0), (after[2 * i + 1] ?? 0) - (midway[2 * i + 1] ?? 0)) > 0.5) moved++;
		// Without the alpha, every known node would be held where it was 15 ticks into the layout.
		expect(moved).toBeGreaterThan(demo.nodes.length / 2);
		for (let guard = 0; !layout.settled() && guard < 1000; guard++) layout.tick();
		expect(layout.settled()).toBe(true);
	});

	it("draws each cluster's members together: two clusters started overlapping, with no link between any two nodes, come apart", () => {
		// Cluster nodes at ±60, their members scattered over ±150 around them: a third of the nodes sit nearer the other
		// cluster's centre. Only the cluster force knows who belongs where.
		const node = (kind: "cluster" | "question", cluster: number, i: number): Graph["nodes"][number] => ({ id: `${kind}-${i}.md`, kind, title: "", cluster, parent: kind === "cluster" ? -1 : cluster, weight: 0, description: "" });
		const graph: Graph = { nodes: [node("cluster", 0, 0), node("cluster", 1, 1)], links: [], clusters: [{ node: 0, title: "A" }, { node: 1, title: "B" }] };
		for (let i = 0; i < 120; i++) graph.nodes.push(node("question", i % 2, i));
		const start = new Float32Array(graph.nodes.length * 2);
		graph.nodes.forEach((n, i) => {
			const spread = n.kind === "cluster" ? 0 : 1;
			start[2 * i] = (n.cluster === 0 ? -60 : 60) + spread * (((i * 97) % 300) - 150);
			start[2 * i + 1] = spread * (((i * 61) % 300) - 150);
		});
		expect(misplacedShare(graph, start)).toBeGreaterThan(0.25);
		const { positions } = settle(graph, { positions: start, alpha: 1 });
		expect(misplacedShare(graph, positions)).toBeLessThan(0.05);
	});

	it("holds pinned nodes where they were dropped", () => {
		const layout = createLayout(demo, { seed: 1 });
		layout.pin(5, 1000, -1000);
		layout.tick(30);
		expect([layout.positions()[10], layout.positions()[11]]).toEqual([1000, -1000]);
		expect(layout.isPinned(5)).toBe(true);
		layout.unpin(5);
		layout.reheat(0.5);
		layout.tick(5);
		expect(layout.positions()[10]).not.toBe(1000);
	});

	it("big graphs (the cheaper path: repulsion every other tick, collision late) stay deterministic, keep clusters apart and leave no overlaps", () => {
		const graph = generateClusteredGraph({ nodes: 5_200, clusters: 20, subtopicsPerCluster: 8, linksPerNode: 3, seed: 42 });
		const a = settle(graph, { seed: 1 });
		const b = settle(graph, { seed: 1 });
		expect(Array.from(b.positions)).toEqual(Array.from(a.positions));
		expect(a.ticks).toBe(settleTicks(graph.nodes.length) + 1);
		const { positions } = a;
		expect(misplacedShare(graph, positions)).toBeLessThan(0.02);
		// Collision ran in the last ticks: no two nodes sit more than a fifth into each other.
		const layoutGraph = layoutGraphOf(graph);
		const cells = new Map<string, number[]>();
		const key = (x: number, y: number): string => `${Math.floor(x / 40)},${Math.floor(y / 40)}`;
		for (let i = 0; i < graph.nodes.length; i++) {
			const k = key(positions[2 * i] ?? 0, positions[2 * i + 1] ?? 0);
			cells.set(k, [...(cells.get(k) ?? []), i]);
		}
		let overlaps = 0;
		for (let i = 0; i < graph.nodes.length; i++) {
			const x = positions[2 * i] ?? 0;
			const y = positions[2 * i + 1] ?? 0;
			for (let dx = -1; dx <= 1; dx++)
				for (let dy = -1; dy <= 1; dy++)
					for (const j of cells.get(key(x + dx * 40, y + dy * 40)) ?? [])
						if (j > i && Math.hypot(x - (positions[2 * j] ?? 0), y - (positions[2 * j + 1] ?? 0)) < 0.8 * ((layoutGraph.radius[i] ?? 0) + (layoutGraph.radius[j] ?? 0))) overlaps++;
		}
		expect(overlaps).toBe(0);
	}, 60_000);

	it("tunes the simulation for big graphs: fewer ticks and a coarser Barnes–Hut theta", () => {
		expect([settleTicks(1_000), settleTicks(5_000), settleTicks(10_000), settleTicks(50_000)]).toEqual([200, 80, 35, 35]);
		expect([thetaFor(1_000), thetaFor(10_000)]).toEqual([0.9, 1.5]);
	});
});
