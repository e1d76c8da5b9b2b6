/** Content words of a title or description, for similarity: lower case, no stop words, a light plural fold. */

const STOP_WORDS = new Set(
	(
		"a about above actually after again against all also am an and any are as at be because been before being below between both but by can could " +
		"did do does doing down during each even ever every few for from further get gets had has have having he her here hers how i if in into is it " +
		"its itself just less like make makes many may me might more most much must my no nor not now of off on once one only or other our out over own " +
		"per rather same she should so some such than that the their them then there these they this those through to too under until up upon us very " +
		"via was we were what when where whether which while who whom why will with within without would yet you your new use using used based toward " +
		"towards across among beyond instead really simply still truly well"
	).split(" "),
);

/** Folds simple English plurals so "rewards" and "reward" meet; short words and `-ss`/`-us`/`-is` words are kept. */
function fold(word: string): string {
	if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
	if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
	if (word.endsWith("s")) return word.slice(0, -1);
	return word;
}

/** The distinct content words of `text`, in order of first appearance. */
export function titleWords(text: string): string[] {
	const out = new Set<string>();
	for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
		const word = match[0].replace(/['’]s$/, "").replace(/['’]/g, "");
		if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
		out.add(fold(word));
	}
	return [...out];
}
