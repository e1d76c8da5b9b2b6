/**
 * Node size: a base per kind (clusters largest, episodes smallest), growing with the node's citation / link count
 * (its weight) by the square root, with a cap so a heavily cited node stays a node, not a blob.
 */
import { buildGraph } from "../../../src/core/graph/build";
import { layoutGraphOf } from "../../../src/core/graph/layoutGraph";
import { nodeRadius } from "../../../src/core/graph/radius";
import { demoNotes } from "./fixtures";

describe("nodeRadius", () => {
	it("ranks kinds: clusters over hubs and sub-topics over questions and episodes", () => {
		expect(nodeRadius("cluster", 0)).toBeGreaterThan(nodeRadius("hub", 0));
		expect(nodeRadius("hub", 0)).toBeGreaterThan(nodeRadius("subtopic", 0));
		expect(nodeRadius("subtopic", 0)).toBeGreaterThan(nodeRadius("question", 0));
		expect(nodeRadius("question", 0)).toBeGreaterThan(nodeRadius("episode", 0));
	});

	it("grows with the citation count by its square root, up to a cap", () => {
		const base = nodeRadius("episode", 0);
		const four = nodeRadius("episode", 4) - base;
		const sixteen = nodeRadius("episode", 16) - base;
		expect(four).toBeGreaterThan(0);
		expect(sixteen).toBeCloseTo(2 * four, 10);
		expect(nodeRadius("episode", 1e6)).toBe(nodeRadius("episode", 1e9));
		expect(nodeRadius("episode", 1e6) - base).toBeLessThanOrEqual(10);
	});

	it("sizes the demo vault's episodes by how often they are cited: the most cited is drawn largest", async () => {
		const graph = buildGraph(await demoNotes());
		const layout = layoutGraphOf(graph);
		const episodes = graph.nodes.flatMap((n, i) => (n.kind === "episode" ? [i] : []));
		const weights = new Set(episodes.map((i) => graph.nodes[i]?.weight));
		expect(weights.size).toBeGreaterThan(1);
		const byWeight = [...episodes].sort((a, b) => (graph.nodes[a]?.weight ?? 0) - (graph.nodes[b]?.weight ?? 0));
		for (let k = 1; k < byWeight.length; k++) expect(layout.radius[byWeight[k] ?? 0]).toBeGreaterThanOrEqual(layout.radius[byWeight[k - 1] ?? 0] ?? 0);
		expect(layout.radius[byWeight[byWeight.length - 1] ?? 0]).toBeGreaterThan(layout.radius[byWeight[0] ?? 0] ?? 0);
	});
});
