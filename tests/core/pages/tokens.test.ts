import { tokenize, TOKEN_PATTERN, type Token } from "../../../src/core/pages/tokens";
import { rng } from "../../helpers/random";

/** The tokens as the pattern finds them: the reference the scanner must match exactly. */
function byPattern(text: string): Token[] {
	const out: Token[] = [];
	const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
	for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
		const value = m[0];
		out.push({ text: value, lower: value.toLowerCase(), start: m.index, end: m.index + value.length, isMark: !/[\p{L}\p{N}]/u.test(value) });
	}
	return out;
}

describe("tokenize", () => {
	it("splits words, marks, dashes and quote runs", () => {
		expect(tokenize("At the token-level, “RL” — 5% of $3.50 isn’t E026.").map((t) => t.text)).toEqual(["At", "the", "token-level", ",", "“", "RL", "”", "—", "5%", "of", "$3.50", "isn’t", "E026", "."]);
	});

	it("matches the token pattern on edge cases", () => {
		for (const text of ["$", "$%", "%", "$$x", "a-", "-a", "a–b–", "x'’y'", "’’a", "Ünïcödé wörds", "日本語テキスト", "𝒜𝒷 𝟙𝟚", "a\uD800b", "1.2.3.", "e.g. a/b/ c./", "“”‘’\"'", "", "  \n\t "]) {
			expect(tokenize(text)).toEqual(byPattern(text));
		}
	});

	it("matches the token pattern on random text", () => {
		const alphabet = ["a", "B", "z", "0", "9", "$", "%", "'", "’", "‘", "“", "”", '"', ".", "/", "–", "—", "-", ",", ";", ":", "!", "?", " ", "\n", "é", "ß", "日", "𝒜", "\uD800", "(", "#", "²", "Ⅻ"];
		const random = rng(7);
		for (let n = 0; n < 3000; n++) {
			let text = "";
			const length = Math.floor(random() * 24);
			for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
			expect(tokenize(text)).toEqual(byPattern(text));
		}
	});
});
