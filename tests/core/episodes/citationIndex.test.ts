import { CitationIndex, type CitationChange } from "../../../src/core";

const index = (): CitationIndex => new CitationIndex({ codePattern: "E\\d{3}", episodeFolder: "Episodes" });

describe("CitationIndex", () => {
	it("maps codes to citing notes and back, counting notes or occurrences", () => {
		const idx = index();
		idx.setNote("a.md", "E001 and E001 again. [[E002]].", 5);
		idx.setNote("b.md", "Only E001.", 7);
		expect(idx.codes()).toEqual(["E001", "E002"]);
		expect(idx.count("E001", "notes")).toBe(2);
		expect(idx.count("E001", "occurrences")).toBe(3);
		expect(idx.count("E003")).toBe(0);
		expect(idx.groups("E001").map((g) => [g.path, g.mtime, g.citations.length])).toEqual([
			["a.md", 5, 2],
			["b.md", 7, 1],
		]);
		expect(idx.citationsIn("a.md").map((c) => c.code)).toEqual(["E001", "E001", "E002"]);
	});

	it("moves the revision only when what it holds changed, and tells listeners which codes changed", () => {
		const idx = index();
		const changes: CitationChange[] = [];
		idx.onChange((c) => changes.push(c));
		expect(idx.setNote("a.md", "E001")).toBe(true);
		expect(idx.revision).toBe(1);
		expect(idx.setNote("a.md", "E001", 99)).toBe(false);
		expect(idx.revision).toBe(1);
		expect(idx.groups("E001")[0]?.mtime).toBe(99);
		expect(idx.setNote("a.md", "E002")).toBe(true);
		expect(changes).toEqual([
			{ revision: 1, paths: ["a.md"], codes: ["E001"] },
			{ revision: 2, paths: ["a.md"], codes: ["E001", "E002"] },
		]);
		expect(idx.codes()).toEqual(["E002"]);
	});

	it("forgets removed notes", () => {
		const idx = index();
		idx.setNote("a.md", "E001");
		expect(idx.removeNote("a.md")).toBe(true);
		expect(idx.removeNote("a.md")).toBe(false);
		expect(idx.codes()).toEqual([]);
		expect(idx.hasNote("a.md")).toBe(false);
		expect(idx.revision).toBe(2);
	});

	it("knows episode notes by folder and name, or by frontmatter, and skips their own code", () => {
		const idx = index();
		idx.setNote("Episodes/E026.md", "# E026\nSee also E011.");
		idx.setNote("Moved/x.md", "---\ntype: episode\ncode: E030\n---\nE030 itself");
		idx.setNote("Other/E040.md", "E040 is not in the episode folder");
		expect(idx.episodePath("E026")).toBe("Episodes/E026.md");
		expect(idx.episodePath("E030")).toBe("Moved/x.md");
		expect(idx.episodePath("E040")).toBeUndefined();
		expect(idx.episodeCodeOfNote("Episodes/E026.md")).toBe("E026");
		expect(idx.count("E026")).toBe(0);
		expect(idx.count("E011")).toBe(1);
		expect(idx.count("E040")).toBe(1);
		expect(idx.codes()).toEqual(["E011", "E026", "E030", "E040"]);
		idx.removeNote("Episodes/E026.md");
		expect(idx.episodePath("E026")).toBeUndefined();
	});

	it("lets a second episode note for the same code take over when the first goes", () => {
		const idx = index();
		idx.setNote("Episodes/E026.md", "");
		idx.setNote("Old/dup.md", "---\ntype: episode\ncode: E026\n---\n");
		expect(idx.episodePath("E026")).toBe("Episodes/E026.md");
		idx.removeNote("Episodes/E026.md");
		expect(idx.episodePath("E026")).toBe("Old/dup.md");
	});

	it("tells listeners once per batch", () => {
		const idx = index();
		const changes: CitationChange[] = [];
		idx.onChange((c) => changes.push(c));
		idx.batch(() => {
			idx.setNote("a.md", "E001");
			idx.setNote("b.md", "E002");
			idx.setNote("c.md", "nothing");
		});
		expect(changes).toEqual([{ revision: 3, paths: ["a.md", "b.md", "c.md"], codes: ["E001", "E002"] }]);
	});

	it("works out passages when first asked, from the latest text, and redraws for a changed sentence only once shown", () => {
		const idx = index();
		const changes: CitationChange[] = [];
		idx.onChange((c) => changes.push(c));
		idx.setNote("a.md", "Alpha cites E001. Beta.");
		idx.setNote("b.md", "Gamma cites E001. Delta.");
		// No one has seen b.md's passage: a new sentence around the same mention changes nothing shown.
		expect(idx.setNote("b.md", "Gamma cites E001 too. Delta.")).toBe(false);
		expect(idx.groups("E001").map((g) => g.citations.map((c) => c.sentence))).toEqual([["Alpha cites E001."], ["Gamma cites E001 too."]]);
		// Now it has been shown: the same edit again is a change views must redraw for.
		expect(idx.setNote("b.md", "Gamma cites E001 at last. Delta.")).toBe(true);
		expect(idx.citationsIn("b.md").map((c) => c.sentence)).toEqual(["Gamma cites E001 at last."]);
		expect(idx.setNote("b.md", "Gamma cites E001 at last. Epsilon.")).toBe(false);
		expect(changes.map((c) => c.paths)).toEqual([["a.md"], ["b.md"], ["b.md"]]);
	});

	it("gives a note's citations in reading order across codes", () => {
		const idx = index();
		idx.setNote("a.md", "First E002.\n\nThen E001 and [[E002]].");
		expect(idx.citationsIn("a.md").map((c) => `${c.code}:${c.line}:${c.form}`)).toEqual(["E002:1:plain", "E001:3:plain", "E002:3:link"]);
		expect(idx.groups("E002")[0]?.citations.map((c) => c.sentence)).toEqual(["First E002.", "Then E001 and [[E002]]."]);
		expect(idx.count("E002", "occurrences")).toBe(2);
	});

	it("sorts codes naturally", () => {
		const idx = new CitationIndex({ codePattern: "E\\d+", episodeFolder: "Episodes" });
		idx.setNote("a.md", "E10 E9 E100");
		expect(idx.codes()).toEqual(["E9", "E10", "E100"]);
	});
});
