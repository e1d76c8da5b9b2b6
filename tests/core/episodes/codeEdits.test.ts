import { applyTextEdits, codeSyntax, linkCodesEdits, unlinkCodesEdits } from "../../../src/core";

const syntax = codeSyntax();

describe("linkCodesEdits / unlinkCodesEdits", () => {
	const note = "---\ncodes: E001\n---\nSee E026 and [[E011]], `E009`, [[E010|alias]] and E026 again.";

	it("links every plain code in prose and nothing else", () => {
		const edits = linkCodesEdits(note, syntax);
		expect(edits.map((e) => e.insert)).toEqual(["[[E026]]", "[[E026]]"]);
		expect(applyTextEdits(note, edits)).toBe("---\ncodes: E001\n---\nSee [[E026]] and [[E011]], `E009`, [[E010|alias]] and [[E026]] again.");
	});

	it("unlinks bare links only, so no alias is lost", () => {
		expect(applyTextEdits(note, unlinkCodesEdits(note, syntax))).toBe("---\ncodes: E001\n---\nSee E026 and E011, `E009`, [[E010|alias]] and E026 again.");
	});

	it("round-trips: unlinking what was linked gives the original text", () => {
		const plain = "E001, E002 and E003.";
		const linked = applyTextEdits(plain, linkCodesEdits(plain, syntax));
		expect(linked).toBe("[[E001]], [[E002]] and [[E003]].");
		expect(applyTextEdits(linked, unlinkCodesEdits(linked, syntax))).toBe(plain);
	});

	it("leaves an episode note's own code alone when linking", () => {
		expect(linkCodesEdits("E026 and E011", syntax, "E026").map((e) => e.insert)).toEqual(["[[E011]]"]);
	});
});
