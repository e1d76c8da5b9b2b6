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

/** The words of `text` in order, stop words included (with a null key), so neighbours can be told apart from gaps. */
export function titleTokens(text: string): TitleToken[] {
	const out: TitleToken[] = [];
	for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
		const written = match[0].replace(/['’]s$/, "");
		const word = written.toLowerCase().replace(/['’]/g, "");
		const surface = /\p{Lu}.*\p{Lu}/u.test(written) ? written : written.toLowerCase();
		out.push({ key: word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word) ? null : fold(word), surface });
	}
	return out;
}

/** The distinct content words of `text`, in order of first appearance. */
export function titleWords(text: string): string[] {
	const out = new Set<string>();
	for (const token of titleTokens(text)) if (token.key !== null) out.add(token.key);
	return [...out];
}

/** A two-word phrase of a title ("majority voting", "reward model"): its comparable key and how it was written. */
export interface TitlePhrase {
	key: string;
	surface: string;
}

/** Distinct pairs of neighbouring content words (no stop word between them), in order of first appearance. */
export function titlePhrases(text: string): TitlePhrase[] {
	const tokens = titleTokens(text);
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
