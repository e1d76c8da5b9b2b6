import { findGaps } from "../../../src/core/pages/gaps";
import { GapSuggester, type CorpusText } from "../../../src/core/pages/suggest";

const CODE = /E\d{3}/g;
const GAPPED = "We train RL on . Then we test it.";
const FULL = "We train RL on math problems. Then we test it.";

function suggestFor(corpus: CorpusText[], gappedFile: string): ReturnType<GapSuggester["suggest"]> {
	const [gap] = findGaps(GAPPED, CODE);
	if (gap === undefined) throw new Error("the gapped sentence has no gap");
	return new GapSuggester([{ text: GAPPED, file: gappedFile, title: "Gapped" }, ...corpus], [gap]).suggest(gap, gappedFile);
}

describe("GapSuggester", () => {
	it("offers the words another page kept, naming the first page that holds them", () => {
		const corpus = [
			{ text: FULL, file: "b.txt", title: "B" },
			{ text: FULL, file: "c.txt", title: "C" },
		];
		expect(suggestFor(corpus, "a.txt")).toEqual({ words: "math problems", file: "b.txt", title: "B" });
	});

	it("skips the gap's own page even where that page holds the fuller text first, and names the next page holding the same text", () => {
		// The same text on three pages is scanned once; its occurrences still say which page to cite.
		const corpus = [
			{ text: FULL, file: "a.txt", title: "A (its own page)" },
			{ text: "Nothing to see here.", file: "x.txt", title: "X" },
			{ text: FULL, file: "a.txt", title: "A again" },
			{ text: FULL, file: "d.txt", title: "D" },
		];
		expect(suggestFor(corpus, "a.txt")).toEqual({ words: "math problems", file: "d.txt", title: "D" });
	});

	it("prefers the fill that matches more of the sentence, wherever it stands", () => {
		const corpus = [
			{ text: "Some train RL on toy tasks. Later on.", file: "b.txt", title: "B" },
			{ text: FULL, file: "c.txt", title: "C" },
		];
		expect(suggestFor(corpus, "a.txt")).toEqual({ words: "math problems", file: "c.txt", title: "C" });
	});

	it("offers nothing when no other page holds the words", () => {
		expect(suggestFor([{ text: FULL, file: "a.txt", title: "A" }], "a.txt")).toBeNull();
	});
});
