import { dump, load } from "js-yaml";
import { plainMapping, plainPair, plainScalar } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { rng } from "../../helpers/random";

const OPTIONS = { lineWidth: -1, noRefs: true };


/** Pieces that YAML treats specially somewhere: indicators, spaces, quotes, line breaks, look-alike numbers and words. */
const PIECES = [
	..."abcXYZ019 :#-?,[]{}&*!|>'\"%@`~<._+=/\\()^$",
	"é", "→", "·", "中", "\u00a0", "\u0085", "\t", "\n", "\r", "\u2028", "\ufeff", "\ufffe", "😀", "\ud800", "\u007f", "\u0000",
	"yes", "No", "ON", "off", "y", "null", "Null", "~", "true", "FALSE", "0x1F", "0o17", "0b101", "1_000", "1e3", ".5", ".inf",
	"-.Inf", ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "12:30", "190:20:30", "_1:2", "+12", "-3", "Re: ", " #tag", "a#b",
];

function awkward(random: () => number): string {
	const n = Math.floor(random() * 6);
	let s = "";
	for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)] ?? "";
	return s;
}

const SAMPLES: string[] = [
	"",
	"Plain title",
	'Is "RL" a: #1 [pick]?',
	"<b>bold</b> & 'quoted'",
	"It's fine",
	"ends with colon:",
	"trailing space ",
	" leading space",
	"- looks like a list",
	"? looks like a key",
	"key: value",
	"a # comment",
	"a#not comment",
	"[[Clusters/RL|RL]]",
	"atlas/cluster/reinforcement-learning",
	"Questions/Why does RL work?.md",
	"2024",
	"3.14",
	"E026",
	"yes",
	"Yes",
	"no",
	"null",
	"~",
	"true",
	"Ünïcödé → fine",
	"line one\nline two",
	"tab\there",
	"emoji 😀",
];

describe("plainScalar and plainPair", () => {
	const random = rng(2);
	const strings = [...SAMPLES, ...Array.from({ length: 10000 }, () => awkward(random))];

	it("write a string exactly as js-yaml does whenever they write it, and it reads back the same", () => {
		let written = 0;
		for (const s of strings) {
			const pair = plainPair("title", s);
			if (pair === null) continue;
			written++;
			expect(pair).toBe(dump({ title: s }, OPTIONS));
			expect(load(pair)).toEqual({ title: s });
		}
		// Not vacuous: most strings, the awkward ones included, take the fast path.
		expect(written).toBeGreaterThan(strings.length * 0.3);
	});

	it("write plain and quoted scalars, and leave to js-yaml what it escapes, folds or must judge", () => {
		expect(plainScalar("Plain title")).toBe("Plain title");
		expect(plainScalar("key: value")).toBe("'key: value'");
		expect(plainScalar("It's: here")).toBe("'It''s: here'");
		expect(plainScalar("")).toBe("''");
		for (const s of ["2024", "yes", "null", "true", "line\nbreak", "tab\t", "nbsp\u00a0", "😀", "_1:2", ".inf", "~"]) expect(plainScalar(s)).toBeNull();
	});

	it("write string lists, integers and booleans as js-yaml does, and decline other values", () => {
		const random2 = rng(3);
		for (let i = 0; i < 3000; i++) {
			const list = Array.from({ length: 1 + Math.floor(random2() * 4) }, () => awkward(random2));
			const pair = plainPair("tags", list);
			if (pair !== null) {
				expect(pair).toBe(dump({ tags: list }, OPTIONS));
				expect(load(pair)).toEqual({ tags: list });
			}
		}
		for (const v of [0, 1, -1, 42, 2 ** 53 - 1, -(2 ** 53 - 1), true, false]) {
			expect(plainPair("count", v)).toBe(dump({ count: v }, OPTIONS));
			expect(load(plainPair("count", v) ?? "")).toEqual({ count: v });
		}
		for (const v of [-0, 1.5, NaN, Infinity, 2 ** 53, 1e21, null, undefined, [], [1], ["a", 2], { a: 1 }, new Date(0)]) expect(plainPair("value", v)).toBeNull();
		for (const key of ["yes", "null", "True", "on", "Title", "a b", "1x", "x:y", ""]) expect(plainPair(key, "v")).toBeNull();
	});
});

describe("plainMapping", () => {
	it("writes a mapping of plain pairs as js-yaml writes it whole, and declines any other", () => {
		const random = rng(4);
		for (let i = 0; i < 3000; i++) {
			const value: Record<string, unknown> = { type: "question", title: awkward(random), tags: [awkward(random), "atlas/question"], listed_notes: i, stub: i % 2 === 0 };
			const text = plainMapping(value);
			if (text !== null) expect(text).toBe(dump(value, OPTIONS));
			expect(nodeYaml.stringify(value)).toBe(dump(value, OPTIONS));
		}
		expect(plainMapping({})).toBeNull();
		expect(plainMapping({ title: "A", nested: { a: 1 } })).toBeNull();
		expect(plainMapping({ title: "A", gone: undefined })).toBeNull();
		expect(nodeYaml.stringify({})).toBe(dump({}, OPTIONS));
		expect(nodeYaml.stringify({ title: "A", gone: undefined })).toBe(dump({ title: "A", gone: undefined }, OPTIONS));
	});
});
