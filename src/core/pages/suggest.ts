/**
 * Suggestions for gaps: where another page kept the same sentence more completely, the words it has
 * between the same neighbours are offered (never written into the text).
 */
import type { Gap } from "./gaps";
import { TokenCursor } from "./tokens";

/** A text another page holds, to be searched for fuller versions of a gapped sentence. */
export interface CorpusText {
	text: string;
	/** The page the text comes from (its input file) and its title, for citing the suggestion. */
	file: string;
	title: string;
}

/** Missing words found in another page, with where they were found. */
export interface GapSuggestion {
	words: string;
	file: string;
	title: string;
}

const MAX_MISSING_WORDS = 4;
const MIN_BEFORE = 2;
const MIN_MATCHED = 3;

/** Where a word pair occurs: in which distinct text (each text the corpus holds, scanned once), at which token. */
interface Position {
	text: number;
	at: number;
}

/** A fill found in one text. */
interface Candidate {
	/** While ranking, the distinct text it was found in; in what `rank` returns, the corpus text to name as its source. */
	text: number;
	start: number;
	end: number;
	score: number;
}

/** What `lowerHash` answers for text that is not all ASCII (which lower-cases by Unicode's rules instead). */
const NOT_ASCII = -1;

/** A 32-bit hash of `text.slice(start, end).toLowerCase()` for ASCII text, made without the string; else NOT_ASCII. */
function lowerHash(text: string, start: number, end: number): number {
	let hash = 0x811c9dc5;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 128) return NOT_ASCII;
		if (c >= 65 && c <= 90) c += 32;
		hash = Math.imul(hash ^ c, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * A text's words as the suggester's scan reads them, worked out once: three numbers for each token but quote marks,
 * its lower-case hash (`lowerHash`, as a 32-bit integer), its start, and its end. A token that is not all ASCII has
 * no such hash: its start is stored as `~start` (negative) instead; a mark (a dash, a punctuation mark) has its end
 * stored as `~end`. A host that meets the texts long before the suggestions are asked for (an import parsing its
 * pages) scans each as it comes.
 */
export type TokenScan = Int32Array;

/** A start or end as a `TokenScan` holds it, with its sign mark (`~`) undone. */
function scanned(stored: number): number {
	return stored >= 0 ? stored : ~stored;
}

/** Where `scanTokens` writes before it copies out a text's scan: grown as needed, kept between texts. */
let scratch = new Int32Array(3 * 1024);

/** Scans a text's tokens (quote marks left out) for the suggester. */
export function scanTokens(text: string): TokenScan {
	const cursor = new TokenCursor(text);
	let at = 0;
	while (cursor.next()) {
		if (cursor.isQuote) continue;
		if (at + 3 > scratch.length) {
			const larger = new Int32Array(scratch.length * 2);
			larger.set(scratch);
			scratch = larger;
		}
		const hash = lowerHash(text, cursor.start, cursor.end);
		scratch[at] = hash === NOT_ASCII ? 0 : hash | 0;
		scratch[at + 1] = hash === NOT_ASCII ? ~cursor.start : cursor.start;
		scratch[at + 2] = cursor.isMark ? ~cursor.end : cursor.end;
		at += 3;
	}
	return scratch.slice(0, at);
}

/**
 * A scanned text's tokens as the suggester reads them, by position: each token's lower-cased text is made only when
 * asked for (a text that holds a wanted pair is read only around it).
 */
class ScannedText {
	private readonly lowers: (string | undefined)[] = [];

	constructor(private readonly source: string, private readonly scan: TokenScan) {}

	/** The lower-cased text of token `k`, or undefined past either end. */
	lower(k: number): string | undefined {
		if (k < 0 || 3 * k >= this.scan.length) return undefined;
		let lower = this.lowers[k];
		if (lower === undefined) {
			lower = this.source.slice(this.start(k), this.end(k)).toLowerCase();
			this.lowers[k] = lower;
		}
		return lower;
	}

	/** True when token `k` is there. */
	has(k: number): boolean {
		return k >= 0 && 3 * k < this.scan.length;
	}

	/** Where token `k` starts in the text. */
	start(k: number): number {
		return scanned(this.scan[3 * k + 1]!);
	}

	/** Where token `k` ends in the text. */
	end(k: number): number {
		return scanned(this.scan[3 * k + 2]!);
	}

	/** True when token `k` is a dash or a punctuation mark. */
	isMark(k: number): boolean {
		return this.scan[3 * k + 2]! < 0;
	}
}

/** One number for a pair of word hashes. */
function pairHash(first: number, second: number): number {
	return (Math.imul(first, 0x9e3779b1) ^ second) >>> 0;
}

/** The key of a word pair followed, within a fill's reach, by a given word. */
function fillKey(pair: string, after: string): string {
	return `${pair}\u0000${after}`;
}

/**
 * A corpus with each distinct text once, numbered in the order the corpus first meets it, and every text of the
 * corpus, in order, by that number: how the suggester reads it. An import's analysis numbers its texts so as it
 * collects them; `numberCorpus` does it for a plain list.
 */
export interface NumberedCorpus {
	texts: string[];
	entries: { text: number; file: string; title: string }[];
}

/** Numbers a corpus's distinct texts in the order they are first met. */
export function numberCorpus(corpus: CorpusText[]): NumberedCorpus {
	const numbers = new Map<string, number>();
	const texts: string[] = [];
	const entries = corpus.map(({ text, file, title }) => {
		let number = numbers.get(text);
		if (number === undefined) {
			number = texts.length;
			numbers.set(text, number);
			texts.push(text);
		}
		return { text: number, file, title };
	});
	return { texts, entries };
}

/**
 * Finds suggestions for many gaps in one pass over the corpus (indexes only the word pairs the gaps need). Each
 * distinct text is scanned once however many pages hold it (a question's description is repeated on every page that
 * lists the question); its occurrences, in corpus order, say where a fill found in it comes from.
 */
export class GapSuggester {
	/** Corpus indices of each distinct text, in corpus order. */
	private readonly occurrences: number[][] = [];
	/** The tokens (quote marks left out) of the distinct texts that hold a wanted pair. */
	private readonly tokens = new Map<number, ScannedText>();
	/**
	 * Where each wanted pair stands (in a distinct text) with a wanted word one to four tokens after it (`fillKey`):
	 * the only places a fill can come from, since a fill must lead back into the gap's first word after. Keyed by the
	 * pair alone, the lists of common pairs ("of the") grew with the corpus, and every gap context walked them.
	 */
	private readonly positions = new Map<string, Position[]>();
	private readonly ranked = new Map<string, { best: Candidate | null; other: Candidate | null }>();

	private readonly texts: string[];
	private readonly corpus: NumberedCorpus["entries"];

	/**
	 * `scanOf` gives a distinct text's scan, by its number: by default worked out here, or kept by a host that scanned
	 * the texts as they came (the same answer either way).
	 */
	constructor(numbered: NumberedCorpus, gaps: Gap[], scanOf: (text: number) => TokenScan = (text) => scanTokens(numbered.texts[text] ?? "")) {
		this.texts = numbered.texts;
		this.corpus = numbered.entries;
		const wanted = new Set<string>();
		const seconds = new Set<string>();
		const fills = new Set<string>();
		for (const gap of gaps) {
			const [a, b] = gap.before.slice(-MIN_BEFORE);
			const after = gap.after[0];
			if (a !== undefined && b !== undefined && after !== undefined) {
				wanted.add(`${a} ${b}`);
				seconds.add(b);
				fills.add(fillKey(`${a} ${b}`, after));
			}
		}
		if (wanted.size === 0) return;
		for (let text = 0; text < this.texts.length; text++) this.occurrences.push([]);
		this.corpus.forEach((c, index) => this.occurrences[c.text]?.push(index));
		// Lower-casing never shortens a word: a token longer than every wanted second word is none of them, and is not
		// looked at further (the scan meets every word of the corpus).
		let longestSecond = 0;
		for (const second of seconds) longestSecond = Math.max(longestSecond, second.length);
		// ASCII words are told apart by a hash of their lower-cased letters before any string is made of them: only a
		// token whose hash (and whose pair's) is wanted is copied out and compared.
		const secondHashes = new Set<number>();
		for (const second of seconds) secondHashes.add(lowerHash(second, 0, second.length));
		const pairHashes = new Set<number>();
		for (const pair of wanted) {
			const space = pair.indexOf(" ");
			pairHashes.add(pairHash(lowerHash(pair, 0, space), lowerHash(pair, space + 1, pair.length)));
		}
		// One pass over every distinct text's scan for the wanted word pairs; only a text that holds one is kept, and
		// read only around them.
		const words: string[] = [];
		this.texts.forEach((source, text) => {
			const scan = scanOf(text);
			// Token `at` is at `3 * at` in the scan: its hash, its start (`~start` if not ASCII), its end.
			for (let at = 1, i = 3; i < scan.length; at++, i += 3) {
				const secondAscii = scan[i + 1]! >= 0;
				const secondStart = scanned(scan[i + 1]!);
				const secondEnd = scanned(scan[i + 2]!);
				if (secondEnd - secondStart > longestSecond) continue;
				const firstAscii = scan[i - 2]! >= 0;
				if (secondAscii) {
					const secondHash = scan[i]! >>> 0;
					if (!secondHashes.has(secondHash)) continue;
					if (firstAscii && !pairHashes.has(pairHash(scan[i - 3]! >>> 0, secondHash))) continue;
				}
				const firstStart = scanned(scan[i - 2]!);
				const firstEnd = scanned(scan[i - 1]!);
				const second = source.slice(secondStart, secondEnd).toLowerCase();
				if (!seconds.has(second)) continue;
				const pair = `${source.slice(firstStart, firstEnd).toLowerCase()} ${second}`;
				if (!wanted.has(pair)) continue;
				let tokens = this.tokens.get(text);
				if (tokens === undefined) {
					tokens = new ScannedText(source, scan);
					this.tokens.set(text, tokens);
				}
				words.length = 0;
				for (let n = 1; n <= MAX_MISSING_WORDS; n++) {
					const word = tokens.lower(at + 1 + n);
					if (word === undefined || words.includes(word)) continue;
					words.push(word);
					const key = fillKey(pair, word);
					if (!fills.has(key)) continue;
					const list = this.positions.get(key);
					if (list === undefined) this.positions.set(key, [{ text, at }]);
					else list.push({ text, at });
				}
			}
		});
	}

	/** The best-supported suggestion for a gap, ignoring texts from `excludeFile` (the gap's own page). */
	suggest(gap: Gap, excludeFile: string): GapSuggestion | null {
		const [a, b] = gap.before.slice(-MIN_BEFORE);
		const after = gap.after[0];
		if (a === undefined || b === undefined || after === undefined) return null;
		// Gaps with the same context get the same answer (a generated or much-quoted corpus repeats them by the
		// thousand, and common word pairs occur in thousands of texts): rank each context's candidates once.
		const key = `${gap.before.join("\u0001")}\u0002${gap.after.join("\u0001")}`;
		let ranked = this.ranked.get(key);
		if (ranked === undefined) {
			ranked = this.rank(gap, fillKey(`${a} ${b}`, after));
			this.ranked.set(key, ranked);
		}
		const pick = ranked.best !== null && this.corpus[ranked.best.text]?.file === excludeFile ? ranked.other : ranked.best;
		const source = pick === null ? undefined : this.corpus[pick.text];
		if (pick === null || source === undefined) return null;
		return { words: (this.texts[source.text] ?? "").slice(pick.start, pick.end), file: source.file, title: source.title };
	}

	/**
	 * A context's answers, as if every occurrence of every text had been searched in corpus order: the first
	 * best-scoring fill, and the first best-scoring one from another file than that one's (the answer when the gap's
	 * own page is the best one's). Candidates name corpus indices, not distinct texts.
	 */
	private rank(gap: Gap, key: string): { best: Candidate | null; other: Candidate | null } {
		// Candidates by distinct text, in the order the texts were first met in the corpus (and by position within a
		// text): the first best one here is the first best one among every occurrence.
		const found: Candidate[] = [];
		let best: Candidate | null = null;
		for (const { text, at } of this.positions.get(key) ?? []) {
			const tokens = this.tokens.get(text);
			if (tokens === undefined) continue;
			const fill = this.fill(tokens, at, gap);
			if (fill === null) continue;
			const candidate = { text, start: fill.start, end: fill.end, score: fill.score };
			found.push(candidate);
			if (best === null || candidate.score > best.score) best = candidate;
		}
		if (best === null) return { best: null, other: null };
		const bestAt = this.occurrences[best.text]?.[0] ?? -1;
		const bestFile = this.corpus[bestAt]?.file;
		let other: Candidate | null = null;
		for (const c of found) {
			// A lower score never wins, wherever its text stands: only the others' pages are looked up.
			if (other !== null && c.score < other.score) continue;
			// The earliest occurrence of this text on another page than the best one's.
			const at = this.occurrences[c.text]?.find((index) => this.corpus[index]?.file !== bestFile);
			if (at === undefined) continue;
			if (other === null || c.score > other.score || (c.score === other.score && at < other.text)) other = { text: at, start: c.start, end: c.end, score: c.score };
		}
		return { best: { text: bestAt, start: best.start, end: best.end, score: best.score }, other };
	}

	/** Words after position `at` that lead back into the gap's right-hand context, scored by context matched. */
	private fill(tokens: ScannedText, at: number, gap: Gap): { start: number; end: number; score: number } | null {
		let before = MIN_BEFORE;
		while (before < gap.before.length && tokens.lower(at - before) === gap.before[gap.before.length - 1 - before]) before++;
		const first = at + 1;
		for (let n = 1; n <= MAX_MISSING_WORDS; n++) {
			// The missing words are tokens at+1 … at+n: none may be a mark (the ones before n were checked already).
			const last = at + n;
			if (!tokens.has(first) || !tokens.has(last) || tokens.isMark(last)) return null;
			let after = 0;
			while (after < gap.after.length && tokens.lower(at + 1 + n + after) === gap.after[after]) after++;
			if (after > 0 && before + after >= MIN_MATCHED) return { start: tokens.start(first), end: tokens.end(last), score: before + after };
		}
		return null;
	}
}
