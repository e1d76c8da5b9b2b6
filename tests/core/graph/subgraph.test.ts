import type { Graph } from "../../../src/core/graph/model";
import { clusterGraph, inducedSubgraph, localGraph } from "../../../src/core/graph/subgraph";

// c0 → s1 → q2 → e3, q4 in s1; c5 → q6; q2 — q6 linked across clusters.
const graph: Graph = {
	nodes: [
		{ id: "c0", kind: "cluster", title: "C0", cluster: 0, parent: -1, weight: 1, description: "" },
		{ id: "s1", kind: "subtopic", title: "S1", cluster: 0, parent: 0, weight: 3, description: "" },
		{ id: "q2", kind: "question", title: "Q2", cluster: 0, parent: 1, weight: 3, description: "" },
		{ id: "e3", kind: "episode", title: "E3", cluster: 0, parent: 2, weight: 1, description: "" },
		{ id: "q4", kind: "question", title: "Q4", cluster: 0, parent: 1, weight: 1, description: "" },
		{ id: "c5", kind: "cluster", title: "C5", cluster: 1, parent: -1, weight: 1, description: "" },
		{ id: "q6", kind: "question", title: "Q6", cluster: 1, parent: 5, weight: 2, description: "" },
	],
	links: [
		{ source: 0, target: 1, kind: "member" },
		{ source: 1, target: 2, kind: "member" },
		{ source: 2, target: 3, kind: "citation" },
		{ source: 1, target: 4, kind: "member" },
		{ source: 5, target: 6, kind: "member" },
		{ source: 2, target: 6, kind: "link" },
	],
	clusters: [
		{ node: 0, title: "C0" },
		{ node: 5, title: "C5" },
	],
};

describe("subgraphs", () => {
	it("localGraph takes every node within the depth, through any link", () => {
		expect(localGraph(graph, 2, 1).source).toEqual([1, 2, 3, 6]);
		expect(localGraph(graph, 2, 2).source).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(localGraph(graph, -1, 2).graph.nodes).toEqual([]);
	});

	it("re-indexes parents, clusters and links, dropping what falls outside", () => {
		const { graph: sub } = localGraph(graph, 2, 1);
		expect(sub.nodes.map((n) => [n.id, n.parent, n.cluster])).toEqual([
			["s1", -1, -1],
			["q2", 0, -1],
			["e3", 1, -1],
			["q6", -1, -1],
		]);
		expect(sub.links).toEqual([
			{ source: 0, target: 1, kind: "member" },
			{ source: 1, target: 2, kind: "citation" },
			{ source: 1, target: 3, kind: "link" },
		]);
		expect(sub.clusters).toEqual([]);
	});

	it("clusterGraph keeps one cluster, optionally with its outside neighbours", () => {
		expect(clusterGraph(graph, 1).source).toEqual([5, 6]);
		expect(clusterGraph(graph, 1).graph.clusters).toEqual([{ node: 0, title: "C5" }]);
		expect(clusterGraph(graph, 1, true).source).toEqual([2, 5, 6]);
		expect(inducedSubgraph(graph, [4, 4, 99]).source).toEqual([4]);
	});
});
