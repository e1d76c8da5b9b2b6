import type { Graph } from "../../../src/core/graph/model";
import { countMask, searchNodes } from "../../../src/core/graph/search";

const node = (id: string, title: string): Graph["nodes"][number] => ({ id, kind: "question", title, cluster: -1, parent: -1, weight: 0, description: "" });
const graph: Graph = {
	nodes: [node("Q/Réponse.md", "Réponse aux modèles"), node("Reward/One.md", "Unrelated"), node("Q/Reward models.md", "Do reward models think?")],
	links: [],
	clusters: [],
};

describe("searchNodes", () => {
	it("matches every word in the title or file name, ignoring case and accents but not folders", () => {
		expect(Array.from(searchNodes(graph, "REWARD model") ?? [])).toEqual([0, 0, 1]);
		expect(Array.from(searchNodes(graph, "reponse modeles") ?? [])).toEqual([1, 0, 0]);
		expect(Array.from(searchNodes(graph, "one") ?? [])).toEqual([0, 1, 0]);
		expect(countMask(searchNodes(graph, "reward"))).toBe(1);
	});

	it("returns null for an empty query", () => {
		expect(searchNodes(graph, "   ")).toBeNull();
		expect(countMask(null)).toBe(0);
	});
});
