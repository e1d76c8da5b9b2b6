import { buildGraph } from "../../../src/core/graph/build";
import type { Graph } from "../../../src/core/graph/model";
import { demoNotes, note } from "./fixtures";

function titles(graph: Graph, indices: number[]): string[] {
	return indices.map((i) => graph.nodes[i]?.title ?? "?");
}

describe("buildGraph", () => {
	const small = [
		note("Episodes/E001.md", { type: "episode", title: "E001" }),
		note("Q/Why.md", { type: "question", title: "Why?", description: "A question.", subtopics: ["[[Sub A]]"] }, ["cluster/c1/sub-a", "hub/h1/s1"], ["Episodes/E001.md", "Q/How.md"]),
		note("Q/How.md", { type: "question", title: "How?" }, ["cluster/c1/sub-a"], []),
		note("Clusters/C1/Sub A.md", { type: "subtopic", title: "Sub A", cluster: "[[C1]]" }, ["cluster/c1/sub-a"], ["Clusters/C1.md"]),
		note("Clusters/C1.md", { type: "cluster", title: "C1" }, ["cluster/c1"], ["Clusters/C1/Sub A.md"]),
		note("Hubs/H1.md", { type: "hub", title: "H1" }, ["hub/h1"], ["Q/Why.md"]),
		note("Hubs/H1/S1.md", { type: "section", title: "S1", hub: "[[H1]]" }, ["hub/h1/s1"], []),
		note("Notes/Mine.md", {}, [], ["Q/Why.md"]),
		note("All topics.md", { type: "index" }, ["atlas/index"], ["Q/Why.md"]),
	];

	it("orders nodes by level, kind and path whatever order the notes come in", () => {
		const graph = buildGraph(small);
		expect(graph.nodes.map((n) => `${n.kind}:${n.title}`)).toEqual(["cluster:C1", "hub:H1", "subtopic:Sub A", "section:S1", "question:How?", "question:Why?", "episode:E001"]);
		expect(buildGraph([...small].reverse())).toEqual(graph);
	});

	it("builds the hierarchy from tags and frontmatter links, preferring the sub-topic as parent, with clusters from the root", () => {
		const graph = buildGraph(small);
		expect(graph.clusters).toEqual([
			{ node: 0, title: "C1" },
			{ node: 1, title: "H1" },
		]);
		expect(graph.nodes.map((n) => [n.title, n.parent >= 0 ? graph.nodes[n.parent]?.title : null, n.cluster])).toEqual([
			["C1", null, 0],
			["H1", null, 1],
			["Sub A", "C1", 0],
			["S1", "H1", 1],
			["How?", "Sub A", 0],
			["Why?", "Sub A", 0],
			["E001", "Why?", 0],
		]);
	});

	it("types links: membership (sub-topic and hub section), hub → note, citation, plain link; no duplicates", () => {
		const graph = buildGraph(small);
		const described = graph.links.map((l) => `${l.kind} ${graph.nodes[l.source]?.title} → ${graph.nodes[l.target]?.title}`);
		expect(described.sort()).toEqual(["citation Why? → E001", "hub H1 → Why?", "link Why? → How?", "member C1 → Sub A", "member H1 → S1", "member S1 → Why?", "member Sub A → How?", "member Sub A → Why?"].sort());
		expect(graph.nodes.map((n) => n.weight)).toEqual([1, 2, 3, 2, 2, 5, 1]);
		expect(graph.nodes[5]?.description).toBe("A question.");
	});

	it("adds other notes that link into the atlas only when asked, never generated index notes", () => {
		expect(buildGraph(small).nodes.some((n) => n.kind === "note")).toBe(false);
		const graph = buildGraph(small, { includeOtherNotes: true });
		const mine = graph.nodes.findIndex((n) => n.id === "Notes/Mine.md");
		expect(graph.nodes[mine]).toMatchObject({ kind: "note", title: "Mine", cluster: 0 });
		expect(titles(graph, [graph.nodes[mine]?.parent ?? -1])).toEqual(["Why?"]);
		expect(graph.nodes.some((n) => n.id === "All topics.md")).toBe(false);
	});

	it("builds the demo vault's graph: one cluster, one hub, their sub-topics and sections, questions, reviews and episodes", async () => {
		const graph = buildGraph(await demoNotes());
		const kinds: Record<string, number> = {};
		for (const n of graph.nodes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
		expect(kinds).toEqual({ cluster: 1, hub: 1, subtopic: 8, section: 8, question: 86, review: 3, episode: 25 });
		expect(graph.clusters.map((c) => c.title)).toEqual(["Reinforcement Learning for LLMs", "What does reward learning actually do to model reasoning?"]);
		const links: Record<string, number> = {};
		for (const l of graph.links) links[l.kind] = (links[l.kind] ?? 0) + 1;
		expect(links).toEqual({ member: 113, hub: 14, link: 84, citation: 48 });
		// The cluster page lists 83 notes, each under a sub-topic; three more questions appear only in the hub's sections.
		const placement: Record<string, number> = {};
		for (const q of graph.nodes.filter((n) => n.kind === "question")) {
			const key = `${graph.nodes[q.parent]?.kind} in cluster ${q.cluster}`;
			placement[key] = (placement[key] ?? 0) + 1;
		}
		expect(placement).toEqual({ "subtopic in cluster 0": 83, "section in cluster 1": 3 });
		// Reviews cite episodes but belong to no cluster in the seeds.
		expect(graph.nodes.filter((n) => n.kind === "review").map((n) => n.cluster)).toEqual([-1, -1, -1]);
	});
});
