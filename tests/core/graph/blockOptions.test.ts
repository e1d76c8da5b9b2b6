import { parseGraphBlock } from "../../../src/core/graph/blockOptions";

describe("parseGraphBlock", () => {
	it("shows the local graph of the note holding the block when empty", () => {
		expect(parseGraphBlock("")).toEqual({ mode: "local", cluster: "", note: "", depth: 1, height: 400, labels: true, problems: [] });
	});

	it("reads a cluster or hub by title or wiki link, depth, height and labels", () => {
		expect(parseGraphBlock("cluster: [[Reinforcement Learning for LLMs]]\nheight: 300px\nlabels: no")).toMatchObject({ mode: "cluster", cluster: "Reinforcement Learning for LLMs", height: 300, labels: false, problems: [] });
		expect(parseGraphBlock("hub: What does reward learning actually do?")).toMatchObject({ mode: "cluster", cluster: "What does reward learning actually do?" });
		expect(parseGraphBlock("local: true\ndepth: 2")).toMatchObject({ mode: "local", depth: 2 });
		expect(parseGraphBlock("note: [[Reward Models|the sub-topic]]\ndepth: 9")).toMatchObject({ mode: "local", note: "Reward Models", depth: 3 });
		expect(parseGraphBlock("local: false")).toMatchObject({ mode: "all" });
		expect(parseGraphBlock("height: 5")).toMatchObject({ height: 200 });
	});

	it("lists what it did not understand", () => {
		expect(parseGraphBlock("colour: red\ndepth: deep\ncluster:").problems).toEqual(["colour: red", "depth: deep", "cluster: needs a cluster or hub title"]);
	});
});
