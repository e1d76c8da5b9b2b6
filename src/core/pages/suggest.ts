/**
 * Suggestions for gaps: where another page kept the same sentence more completely, the words it has
 * between the same neighbours are offered (never written into the text).
 */
import type { Gap } from "./gaps";
import { tokenize, TokenCursor, type Token } from "./tokens";

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

interface Position {
	text: number;
	at: number;
}

/** A fill found in one corpus text. */
interface Candidate {
	text: number;
	start: number;
	end: number;
	score: number;
}

/** The key of a word pair followed, within a fill's reach, by a given word. */
function fillKey(pair: string, after: string): string {
	return `${pair}\u0000${after}`;
}

/** Finds suggestions for many gaps in one pass over the corpus (indexes only the word pairs the gaps need). */
export class GapSuggester {
	/** The tokens (quote marks left out) of the texts that hold a wanted pair, by corpus index. */
	private readonly tokens = new Map<number, Token[]>();
	/**
	 * Where each wanted pair stands with a wanted word one to four tokens after it (`fillKey`): the only places a fill
	 * can come from, since a fill must lead back into the gap's first word after. Keyed by the pair alone, the lists of
	 * common pairs ("of the") grew with the corpus, and every gap context walked them: quadratic on a big import.
	 */
	private readonly positions = new Map<string, Position[]>();
	private readonly ranked = new Map<string, { best: Candidate | null; other: Candidate | null }>();

	constructor(private readonly corpus: CorpusText[], gaps: Gap[]) {
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
		// One scan of every text for the wanted word pairs; only a text that holds one is tokenised and kept.
		if (wanted.size === 0) return;
		const words: string[] = [];
		corpus.forEach((c, text) => {
			const cursor = new TokenCursor(c.text);
			let at = -1;
			let previous = "";
			while (cursor.next()) {
				if (cursor.isQuote) continue;
				at++;
				const second = cursor.value.toLowerCase();
				const first = previous;
				previous = second;
				if (at === 0 || !seconds.has(second)) continue;
				const pair = `${first} ${second}`;
				if (!wanted.has(pair)) continue;
				let tokens = this.tokens.get(text);
				if (tokens === undefined) {
					tokens = tokenize(c.text).filter((t) => !/^['"‘’“”]+$/.test(t.text));
					this.tokens.set(text, tokens);
				}
				words.length = 0;
				for (let n = 1; n <= MAX_MISSING_WORDS; n++) {
					const word = tokens[at + 1 + n]?.lower;
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
		return { words: source.text.slice(pick.start, pick.end), file: source.file, title: source.title };
	}

	/**
	 * A context's answers: the first best-scoring fill in corpus order, and the first best-scoring one from another
	 * file than that one's, which is the answer when the gap's own page is the best one's.
	 */
	private rank(gap: Gap, key: string): { best: Candidate | null; other: Candidate | null } {
		const found: Candidate[] = [];
		for (const { text, at } of this.positions.get(key) ?? []) {
			const tokens = this.tokens.get(text);
			if (this.corpus[text] === undefined || tokens === undefined) continue;
			const fill = this.fill(tokens, at, gap);
			if (fill !== null) found.push({ text, ...fill });
		}
		let best: Candidate | null = null;
		for (const c of found) if (best === null || c.score > best.score) best = c;
		const bestFile = best === null ? undefined : this.corpus[best.text]?.file;
		let other: Candidate | null = null;
		for (const c of found) if (this.corpus[c.text]?.file !== bestFile && (other === null || c.score > other.score)) other = c;
		return { best, other };
	}

	/** Words after position `at` that lead back into the gap's right-hand context, scored by context matched. */
	private fill(tokens: Token[], at: number, gap: Gap): { start: number; end: number; score: number } | null {
		let before = MIN_BEFORE;
		while (before < gap.before.length && tokens[at - before]?.lower === gap.before[gap.before.length - 1 - before]) before++;
		const first = tokens[at + 1];
		for (let n = 1; n <= MAX_MISSING_WORDS; n++) {
			// The missing words are tokens at+1 … at+n: none may be a mark (the ones before n were checked already).
			const last = tokens[at + n];
			if (first === undefined || last === undefined || last.isMark) return null;
			let after = 0;
			while (after < gap.after.length && tokens[at + 1 + n + after]?.lower === gap.after[after]) after++;
			if (after > 0 && before + after >= MIN_MATCHED) return { start: first.start, end: last.end, score: before + after };
		}
		return null;
	}
}
