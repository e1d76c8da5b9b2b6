import { pairwiseYaml } from "../../../src/core/markdown/yaml";
import { nodeYaml } from "../../../src/cli/yaml";

describe("pairwiseYaml", () => {
	const notes: Record<string, unknown>[] = [
		{ type: "question", title: 'Is "RL" a: #1 [pick]?', tags: ["atlas/question", "atlas/cluster/rl"], stub: false, citations: 3 },
		{ type: "question", title: "<b>bold</b> & 'quoted'", tags: ["atlas/question", "atlas/cluster/rl"], stub: false, citations: 3 },
		{ type: "episode", title: "yes", tags: ["atlas/episode"], nested: { a: [1, 2], b: "x: y" }, empty: "", multi: "line one\nline two" },
	];
	it("writes each mapping exactly as the host's serializer writes it whole, repeated pairs included", () => {
		const yaml = pairwiseYaml(nodeYaml);
		for (const note of [...notes, ...notes]) expect(yaml.stringify(note)).toBe(nodeYaml.stringify(note));
		expect(yaml.stringify({})).toBe(nodeYaml.stringify({}));
	});
	it("does the same for a host that writes no pair directly (every pair remembered)", () => {
		const host = { stringify: (value: Record<string, unknown>) => nodeYaml.stringify(value), parse: (text: string) => nodeYaml.parse(text) };
		const yaml = pairwiseYaml(host);
		for (const note of [...notes, ...notes]) expect(yaml.stringify(note)).toBe(nodeYaml.stringify(note));
	});
});
