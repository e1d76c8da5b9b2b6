import { generateClusteredGraph } from "../../../src/core/graph/generate";
import type { Graph } from "../../../src/core/graph/model";

function depth(graph: Graph, index: number): number {
	let d = 0;
	for (let at = graph.nodes[index]?.parent ?? -1; at >= 0; at = graph.nodes[at]?.parent ?? -1) d++;
	return d;
}

describe("generateClusteredGraph", () => {
	const graph = generateClusteredGraph({ nodes: 10_000, clusters: 40, subtopicsPerCluster: 8, linksPerNode: 3, seed: 7 });

	it("gives exactly the requested nodes, clusters and sub-topics, with about three links per node", () => {
		expect(graph.nodes).toHaveLength(10_000);
		expect(graph.clusters).toHaveLength(40);
		expect(graph.nodes.filter((n) => n.kind === "subtopic")).toHaveLength(320);
		expect(graph.links.length).toBeGreaterThan(29_000);
		expect(graph.links.length).toBeLessThanOrEqual(30_000);
	});

	it("builds the hierarchy cluster → sub-topic → note → episode, each node in its parent's cluster", () => {
		const expected = { cluster: 0, subtopic: 1, question: 2, review: 2, episode: 3 } as Record<string, number>;
		const wrongDepth = graph.nodes.filter((node, index) => depth(graph, index) !== expected[node.kind]);
		const strayed = graph.nodes.filter((node) => node.parent >= 0 && graph.nodes[node.parent]?.cluster !== node.cluster);
		expect(wrongDepth).toEqual([]);
		expect(strayed).toEqual([]);
		graph.clusters.forEach((cluster, c) => expect(graph.nodes[cluster.node]).toMatchObject({ kind: "cluster", cluster: c, parent: -1 }));
	});

	it("makes links valid, unique and mostly local, with weights equal to degrees", () => {
		const keys = new Set(graph.links.map((l) => `${Math.min(l.source, l.target)}-${Math.max(l.source, l.target)}`));
		expect(keys.size).toBe(graph.links.length);
		expect(graph.links.filter((l) => l.source === l.target)).toEqual([]);
		const degree = new Array<number>(graph.nodes.length).fill(0);
		let local = 0;
		for (const link of graph.links) {
			degree[link.source]!++;
			degree[link.target]!++;
			if (graph.nodes[link.source]?.cluster === graph.nodes[link.target]?.cluster) local++;
		}
		expect(graph.nodes.map((n) => n.weight)).toEqual(degree);
		expect(local / graph.links.length).toBeGreaterThan(0.85);
		expect(new Set(graph.links.map((l) => l.kind))).toEqual(new Set(["member", "citation", "link"]));
	});

	it("gives unequal cluster sizes, as real atlases have", () => {
		const sizes = graph.clusters.map((_, c) => graph.nodes.filter((n) => n.cluster === c).length).sort((a, b) => a - b);
		expect(sizes[sizes.length - 1]! / sizes[0]!).toBeGreaterThan(3);
	});

	it("repeats exactly for a seed and differs for another", () => {
		const small = { nodes: 1_000, clusters: 20, seed: 3 };
		expect(generateClusteredGraph(small)).toEqual(generateClusteredGraph(small));
		expect(generateClusteredGraph({ ...small, seed: 4 }).links).not.toEqual(generateClusteredGraph(small).links);
	});

	it("keeps unique ids and stays whole when asked for fewer nodes than the structure needs", () => {
		expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
		const tiny = generateClusteredGraph({ nodes: 10, clusters: 20, seed: 1 });
		expect(tiny.clusters).toHaveLength(1);
		expect(tiny.nodes.length).toBeGreaterThanOrEqual(9);
	});
});
