/** Pages → atlas: parses every input, merges what the pages share, locates citations and gaps. */
import { diagnostic, type Diagnostic } from "../diagnostics";
import { codeMatcher, findCodes } from "../episodes/code";
import { titleFromSlug } from "../episodes/slugTitle";
import type { CardGroup, ClusterPage, HubPage, ReviewPage } from "../pages/model";
import { parsePage } from "../pages/parsePage";
import { ProseAnalyser, type ProseAnalysis, type ProseCorpus, type ProseTexts, type ProseTextSink } from "../pages/proseAnalysis";
import { titleKey } from "../text/normalize";
import { sentenceSpanAt } from "../text/sentences";
import type { Atlas, Citation, Collection, Episode, FoundGap, Prose, Question, Review } from "./model";

/** One input: a file name (as shown in messages) and its text. */
export interface InputFile {
	file: string;
	text: string;
	/** Why the host could not read the file (it is then reported and skipped; `text` is ignored). */
	unreadable?: string;
}

/** Options for building an atlas. */
export interface BuildOptions {
	codePattern?: string;
}

/** Stable ids: a note's identity across imports, independent of its file name. */
export const ids = {
	collection: (kind: "cluster" | "hub", title: string): string => `${kind}:${titleKey(title)}`,
	group: (kind: "subtopic" | "section", collectionTitle: string, name: string): string => `${kind}:${titleKey(collectionTitle)} › ${titleKey(name)}`,
	question: (title: string): string => `question:${titleKey(title)}`,
	review: (title: string): string => `review:${titleKey(title)}`,
	episode: (code: string): string => `episode:${code}`,
};

/** Texts per hand-over to the analysis: enough that a host's thread is not woken for every one. */
const TEXTS_PER_BATCH = 512;

/**
 * Collects prose for the analysis (gaps, suggestions): each distinct text is handed over once, as it is met, and the
 * analysis, once known, is attached to every piece of prose and every citation that quotes one.
 */
class ProseCollector {
	/** Each distinct text's number, and whether it was handed over to be searched for gaps. */
	private readonly numbers = new Map<string, number>();
	private readonly searched: boolean[] = [];
	private readonly names = new Map<string, number>();
	private readonly corpus: number[] = [];
	private readonly prose: { prose: Prose; text: number; file: number }[] = [];
	private readonly citations: { citation: Citation; prose: Prose; from: number }[] = [];
	private batch: ProseTexts = { texts: [], search: [] };

	constructor(private readonly sink: ProseTextSink) {}

	/** Adds prose to search for gaps (and, like context, a source of suggestions for other pages' gaps). */
	add(text: string, file: string, title: string): Prose {
		const prose: Prose = { text, gaps: [] };
		const number = this.number(text, file, title);
		if (this.searched[number] !== true) {
			this.searched[number] = true;
			this.batch.search.push(number);
		}
		this.prose.push({ prose, text: number, file: this.name(file) });
		this.flushWhenFull();
		return prose;
	}

	/** Adds text that only serves as a source of suggestions (titles and headings), not searched for gaps. */
	addContext(text: string, file: string, title: string): void {
		if (text === "") return;
		this.number(text, file, title);
		this.flushWhenFull();
	}

	/** Remembers a citation of prose: its gaps are its prose's, once they are known. */
	quote(citation: Citation, prose: Prose, from: number): void {
		this.citations.push({ citation, prose, from });
	}

	/** Hands over the last texts; what the analysis then needs to find suggestions. */
	finish(): ProseCorpus {
		this.flush();
		return { names: [...this.names.keys()], corpus: this.corpus, prose: this.prose.flatMap((p) => [p.text, p.file]) };
	}

	/** Attaches gaps and suggestions to the prose and the citations they were found for. */
	attach(analysis: ProseAnalysis): void {
		const gapsOf = new Map(analysis.gaps);
		let next = 0;
		for (const { prose, text } of this.prose) {
			const gaps = gapsOf.get(text);
			if (gaps === undefined) continue;
			prose.gaps = gaps.map((gap): FoundGap => ({ index: gap.index, rule: gap.rule, before: gap.before, after: gap.after, suggestion: analysis.suggestions[next++] ?? null }));
		}
		for (const { citation, prose, from } of this.citations) {
			if (prose.gaps.length === 0) continue;
			const to = from + citation.sentence.length;
			citation.gaps = prose.gaps.filter((g) => g.index >= from && g.index <= to).map((g) => g.index - from);
		}
	}

	private number(text: string, file: string, title: string): number {
		let number = this.numbers.get(text);
		if (number === undefined) {
			number = this.numbers.size;
			this.numbers.set(text, number);
			this.batch.texts.push(text);
		}
		this.corpus.push(number, this.name(file), this.name(title));
		return number;
	}

