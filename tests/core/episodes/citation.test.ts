import { citationsInNote, codeSyntax, sentenceSpan } from "../../../src/core";

const syntax = codeSyntax();

describe("citationsInNote", () => {
	const note = [
		"---",
		"type: review",
		"---",
		"# Review",
		"",
		"## Token level",
		"",
		"RL reweights. Models agree on 97% of tokens [[E026]]. A 32B model",
		"matches it E011! The end. ^p1",
		"",
		"- [ ] Check E009 later",
		"> Quoted E008 here.",
		"",
		"| [[E007]] | title |",
	].join("\n");

	it("quotes the sentence, the paragraph without its block id, the heading path and the block id", () => {
		const citations = citationsInNote("Reviews/R.md", note, { syntax });
		expect(citations.map((c) => ({ ...c, paragraph: c.paragraph.length }))).toEqual([
			{ code: "E026", path: "Reviews/R.md", line: 8, ch: 44, form: "link", sentence: "Models agree on 97% of tokens [[E026]].", highlight: [30, 38], paragraph: 91, headings: ["Review", "Token level"], blockId: "p1" },
			{ code: "E011", path: "Reviews/R.md", line: 9, ch: 11, form: "plain", sentence: "A 32B model matches it E011!", highlight: [23, 27], paragraph: 91, headings: ["Review", "Token level"], blockId: "p1" },
			{ code: "E009", path: "Reviews/R.md", line: 11, ch: 12, form: "plain", sentence: "Check E009 later", highlight: [6, 10], paragraph: 16, headings: ["Review", "Token level"] },
			{ code: "E008", path: "Reviews/R.md", line: 12, ch: 9, form: "plain", sentence: "Quoted E008 here.", highlight: [7, 11], paragraph: 17, headings: ["Review", "Token level"] },
			{ code: "E007", path: "Reviews/R.md", line: 14, ch: 2, form: "link", sentence: "[[E007]] · title", highlight: [0, 8], paragraph: 20, headings: ["Review", "Token level"] },
		]);
		expect(citations[0]?.paragraph).toBe("RL reweights. Models agree on 97% of tokens [[E026]]. A 32B model\nmatches it E011! The end.");
	});

	it("gives the same paragraph and highlight whether its lines are one run of the note or carry prefixes and CRLF", () => {
		const plain = citationsInNote("P.md", "Intro line one\nsays E026 here. Then\nmore E011 text.\n", { syntax });
		expect(plain.map((c) => [c.sentence, c.highlight, c.paragraph])).toEqual([
			["Intro line one says E026 here.", [20, 24], "Intro line one\nsays E026 here. Then\nmore E011 text."],
			["Then more E011 text.", [10, 14], "Intro line one\nsays E026 here. Then\nmore E011 text."],
		]);
		const quoted = citationsInNote("Q.md", "> Intro line one\r\n> says E026 here. Then\r\n> more E011 text.\r\n", { syntax });
		expect(quoted.map((c) => [c.sentence, c.highlight, c.paragraph])).toEqual(plain.map((c) => [c.sentence, c.highlight, c.paragraph]));
		const crlf = citationsInNote("C.md", "Intro line one\r\nsays E026 here. Then\r\nmore E011 text.\r\n", { syntax });
		expect(crlf.map((c) => [c.sentence, c.highlight, c.paragraph])).toEqual(plain.map((c) => [c.sentence, c.highlight, c.paragraph]));
	});

	it("returns nothing for a note without codes", () => {
		expect(citationsInNote("a.md", "# Nothing here\n\nJust prose.", { syntax })).toEqual([]);
	});

	it("keeps a heading path through nested and sibling headings", () => {
		const text = "# A\n## B\n### C\n## D\nE001\n# E\nE002 in ## heading text";
		expect(citationsInNote("n.md", text, { syntax }).map((c) => c.headings)).toEqual([["A", "D"], ["E"]]);
	});

	it("quotes a heading that holds a code as its own passage", () => {
		const [citation] = citationsInNote("n.md", "# About E001\ntext", { syntax });
		expect(citation).toMatchObject({ code: "E001", sentence: "About E001", headings: [], highlight: [6, 10] });
	});

	it("quotes a table row as its cells, keeping pipes inside links, code and escapes", () => {
		const text = "| Code | Title | Notes |\n| --- | --- | --- |\n| [[Episodes/E026\\|E026]] | A `a|b` title \\| more | cites E011 |";
		expect(citationsInNote("t.md", text, { syntax }).map((c) => [c.code, c.sentence, c.sentence.slice(...c.highlight)])).toEqual([
			["E026", "[[Episodes/E026\\|E026]] · A `a|b` title \\| more · cites E011", "[[Episodes/E026\\|E026]]"],
			["E011", "[[Episodes/E026\\|E026]] · A `a|b` title \\| more · cites E011", "E011"],
		]);
	});
});

describe("sentenceSpan", () => {
	it("returns the span of the sentence holding an offset", () => {
		const text = "One. Two “quoted.” Three";
		expect(sentenceSpan(text, 0)).toEqual([0, 4]);
		expect(sentenceSpan(text, 6)).toEqual([4, 18]);
		expect(sentenceSpan(text, 20)).toEqual([18, 24]);
	});
});
