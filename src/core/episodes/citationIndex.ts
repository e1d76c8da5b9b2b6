/**
 * The citation index: a two-way map episode code ⇄ citing passages, updated one note at a time, with a
 * `revision` that moves on every change so views redraw only when something they show changed (as in Dataview).
 * Building it finds every mention (code, line, column); the passage around a mention (sentence, paragraph, heading
 * path) is worked out from the note's text the first time anyone asks for that note's citations, because a vault
 * has far more citations than a reader ever opens.
 */
import { codeSyntax, type CodeSyntax } from "./code";
import { citationsOfMentions, noteMentions, type EpisodeCitation } from "./citation";
import { episodeCodeOf } from "./episodeNote";
import type { CodeMention } from "./mentions";

/** Options of an index; `episodeFolder` is already resolved (see `episodeFolderOf`). */
export interface CitationIndexOptions {
	codePattern: string;
	episodeFolder: string;
}

/** The citations of one code from one note. */
export interface CitationGroup {
	path: string;
	/** The note's modification time in ms (0 when unknown). */
	mtime: number;
	citations: EpisodeCitation[];
}

/** What one change touched; listeners receive it after the index moved to `revision`. */
export interface CitationChange {
	revision: number;
	paths: string[];
	codes: string[];
}

/** What a count beside a code counts. */
export type CountMode = "notes" | "occurrences";

/** One note's citations, in reading order and by code. */
interface Passages {
	all: EpisodeCitation[];
	byCode: Map<string, EpisodeCitation[]>;
}

interface NoteEntry {
	mtime: number;
	/** The note's citations of episodes, in reading order. */
	mentions: CodeMention[];
	/** The text the mentions were found in ("" when there are none), kept to work out their passages. */
	text: string;
	/** The citations of `mentions` with their passages, once someone asked for them. */
	passages: Passages | null;
	selfCode?: string;
}

/** Episode code ⇄ citations, for a whole vault. */
export class CitationIndex {
	/** Moves on every change of what the index holds. */
	revision = 0;
	readonly syntax: CodeSyntax;
	readonly episodeFolder: string;
	private readonly notes = new Map<string, NoteEntry>();
	/** Code → citing note → how many times it cites the code. */
	private readonly byCode = new Map<string, Map<string, number>>();
	/** Code → the notes that are its episode note (normally one; the first seen wins). */
	private readonly episodes = new Map<string, Set<string>>();
	private readonly listeners = new Set<(change: CitationChange) => void>();
	private pending: { paths: Set<string>; codes: Set<string> } | null = null;

	constructor(options: CitationIndexOptions) {
		this.syntax = codeSyntax(options.codePattern);
		this.episodeFolder = options.episodeFolder;
	}

	/** Indexes (or re-indexes) one note from its text; true when anything the index holds changed. */
	setNote(path: string, text: string, mtime = 0): boolean {
		const selfCode = episodeCodeOf(path, text, this.syntax, this.episodeFolder);
		const mentions = noteMentions(text, { syntax: this.syntax, ...(selfCode === undefined ? {} : { selfCode }) });
		const entry: NoteEntry = { mtime, mentions, text: mentions.length === 0 ? "" : text, passages: null, ...(selfCode === undefined ? {} : { selfCode }) };
		const previous = this.notes.get(path);
		if (previous !== undefined && previous.selfCode === selfCode && this.showsTheSame(path, previous, entry)) {
			// Nothing a view shows moved: keep the new text (a paragraph around a citation may have changed) without telling anyone.
			this.notes.set(path, entry);
			return false;
		}
		const touched = new Set<string>();
		if (previous !== undefined) this.unlink(path, previous, touched);
		this.notes.set(path, entry);
		for (const mention of mentions) {
			touched.add(mention.code);
			let notes = this.byCode.get(mention.code);
			if (notes === undefined) this.byCode.set(mention.code, (notes = new Map<string, number>()));
			notes.set(path, (notes.get(path) ?? 0) + 1);
		}
		if (selfCode !== undefined) {
			touched.add(selfCode);
			const claims = this.episodes.get(selfCode);
			if (claims === undefined) this.episodes.set(selfCode, new Set([path]));
			else claims.add(path);
		}
		this.changed([path], touched);
		return true;
	}

	/** Forgets a note (deleted, or renamed away: re-add it under its new path). */
	removeNote(path: string): boolean {
		const previous = this.notes.get(path);
		if (previous === undefined) return false;
		const touched = new Set<string>();
		this.unlink(path, previous, touched);
		this.notes.delete(path);
		this.changed([path], touched);
		return true;
	}

	/** Runs `update` and tells listeners once, about everything it changed. */
	batch(update: () => void): void {
		if (this.pending !== null) {
			update();
			return;
		}
		this.pending = { paths: new Set(), codes: new Set() };
		try {
			update();
		} finally {
			const done = this.pending;
			this.pending = null;
			if (done.paths.size > 0) this.notify({ revision: this.revision, paths: [...done.paths], codes: [...done.codes] });
		}
	}

