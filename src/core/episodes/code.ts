/** Episode codes: the pattern that recognises them and where they occur in a piece of text. */

/** The default code pattern: `E` and three digits, as in `E026`. */
export const DEFAULT_CODE_PATTERN = "E\\d{3}";

/** One occurrence of a code in a text. */
export interface CodeOccurrence {
	code: string;
	index: number;
}

/** Compiles a code pattern (a regular-expression source) into a global matcher bounded by non-word characters. */
export function codeMatcher(pattern: string = DEFAULT_CODE_PATTERN): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pattern})(?![\\p{L}\\p{N}_])`, "gu");
}

/** True when a pattern source compiles and does not match the empty string. */
export function isValidCodePattern(pattern: string): boolean {
	try {
		return pattern.trim() !== "" && !new RegExp(`^(?:${pattern})$`, "u").test("");
	} catch {
		return false;
	}
}

/** Every code in plain text, in order. */
export function findCodes(text: string, matcher: RegExp = codeMatcher()): CodeOccurrence[] {
	const out: CodeOccurrence[] = [];
	matcher.lastIndex = 0;
	for (let m = matcher.exec(text); m !== null; m = matcher.exec(text)) out.push({ code: m[0], index: m.index });
	return out;
}

/** The code an anchor number stands for (`026` → `E026`). */
export function codeFromNumber(digits: string): string {
	return `E${digits.padStart(3, "0")}`;
}

/** A code pattern compiled two ways: to find codes in prose and to test whether a whole name is a code. */
export interface CodeSyntax {
	/** The pattern source the syntax was compiled from. */
	pattern: string;
	/** Global matcher for codes inside text (see `codeMatcher`). */
	find: RegExp;
	/** Anchored matcher: the whole string is one code (a note name, a link target). */
	exact: RegExp;
	/**
	 * Global pre-filter: the bare pattern, without the boundary checks (and without the `u` flag when the pattern
	 * allows), several times faster to run over text that holds no code. Where it finds nothing, `find` finds nothing.
	 */
	quick: RegExp;
	/** `find` made sticky: whether a code (with its boundaries) starts exactly at `lastIndex`. */
	at: RegExp;
}

/** Compiles a code pattern, falling back to the default when it is not valid (a typo in settings must not break every note). */
export function codeSyntax(pattern: string = DEFAULT_CODE_PATTERN): CodeSyntax {
	const source = isValidCodePattern(pattern) ? pattern : DEFAULT_CODE_PATTERN;
	const find = codeMatcher(source);
	return { pattern: source, find, exact: new RegExp(`^(?:${source})$`, "u"), quick: quickMatcher(source), at: new RegExp(find.source, "uy") };
}

/** Offset of the first place at or after `from` where a code may start (the quick pre-filter), or -1. */
export function nextCodeCandidate(syntax: CodeSyntax, text: string, from = 0): number {
	syntax.quick.lastIndex = from;
	return syntax.quick.exec(text)?.index ?? -1;
}

function quickMatcher(source: string): RegExp {
	try {
		// Without `u`, `\p{…}` and some escapes mean something else: only use it when both readings agree on the syntax.
		if (!/\\[pPu]|[^\x20-\x7e]/.test(source)) return new RegExp(source, "g");
	} catch {
		// Not valid without `u`: fall through.
	}
	return new RegExp(source, "gu");
}
