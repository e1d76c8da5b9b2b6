import type { Graph } from "../../../src/core/graph/model";
import { carryIndices, carryPositions } from "../../../src/core/graph/carryPositions";
import { parseStoredPositions, pinnedFor, positionsFor, prunePositions, recordPositions, renamePositions } from "../../../src/core/graph/storedPositions";

const node = (id: string): Graph["nodes"][number] => ({ id, kind: "question", title: id, cluster: -1, parent: -1, weight: 0, description: "" });
const graph: Graph = { nodes: [node("a.md"), node("b.md"), node("F/c.md")], links: [], clusters: [] };

describe("stored positions", () => {
	it("parses defensively, dropping malformed entries and pins without a position", () => {
		expect(parseStoredPositions({ version: 1, positions: { "a.md": [1, 2], "b.md": [1, "x"], "c.md": [1, 2, 3] }, pinned: ["a.md", "zz.md", 3] })).toEqual({ version: 1, positions: { "a.md": [1, 2] }, pinned: ["a.md"] });
		expect(parseStoredPositions("nonsense")).toEqual({ version: 1, positions: {}, pinned: [] });
	});

	it("records positions rounded to a tenth and pins by id, and reads them back by index", () => {
		const stored = parseStoredPositions({ positions: { "old.md": [9, 9] }, pinned: ["old.md"] });
		recordPositions(stored, graph, Float32Array.from([1.234, 2.25, NaN, 0, -3.06, 4]), [2]);
		expect(stored.positions).toEqual({ "old.md": [9, 9], "a.md": [1.2, 2.3], "F/c.md": [-3.1, 4] });
		expect(stored.pinned).toEqual(["old.md", "F/c.md"]);
		expect(Array.from(positionsFor(graph, stored))).toEqual([1.2000000476837158, 2.299999952316284, NaN, NaN, -3.0999999046325684, 4]);
		expect(pinnedFor(graph, stored)).toEqual([2]);
	});

	it("gives an empty store's graph no position and no pin, and a store emptied by pruning the same", () => {
		expect(Array.from(positionsFor(graph, parseStoredPositions({})))).toEqual([NaN, NaN, NaN, NaN, NaN, NaN]);
		expect(pinnedFor(graph, parseStoredPositions({}))).toEqual([]);
		const stored = parseStoredPositions({ positions: { "b.md": [5, 6] }, pinned: ["b.md"] });
		expect(Array.from(positionsFor(graph, stored))).toEqual([NaN, NaN, 5, 6, NaN, NaN]);
		prunePositions(stored, () => false);
		expect(Array.from(positionsFor(graph, stored))).toEqual([NaN, NaN, NaN, NaN, NaN, NaN]);
		expect(pinnedFor(graph, stored)).toEqual([]);
	});

	it("follows renames of notes and folders and prunes ids that are gone", () => {
		const stored = parseStoredPositions({ positions: { "a.md": [1, 1], "F/c.md": [2, 2], "F/d.md": [3, 3] }, pinned: ["F/c.md"] });
		renamePositions(stored, "F", "G");
		renamePositions(stored, "a.md", "A.md");
		expect(stored.positions).toEqual({ "A.md": [1, 1], "G/c.md": [2, 2], "G/d.md": [3, 3] });
		expect(stored.pinned).toEqual(["G/c.md"]);
		prunePositions(stored, (id) => id !== "G/c.md");
		expect(stored).toEqual({ version: 1, positions: { "A.md": [1, 1], "G/d.md": [3, 3] }, pinned: [] });
	});

	it("carries positions and indices across a graph change by id", () => {
		const next: Graph = { nodes: [node("new.md"), node("F/c.md"), node("a.md")], links: [], clusters: [] };
		const carried = carryPositions(graph, Float32Array.from([1, 2, 3, 4, 5, 6]), next, { "new.md": [7, 8] });
		expect(Array.from(carried)).toEqual([7, 8, 5, 6, 1, 2]);
		expect(Array.from(carryPositions(graph, Float32Array.from([1, 2, 3, 4, 5, 6]), next)).slice(0, 2)).toEqual([NaN, NaN]);
		expect(carryIndices(graph, [0, 1, 2], next)).toEqual([2, 1]);
	});
});