	/** Calls `listener` after every change; returns the function that stops it. */
	onChange(listener: (change: CitationChange) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Whether a note is indexed. */
	hasNote(path: string): boolean {
		return this.notes.has(path);
	}

	/** Number of notes indexed. */
	get noteCount(): number {
		return this.notes.size;
	}

	/** Every code that is cited or has an episode note, sorted. */
	codes(): string[] {
		return [...new Set([...this.byCode.keys(), ...this.episodes.keys()])].sort(compareCodes);
	}

	/** The citations of a code grouped by note, notes in path order, citations in reading order. */
	groups(code: string): CitationGroup[] {
		const notes = this.byCode.get(code);
		if (notes === undefined) return [];
		return [...notes.keys()]
			.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
			.map((path) => {
				const entry = this.notes.get(path);
				return { path, mtime: entry?.mtime ?? 0, citations: entry === undefined ? [] : (this.passagesOf(path, entry).byCode.get(code) ?? []) };
			});
	}

	/** Every citation of a code, in path then reading order. */
	citations(code: string): EpisodeCitation[] {
		return this.groups(code).flatMap((g) => g.citations);
	}

	/** How many notes cite a code, or how many times it is cited. */
	count(code: string, mode: CountMode = "notes"): number {
		const notes = this.byCode.get(code);
		if (notes === undefined) return 0;
		if (mode === "notes") return notes.size;
		let total = 0;
		for (const occurrences of notes.values()) total += occurrences;
		return total;
	}

	/** The path of a code's episode note, when the index has seen one. */
	episodePath(code: string): string | undefined {
		const claims = this.episodes.get(code);
		return claims === undefined ? undefined : claims.values().next().value;
	}

	/** The code a note is the episode note of, when it is one. */
	episodeCodeOfNote(path: string): string | undefined {
		return this.notes.get(path)?.selfCode;
	}

	/** The citations a note makes, in reading order. */
	citationsIn(path: string): EpisodeCitation[] {
		const entry = this.notes.get(path);
		return entry === undefined ? [] : this.passagesOf(path, entry).all;
	}

	private unlink(path: string, entry: NoteEntry, touched: Set<string>): void {
		for (const code of new Set(entry.mentions.map((m) => m.code))) {
			touched.add(code);
			const notes = this.byCode.get(code);
			notes?.delete(path);
			if (notes?.size === 0) this.byCode.delete(code);
		}
		if (entry.selfCode !== undefined) {
			touched.add(entry.selfCode);
			const claims = this.episodes.get(entry.selfCode);
			claims?.delete(path);
			if (claims?.size === 0) this.episodes.delete(entry.selfCode);
		}
	}

	/** A note's passages by code, worked out on first use and kept until the note changes. */
	private passagesOf(path: string, entry: NoteEntry): Passages {
		if (entry.passages !== null) return entry.passages;
		const all = citationsOfMentions(path, entry.text, entry.mentions);
		const byCode = new Map<string, EpisodeCitation[]>();
		for (const citation of all) {
			const list = byCode.get(citation.code);
			if (list === undefined) byCode.set(citation.code, [citation]);
			else list.push(citation);
		}
		return (entry.passages = { all, byCode });
	}

	/**
	 * Whether a re-indexed note shows what it showed: the same mentions and, where a view has already asked for its
	 * passages (no one has seen them otherwise), the same sentences, heading paths and block ids.
	 */
	private showsTheSame(path: string, previous: NoteEntry, next: NoteEntry): boolean {
		if (!sameMentions(previous.mentions, next.mentions)) return false;
		if (previous.passages === null) return true;
		return sameCitations(previous.passages.all, this.passagesOf(path, next).all);
	}

	private changed(paths: string[], codes: Set<string>): void {
		this.revision++;
		if (this.pending !== null) {
			for (const path of paths) this.pending.paths.add(path);
			for (const code of codes) this.pending.codes.add(code);
			return;
		}
		this.notify({ revision: this.revision, paths, codes: [...codes] });
	}

	private notify(change: CitationChange): void {
		for (const listener of [...this.listeners]) listener(change);
	}
}

/** Codes in natural order: `E9` before `E10`, then by text. */
export function compareCodes(a: string, b: string): number {
	return a.localeCompare(b, "en", { numeric: true });
}

/** Whether two notes mention the same codes at the same places in the same forms. */
function sameMentions(a: CodeMention[], b: CodeMention[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x === undefined || y === undefined || x.code !== y.code || x.line !== y.line || x.ch !== y.ch || x.form !== y.form) return false;
	}
	return true;
}

/** Whether two lists of citations show the same (what views draw: not the whole paragraph), compared field by field. */
function sameCitations(a: EpisodeCitation[], b: EpisodeCitation[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (x === undefined || y === undefined) return false;
		if (x.code !== y.code || x.line !== y.line || x.ch !== y.ch || x.form !== y.form || x.sentence !== y.sentence || x.blockId !== y.blockId) return false;
		if (x.headings.length !== y.headings.length || x.headings.some((h, j) => h !== y.headings[j])) return false;
	}
	return true;
}
