import { findGaps } from "../../../src/core/pages/gaps";
import { GapSuggester, numberCorpus, scanTokens, type CorpusText } from "../../../src/core/pages/suggest";
import { tokenize } from "../../../src/core/pages/tokens";
import { rng } from "../../helpers/random";

const CODE = /E\d{3}/g;
const GAPPED = "We train RL on . Then we test it.";
const FULL = "We train RL on math problems. Then we test it.";

function suggestFor(corpus: CorpusText[], gappedFile: string): ReturnType<GapSuggester["suggest"]> {
	const [gap] = findGaps(GAPPED, CODE);
	if (gap === undefined) throw new Error("the gapped sentence has no gap");
	return new GapSuggester(numberCorpus([{ text: GAPPED, file: gappedFile, title: "Gapped" }, ...corpus]), [gap]).suggest(gap, gappedFile);
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

describe("scanTokens", () => {
	/** The scan read back as tokens: start, end, mark, and whether it is all ASCII with the hash stored. */
	function readBack(scan: Int32Array): { start: number; end: number; isMark: boolean; ascii: boolean; hash: number }[] {
		const out = [];
		for (let i = 0; i < scan.length; i += 3) {
			const start = scan[i + 1] ?? 0;
			const end = scan[i + 2] ?? 0;
			out.push({ start: start >= 0 ? start : ~start, end: end >= 0 ? end : ~end, isMark: end < 0, ascii: start >= 0, hash: (scan[i] ?? 0) >>> 0 });
		}
		return out;
	}

	/** FNV-1a of the lower-cased token, as the suggester hashes ASCII words. */
	function fnv(word: string): number {
		let hash = 0x811c9dc5;
		for (const ch of word) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193);
		return hash >>> 0;
	}

	it("keeps every token but quote marks, with its place, its kind and, for ASCII words, the hash of its lower case", () => {
		const alphabet = ["a", "B", "z", "0", "$", "%", "'", "’", "“", '"', ".", "-", "—", ",", "?", " ", "\n", "é", "ß", "日", "𝒜", "\uD800", "#"];
		const random = rng(11);
		for (let n = 0; n < 3000; n++) {
			let text = "";
			const length = Math.floor(random() * 30);
			for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
			const expected = tokenize(text)
				.filter((t) => !/^['"‘’“”]+$/.test(t.text))
				.map((t) => {
					const ascii = [...t.text].every((ch) => (ch.codePointAt(0) ?? 0) < 128);
					return { start: t.start, end: t.end, isMark: t.isMark, ascii, hash: ascii ? fnv(t.lower) : 0 };
				});
			expect(readBack(scanTokens(text))).toEqual(expected);
		}
	});

	it("gives the suggester the same answers as scanning in place, for a text far longer than its first buffer", () => {
		const long = `${"We train RL on toy tasks. ".repeat(400)}${FULL}`;
		const [gap] = findGaps(GAPPED, CODE);
		if (gap === undefined) throw new Error("the gapped sentence has no gap");
		const corpus = [
			{ text: GAPPED, file: "a.txt", title: "A" },
			{ text: long, file: "b.txt", title: "B" },
		];
		const numbered = numberCorpus(corpus);
		const kept = numbered.texts.map((text) => scanTokens(text));
		const ahead = new GapSuggester(numbered, [gap], (text) => kept[text] ?? new Int32Array()).suggest(gap, "a.txt");
		expect(ahead).toEqual({ words: "math problems", file: "b.txt", title: "B" });
		expect(new GapSuggester(numbered, [gap]).suggest(gap, "a.txt")).toEqual(ahead);
	});
});