	private name(name: string): number {
		let number = this.names.get(name);
		if (number === undefined) {
			number = this.names.size;
			this.names.set(name, number);
		}
		return number;
	}

	private flushWhenFull(): void {
		if (this.batch.texts.length >= TEXTS_PER_BATCH) this.flush();
	}

	private flush(): void {
		if (this.batch.texts.length === 0 && this.batch.search.length === 0) return;
		this.sink.add(this.batch);
		this.batch = { texts: [], search: [] };
	}
}

/** An atlas whose prose is still being analysed: `complete` attaches the analysis of `corpus` and returns it whole. */
export interface AtlasInProgress {
	atlas: Atlas;
	corpus: ProseCorpus;
	complete(analysis: ProseAnalysis): Atlas;
}

/** Builds the atlas from input files; bad inputs become diagnostics and the rest still import. */
export function buildAtlas(inputs: InputFile[], options: BuildOptions = {}): Atlas {
	const analyser = new ProseAnalyser(options.codePattern);
	const started = startAtlas(inputs, options, analyser);
	return started.complete(analyser.analyse(started.corpus));
}

/**
 * Builds the atlas but for its prose's gaps and suggestions, whose texts go to `sink` as they are met: a host that
 * analyses them on another thread has the answer to hand to `complete` while the import plans its notes.
 */
export function startAtlas(inputs: InputFile[], options: BuildOptions, sink: ProseTextSink): AtlasInProgress {
	const steps = atlasSteps(inputs, options, sink);
	for (;;) {
		const step = steps.next();
		if (step.done === true) return step.value;
	}
}

/**
 * `startAtlas` for a host whose thread also draws (the plugin): `afterPage` is called with how many pages are read,
 * and a promise it returns is awaited before the next page, so the host can show progress and let its interface update.
 */
export async function startAtlasPaced(inputs: InputFile[], options: BuildOptions, sink: ProseTextSink, afterPage: ProgressHook): Promise<AtlasInProgress> {
	const steps = atlasSteps(inputs, options, sink);
	for (;;) {
		const step = steps.next();
		if (step.done === true) return step.value;
		const paused = afterPage(step.value, inputs.length);
		if (paused !== undefined) await paused;
	}
}

/** Told how many of how many steps are done; may return a promise, awaited before the next step (a host's pause). */
export type ProgressHook = (done: number, total: number) => Promise<void> | undefined;

