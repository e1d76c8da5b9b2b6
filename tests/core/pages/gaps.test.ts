import { codeMatcher, findGaps } from "../../../src/core";
import { tokenize } from "../../../src/core/pages/tokens";
import { rng } from "../../helpers/random";

/**
 * The pair rules written the plain way (token list, lower-cased strings, sets), as they read before the scanner
 * learnt to classify words without making a string of each: the reference `findGaps` must agree with.
 */
function referencePairGaps(text: string): [number, string][] {
	const determiners = new Set(["a", "an", "the", "its", "their"]);
	const afterDeterminer = new Set(["of", "on", "in", "at", "by", "with", "for", "from", "to", "into", "as", "than", "and", "or", "but", "a", "an", "the"]);
	const prepositions = new Set(["of", "on", "in", "at", "by", "with", "from", "into", "about", "via", "without", "between", "among", "across", "through", "during", "toward", "towards", "onto"]);
	const conjunctions = new Set(["and", "or", "but", "nor"]);
	const pronouns = new Set(["we", "they", "i", "he", "she"]);
	const marks = new Set([".", ",", ";", ":", "!", "?"]);
	const dashes = new Set(["—", "–"]);
	const isQuote = (t: string): boolean => /^['"‘’“”]+$/.test(t);
	const matcher = codeMatcher();
	const isCode = (t: string): boolean => {
		matcher.lastIndex = 0;
		return matcher.exec(t)?.[0] === t;
	};
	const tokens = tokenize(text);
	const out: [number, string][] = [];
	const seen = new Set<number>();
	for (let i = 0; i + 1 < tokens.length; i++) {
		const a = tokens[i]!;
		const b = tokens[i + 1]!;
		const c = tokens[i + 2];
		if (isQuote(a.text) || isQuote(b.text)) continue;
		const mark = b.isMark && b.text.length === 1 ? b.text : "";
		let rule: string | null = null;
		if (!a.isMark && b.isMark && /\s/.test(text.charAt(b.start - 1)) && marks.has(mark)) rule = "space-before-punctuation";
		else if (determiners.has(a.lower) && (afterDeterminer.has(b.lower) || marks.has(mark) || dashes.has(mark) || isCode(b.text))) rule = "determiner-without-noun";
		else if (prepositions.has(a.lower) && (conjunctions.has(b.lower) || pronouns.has(b.lower) || dashes.has(mark) || (a.lower === "of" && b.lower === "as"))) rule = "preposition-without-object";
		else if (conjunctions.has(a.lower) && dashes.has(mark) && c !== undefined && conjunctions.has(c.lower)) rule = "dangling-conjunction";
		if (rule !== null && !seen.has(b.start)) {
			seen.add(b.start);
			out.push([b.start, rule]);
		}
	}
	return out;
}

const PAIR_RULES = new Set(["space-before-punctuation", "determiner-without-noun", "preposition-without-object", "dangling-conjunction"]);

describe("findGaps: the pair rules", () => {
	const matcher = codeMatcher();
	it.each([
		["RL on .", [[6, "space-before-punctuation"]]],
		["Half the E009 runs.", [[9, "determiner-without-noun"]]],
		["The OF As and THE K rest", [[4, "determiner-without-noun"], [7, "preposition-without-object"]]],
		["At THE , rest", [[7, "space-before-punctuation"]]],
		["Train with and — or not.", [[11, "preposition-without-object"], [15, "dangling-conjunction"]]],
	])("in %j", (text, expected) => {
		expect(findGaps(text, matcher).filter((g) => PAIR_RULES.has(g.rule)).map((g) => [g.index, g.rule])).toEqual(expected);
	});

	it("agree with the plain formulation on random text", () => {
		const words = ["a", "A", "an", "The", "the", "its", "THEIR", "of", "on", "as", "Of", "with", "without", "between", "towards", "and", "or", "nor", "but", "we", "They", "I", "she", "than", "E026", "E9", "model", "thé", "ﬁne", "K", "x-y", "$", "%", "3.5"];
		const marks = [".", ",", ";", ":", "!", "?", "—", "–", "'", "“", "”", "''", "(", ")"];
		const spaces = [" ", " ", " ", "", "\u00a0", "\n", "\u2009"];
		const random = rng(11);
		const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
		for (let n = 0; n < 3000; n++) {
			let text = "";
			const length = 2 + Math.floor(random() * 12);
			for (let i = 0; i < length; i++) text += (random() < 0.7 ? pick(words) : pick(marks)) + pick(spaces);
			const gaps = findGaps(text, matcher);
			// The quote and hyphen rules run after the pair rules and may claim the same place.
			const claimed = new Set(gaps.filter((g) => !PAIR_RULES.has(g.rule)).map((g) => g.index));
			const found = gaps.filter((g) => PAIR_RULES.has(g.rule)).map((g): [number, string] => [g.index, g.rule]);
			expect([text, found]).toEqual([text, referencePairGaps(text).filter(([index]) => !claimed.has(index))]);
		}
	});
});
