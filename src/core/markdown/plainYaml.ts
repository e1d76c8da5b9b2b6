/**
 * The YAML of one top-level key and a plain value (a string, a list of strings, an integer, a boolean), byte for byte
 * what js-yaml's `dump({ [key]: value }, { lineWidth: -1, noRefs: true })` writes, or null for anything else. js-yaml
 * walks every character of every value through several predicates and a closure per call, and builds a state object
 * per call: on a 10,000-page import, with its long unique titles and descriptions, that was a fifth of the CPU. This
 * writes the common shapes in one pass per string and declines whatever needs js-yaml's judgement (line breaks,
 * characters it escapes, values that could read as a number, a date, a boolean or null), so the host writes those.
 */

/** First characters that keep a string from being written plain (YAML's indicators and whitespace). */
const NOT_FIRST = new Set([..."-?:,[]{}#&*!|=>'\"%@` "].map((c) => c.charCodeAt(0)));

/** Words js-yaml quotes because YAML 1.1 read them as booleans. */
const OLD_BOOLEANS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

/** Words that read back as null or a boolean when plain. */
const RESERVED = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

/**
 * A character outside js-yaml's printable set (controls, line breaks, tab, DEL, C1, NBSP, surrogates, U+2028/9, BOM,
 * U+FFFE/F), which it escapes or writes in a block style. Without the `u` flag the class reads UTF-16 units, so a
 * surrogate half of a pair is outside it too, as in js-yaml.
 */
const UNPRINTABLE = /[^\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Keys written as they are: lower-case words. */
const PLAIN_KEY = /^[a-z][a-z0-9_]*$/;

/** Keys judged so far: a note's dozen keys are the same few in every note. */
const plainKeys = new Map<string, boolean>();

function isPlainKey(key: string): boolean {
	let plain = plainKeys.get(key);
	if (plain === undefined) {
		plain = PLAIN_KEY.test(key) && !OLD_BOOLEANS.has(key) && !RESERVED.has(key);
		plainKeys.set(key, plain);
	}
	return plain;
}

/**
 * A string as a block-context YAML scalar (plain or single-quoted, as js-yaml chooses), or null when js-yaml might
 * choose otherwise or quote it for a reason this does not model.
 */
export function plainScalar(text: string): string | null {
	const length = text.length;
	if (length === 0) return "''";
	// One native scan each, not a loop over the characters in script: the strings are most of a note's frontmatter.
	if (UNPRINTABLE.test(text)) return null;
	const first = text.charCodeAt(0);
	const last = text.charCodeAt(length - 1);
	// A sign, digit, `.`, `~`, `<` or `_` may begin a number, a date, null, a merge key or a sexagesimal: js-yaml decides.
	if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2e || first === 0x7e || first === 0x3c || first === 0x5f) return null;
	if (OLD_BOOLEANS.has(text) || RESERVED.has(text)) return null;
	// `#` after a space starts a comment; `: ` ends a key.
	const plain = !NOT_FIRST.has(first) && last !== 0x20 && last !== 0x3a && !text.includes(" #") && !text.includes(": ");
	return plain ? text : `'${text.includes("'") ? text.replace(/'/g, "''") : text}'`;
}

/** One `key: value` pair (a string list as a block sequence), ending with a newline; null when js-yaml should write it. */
export function plainPair(key: string, value: unknown): string | null {
	if (!isPlainKey(key)) return null;
	switch (typeof value) {
		case "string": {
			const scalar = plainScalar(value);
			return scalar === null ? null : `${key}: ${scalar}\n`;
		}
		case "number":
			return Number.isSafeInteger(value) && !Object.is(value, -0) ? `${key}: ${String(value)}\n` : null;
		case "boolean":
			return `${key}: ${value ? "true" : "false"}\n`;
		case "object": {
			if (!Array.isArray(value) || value.length === 0) return null;
			let out = `${key}:\n`;
			for (const item of value as unknown[]) {
				const scalar = typeof item === "string" ? plainScalar(item) : null;
				if (scalar === null) return null;
				out += `  - ${scalar}\n`;
			}
			return out;
		}
		default:
			return null;
	}
}

/** A mapping of plain pairs as js-yaml writes it (its pairs in key order), or null when it is empty or any pair is not plain. */
export function plainMapping(value: Record<string, unknown>): string | null {
	let out = "";
	for (const key of Object.keys(value)) {
		const pair = plainPair(key, value[key]);
		if (pair === null) return null;
		out += pair;
	}
	return out === "" ? null : out;
}