/** The work of `startAtlas`, yielding how many pages are read after each, and returning the atlas. */
function* atlasSteps(inputs: InputFile[], options: BuildOptions, sink: ProseTextSink): Generator<number, AtlasInProgress, void> {
	const diagnostics: Diagnostic[] = [];
	const atlas: Atlas = { collections: [], groups: new Map(), questions: new Map(), reviews: [], episodes: new Map(), pages: [], diagnostics };
	const matcher = codeMatcher(options.codePattern);
	const prose = new ProseCollector(sink);
	// Reviews and collections by id, so that each page finds its own without a scan of all the others.
	const seen: Seen = { reviewIds: new Set(), collections: new Map() };
	let read = 0;
	// Each page is merged as soon as it is parsed: merging reads nothing of the pages after it, so the atlas is the
	// one that parsing them all first would give, and no page's parse outlives its merge.
	for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
		const result =
			input.unreadable === undefined
				? parsePage(input.file, input.text, options)
				: { page: null, diagnostics: [diagnostic("unreadable-file", input.file, "error", `the file could not be read (${input.unreadable}); it was skipped`)] };
		diagnostics.push(...result.diagnostics);
		const page = result.page;
		atlas.pages.push({ file: input.file, kind: page?.kind ?? null, title: page?.title ?? null });
		if (page?.kind === "review") addReview(atlas, page, prose, matcher, seen);
		else if (page !== null) addCollection(atlas, page, prose, seen);
		yield ++read;
	}
	const corpus = prose.finish();
	for (const review of atlas.reviews) addCitations(atlas, review, matcher, prose);
	atlas.episodes = new Map([...atlas.episodes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
	return {
		atlas,
		corpus,
		complete: (analysis) => {
			prose.attach(analysis);
			return atlas;
		},
	};
}

function episode(atlas: Atlas, code: string): Episode {
	let found = atlas.episodes.get(code);
	if (found === undefined) {
		found = { id: ids.episode(code), code, slug: null, title: null, summaries: [], citations: [] };
		atlas.episodes.set(code, found);
	}
	return found;
}

interface Seen {
	reviewIds: Set<string>;
	collections: Map<string, Collection>;
}

function addReview(atlas: Atlas, page: ReviewPage, prose: ProseCollector, matcher: RegExp, seen: Seen): void {
	let id = ids.review(page.title);
	if (seen.reviewIds.has(id)) id = `${id} (${page.source.file})`;
	seen.reviewIds.add(id);
	let block = 0;
	const review: Review = {
		id,
		title: page.title,
		titleDerived: page.titleDerived,
		declaredEpisodes: page.declaredEpisodes,
		file: page.source.file,
		sections: page.sections.map((section) => ({
			heading: section.heading,
			paragraphs: section.paragraphs.map((p) => ({
				prose: prose.add(p.text, page.source.file, page.title),
				blockId: `p${++block}`,
				codes: [...new Set(findCodes(p.text, matcher).map((o) => o.code))],
			})),
		})),
		anchors: page.anchors.map((a) => ({ code: a.code, summary: a.summary })),
	};
	atlas.reviews.push(review);
	// Titles and headings often keep the term a sentence lost ("at the token level").
	prose.addContext(page.title, page.source.file, page.title);
	for (const section of page.sections) prose.addContext(section.heading, page.source.file, page.title);
	for (const anchor of page.anchors) {
		const ep = episode(atlas, anchor.code);
		if (ep.slug === null && anchor.slug.replace(/^\d+-?/, "") !== "") {
			ep.slug = anchor.slug;
			ep.title = titleFromSlug(anchor.slug.replace(/^\d+-/, ""));
		}
		if (anchor.summary !== "") ep.summaries.push({ text: anchor.summary, reviewId: review.id });
	}
}

function addCitations(atlas: Atlas, review: Review, matcher: RegExp, prose: ProseCollector): void {
	for (const section of review.sections) {
		for (const paragraph of section.paragraphs) {
			const text = paragraph.prose.text;
			for (const occurrence of findCodes(text, matcher)) {
				const [from, to] = sentenceSpanAt(text, occurrence.index);
				// The passage's gaps are marked once the analysis is in (`ProseCollector.attach`).
				const citation: Citation = { code: occurrence.code, noteId: review.id, blockId: paragraph.blockId, heading: section.heading, sentence: text.slice(from, to), gaps: [] };
				episode(atlas, occurrence.code).citations.push(citation);
				prose.quote(citation, paragraph.prose, from);
			}
		}
	}
}

function addCollection(atlas: Atlas, page: ClusterPage | HubPage, prose: ProseCollector, seen: Seen): void {
	const file = page.source.file;
	const id = ids.collection(page.kind, page.title);
	let collection = seen.collections.get(id);
	if (collection === undefined) {
		collection = {
			id,
			kind: page.kind,
			title: page.title,
			description: prose.add(page.description, file, page.title),
			declaredNotes: page.declaredNotes,
			declaredPapers: page.kind === "cluster" ? page.declaredPapers : null,
			declaredGroups: page.declaredGroups,
			groupIds: [],
			files: [],
		};
		atlas.collections.push(collection);
		seen.collections.set(id, collection);
	}
	collection.files.push(file);
	for (const group of page.groups) addGroup(atlas, collection, group, file, prose);
}

function addGroup(atlas: Atlas, collection: Collection, cardGroup: CardGroup, file: string, prose: ProseCollector): void {
	const kind = collection.kind === "cluster" ? "subtopic" : "section";
	const id = ids.group(kind, collection.title, cardGroup.name);
	let group = atlas.groups.get(id);
	if (group === undefined) {
		group = { id, kind, collectionId: collection.id, name: cardGroup.name, order: collection.groupIds.length + 1, declaredNotes: cardGroup.declaredNotes, questionIds: [], files: [] };
		atlas.groups.set(id, group);
		collection.groupIds.push(id);
	}
	if (!group.files.includes(file)) group.files.push(file);
	for (const card of cardGroup.cards) {
		const qid = ids.question(card.title);
		let question: Question | undefined = atlas.questions.get(qid);
		if (question === undefined) {
			question = { id: qid, title: card.title, descriptions: [], memberships: [], files: [] };
			atlas.questions.set(qid, question);
		}
		if (!question.files.includes(file)) question.files.push(file);
		const same = question.descriptions.find((d) => d.text.text === card.description);
		if (same !== undefined) {
			if (!same.files.includes(file)) same.files.push(file);
		} else if (card.description !== "") {
			question.descriptions.push({ text: prose.add(card.description, file, card.title), files: [file] });
		}
		if (!question.memberships.some((m) => m.groupId === group.id)) question.memberships.push({ collectionId: collection.id, groupId: group.id });
		if (!group.questionIds.includes(qid)) group.questionIds.push(qid);
	}
}
