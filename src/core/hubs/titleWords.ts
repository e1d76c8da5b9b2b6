/** Content words of a title or description, for similarity: lower case, no stop words, a light plural fold. */

const STOP_WORDS = new Set(
	(
		"a about above actually after again against all also am an and any are as at be because been before being below between both but by can could " +
		"did do does doing down during each even ever every few for from further get gets had has have having he her here hers how i if in into is it " +
		"its itself just less like make makes many may me might more most much must my no nor not now of off on once one only or other our out over own " +
		"per rather same she should so some such than that the their them then there these they this those through to too under until up upon us very " +
		"via was we were what when where whether which while who whom why will with within without would yet you your new use using used based toward " +
		"towards across among beyond instead really simply still truly well alone already genuinely merely"
	).split(" "),
);

/** Folds simple English plurals so "rewards" and "reward" meet; short words and `-ss`/`-us`/`-is` words are kept. */
function fold(word: string): string {
	if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
	if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
	if (word.endsWith("s")) return word.slice(0, -1);
	return word;
}

/** One word of a text: its comparable form (null for stop words, short words and numbers) and how it was written. */
export interface TitleToken {
	key: string | null;
	/** The word as written, lower-cased unless it is an acronym or a name with inner capitals ("RLVR", "LLMs", "GRPO"). */
	surface: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const TWO_CAPITALS = /\p{Lu}[^]*\p{Lu}/u;

/** The comparable form of one lower-case word, or null when it says nothing. */
function keyOf(lower: string): string | null {
	const word = lower.includes("'") || lower.includes("’") ? lower.replace(/['’]s$/, "").replace(/['’]/g, "") : lower;
	if (word.length < 3 || STOP_WORDS.has(word)) return null;
	const c = word.charCodeAt(0);
	if (c >= 48 && c <= 57 && /^\d+$/.test(word)) return null;
	return fold(word);
}

/** The words of `text` in order, stop words included (with a null key), so neighbours can be told apart from gaps. */
export function titleTokens(text: string): TitleToken[] {
	const out: TitleToken[] = [];
	for (const match of text.matchAll(WORD)) {
		const written = match[0].replace(/['’]s$/, "");
		const lower = written.toLowerCase();
		out.push({ key: keyOf(lower), surface: lower === written || !TWO_CAPITALS.test(written) ? lower : written });
	}
	return out;
}

/** The comparable forms of the words of `text` in order, null for the words that say nothing. */
function keys(text: string): (string | null)[] {
	const out: (string | null)[] = [];
	for (const match of text.toLowerCase().matchAll(WORD)) out.push(keyOf(match[0]));
	return out;
}

/** The distinct content words of `text`, in order of first appearance. */
export function titleWords(text: string): string[] {
	const out = new Set<string>();
	for (const key of keys(text)) if (key !== null) out.add(key);
	return [...out];
}

/** A two-word phrase of a title ("majority voting", "reward model"): its comparable key and how it was written. */
export interface TitlePhrase {
	key: string;
	surface: string;
}

/** Distinct pairs of neighbouring content words (no stop word between them), in order of first appearance. */
export function titlePhrases(tokens: readonly TitleToken[]): TitlePhrase[] {
	const out = new Map<string, TitlePhrase>();
	for (let i = 1; i < tokens.length; i++) {
		const a = tokens[i - 1] as TitleToken;
		const b = tokens[i] as TitleToken;
		if (a.key === null || b.key === null || a.key === b.key) continue;
		const key = `${a.key} ${b.key}`;
		if (!out.has(key)) out.set(key, { key, surface: `${a.surface} ${b.surface}` });
	}
	return [...out.values()];
}

/** The words and two-word phrases of `text` as comparable keys (`w`/`p` + NUL + key), each once: for counting. */
export function titleTermKeys(text: string): Set<string> {
	const out = new Set<string>();
	let previous: string | null = null;
	for (const key of keys(text)) {
		if (key !== null) {
			out.add(`w\u0000${key}`);
			if (previous !== null && previous !== key) out.add(`p\u0000${previous} ${key}`);
		}
		previous = key;
	}
	return out;
}
