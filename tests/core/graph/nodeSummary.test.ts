import { buildGraph } from "../../../src/core/graph/build";
import { nodeSummary } from "../../../src/core/graph/nodeSummary";
import { demoNotes } from "./fixtures";

describe("nodeSummary", () => {
	it("describes cluster, sub-topic, question, review and episode nodes of the demo vault in plain text", async () => {
		const graph = buildGraph(await demoNotes());
		const of = (title: string) => nodeSummary(graph, graph.nodes.findIndex((n) => n.title === title));
		expect(of("Reinforcement Learning for LLMs")).toMatchObject({ kind: "Cluster", counts: ["8 sub-topics", "83 notes inside", "83 links"], cluster: null });
		expect(of("Reward Models")).toEqual({ title: "Reward Models", kind: "Sub-topic", description: "", counts: ["10 notes"], cluster: "Reinforcement Learning for LLMs" });
		expect(of("Reinforcement learning and reasoning")).toMatchObject({ kind: "Literature review", counts: ["15 episodes cited", "1 link"], cluster: null });
		expect(of("E040")).toMatchObject({ kind: "Episode", counts: ["cited by 1 note"] });
		expect(nodeSummary(graph, -1)).toBeNull();
	});
});
