/**
 * Gaps and their suggestions for a whole corpus, as work on plain data: the import's own thread can do it, or a host
 * can hand it to another thread (the command-line tool's writer, idle until the first note is written) while the
 * import goes on to citations and paths. Texts arrive as the pages are parsed, each distinct text once, and are
 * searched for gaps as they arrive; suggestions need every text, so they are asked for once, at the end.
 */
import { codeMatcher } from "../episodes/code";
import { findGaps, type Gap } from "./gaps";
import { GapSuggester, scanTokens, type GapSuggestion, type NumberedCorpus, type TokenScan } from "./suggest";

/** New distinct texts, numbered on from those handed over before, and the texts (by number) to search for gaps. */
export interface ProseTexts {
	texts: string[];
	search: number[];
}

/** What the suggestions need once every text is known: the corpus in order, and the prose that asks for them. */
export interface ProseCorpus {
	/** File names and page titles, each once. */
	names: string[];
	/** The corpus in order, three numbers per text: the text's number, its page's file (a name) and the page's title (a name). */
	corpus: number[];
	/** Each piece of prose in order, two numbers: its text's number and its page's file (a name), whose own text never suggests. */
	prose: number[];
}

/** The analysis: gaps by text, and a suggestion (or null) for each gap of each piece of prose, in order. */
export interface ProseAnalysis {
	/** Every searched text that has gaps: its number and its gaps. */
	gaps: [text: number, gaps: Gap[]][];
	/** For each piece of prose whose text has gaps, in order, one entry per gap. */
	suggestions: (GapSuggestion | null)[];
}

/** Where texts go as they are met: the analyser itself, or a host's hand-over to another thread. */
export interface ProseTextSink {
	add(batch: ProseTexts): void;
}

/** A host's analyser on another thread: takes texts as they come, answers the analysis once asked. */
export interface ProseAnalyst extends ProseTextSink {
	analyse(corpus: ProseCorpus): Promise<ProseAnalysis>;
}

/** Does the analysis where it is called: finds each text's gaps as it is added, and the suggestions when asked. */
export class ProseAnalyser implements ProseTextSink {
	private readonly matcher: RegExp;
	private readonly texts: string[] = [];
	private readonly gaps = new Map<number, Gap[]>();
	/** Each text's scan for the suggester, by number, when made as the texts come (`scanAhead`). */
	private scans: TokenScan[] = [];

	/**
	 * `scanAhead`: scan each text for the suggester as it is added rather than when the suggestions are asked for, for
	 * a thread that waits for texts while the pages are parsed (the scans' memory is held until then).
	 */
	constructor(codePattern?: string, private readonly scanAhead = false) {
		this.matcher = codeMatcher(codePattern);
	}

	add(batch: ProseTexts): void {
		for (const text of batch.texts) {
			this.texts.push(text);
			if (this.scanAhead) this.scans.push(scanTokens(text));
		}
		for (const index of batch.search) {
			const gaps = findGaps(this.texts[index] ?? "", this.matcher);
			if (gaps.length > 0) this.gaps.set(index, gaps);
		}
	}

	analyse({ names, corpus, prose }: ProseCorpus): ProseAnalysis {
		// The texts are numbered in the order the corpus first meets them (the collector numbers them so), as the
		// suggester reads a corpus.
		const entries: NumberedCorpus["entries"] = [];
		for (let i = 0; i < corpus.length; i += 3) entries.push({ text: corpus[i] ?? 0, file: names[corpus[i + 1] ?? 0] ?? "", title: names[corpus[i + 2] ?? 0] ?? "" });
		const scans = this.scans;
		const suggester = new GapSuggester({ texts: this.texts, entries }, [...this.gaps.values()].flat(), (text) => scans[text] ?? scanTokens(this.texts[text] ?? ""));
		this.scans = [];
		const suggestions: (GapSuggestion | null)[] = [];
		for (let i = 0; i < prose.length; i += 2) {
			const gaps = this.gaps.get(prose[i] ?? 0);
			if (gaps === undefined) continue;
			const file = names[prose[i + 1] ?? 0] ?? "";
			for (const gap of gaps) suggestions.push(suggester.suggest(gap, file));
		}
		return { gaps: [...this.gaps.entries()], suggestions };
	}
}
