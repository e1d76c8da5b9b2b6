/** Atlas → vault model: one note per entity, with paths, links, tags and frontmatter decided here. */
import { codeMatcher } from "../episodes/code";
import { escapeMarkdown } from "../markdown/escape";
import { listedOf, plural } from "../markdown/counts";
import { GAP_MARK, renderProse, type ProseContext } from "../markdown/prose";
import { quotedRegion } from "../markdown/quotedRegion";
import { renderHubRegion } from "../markdown/hubRegion";
import { Linker } from "./links";
import type { Atlas, Citation, Collection, Episode, Group, Question, Review } from "./model";
import { assignPaths, noteBaseName } from "./paths";
import { collectionTag, groupTag, typeTag } from "./tags";
import type { ExistingNotes, NotePlace, NoteType, VaultNote } from "./vaultModel";

/** Where the atlas goes and how codes look. */
export interface NotesOptions {
	/** Vault folder that receives every note ("" for the vault root). */
	root: string;
	codePattern?: string;
}

/** Folders inside the target folder, by note type. */
export const FOLDERS = { clusters: "Clusters", hubs: "Hubs", questions: "Questions", reviews: "Reviews", episodes: "Episodes" } as const;

/** Ids of the index notes and the import report. */
export const INDEX_IDS = { clusters: "index:clusters", topics: "index:topics", episodes: "index:episodes", report: "report:import" } as const;

/** Everything note rendering needs to link and look things up. */
interface Context {
	atlas: Atlas;
	linker: Linker;
	matcher: RegExp;
	byFile: Map<string, string>;
	collections: Map<string, Collection>;
	reviews: Map<string, Review>;
	/** Each group's tag, worked out once for all its members. */
	groupTags: Map<string, string>;
}

function places(atlas: Atlas): NotePlace[] {
	const out: NotePlace[] = [];
	const collectionFolder = (c: Collection): string => (c.kind === "cluster" ? FOLDERS.clusters : FOLDERS.hubs);
	for (const c of atlas.collections) out.push({ id: c.id, folder: collectionFolder(c), baseName: c.title });
	const parents = new Map(atlas.collections.map((c) => [c.id, c]));
	for (const g of atlas.groups.values()) {
		const parent = parents.get(g.collectionId);
		if (parent !== undefined) out.push({ id: g.id, folder: `${collectionFolder(parent)}/${parent.title}`, baseName: g.name });
	}
	for (const q of atlas.questions.values()) out.push({ id: q.id, folder: FOLDERS.questions, baseName: q.title });
	for (const r of atlas.reviews) out.push({ id: r.id, folder: FOLDERS.reviews, baseName: r.title });
	for (const e of atlas.episodes.values()) out.push({ id: e.id, folder: FOLDERS.episodes, baseName: e.code });
	out.push({ id: INDEX_IDS.clusters, folder: "", baseName: "All clusters" });
	out.push({ id: INDEX_IDS.topics, folder: "", baseName: "All topics" });
	out.push({ id: INDEX_IDS.episodes, folder: "", baseName: "All episodes" });
	out.push({ id: INDEX_IDS.report, folder: "", baseName: "Import report" });
	return out;
}

function proseContext(ctx: Context, footnotes: string[]): ProseContext {
	return {
		codeLink: (code) => ctx.linker.link(`episode:${code}`, code),
		fileLink: (file, title) => {
			const id = ctx.byFile.get(file);
			return id === undefined ? escapeMarkdown(title) : ctx.linker.link(id, title);
		},
		codeMatcher: ctx.matcher,
		footnotes,
	};
}

function withFootnotes(body: string[], footnotes: string[]): string {
	return footnotes.length === 0 ? body.join("\n") : [...body, "", ...footnotes].join("\n");
}

/** The distinct entries of a list, in order (a list of one is its own answer: most notes belong to one group). */
function distinct(list: string[]): string[] {
	return list.length < 2 ? list : [...new Set(list)];
}

/**
 * The properties every note opens with; `note` adds the id last. Callers add theirs with `Object.assign`: an object
 * literal that spreads one object and then lists keys was built key by key on a slow path, fifty times slower.
 */
function base(type: NoteType, title: string, path: string, tags: string[], files: string[]): Record<string, unknown> {
	return { type, title, aliases: noteBaseName(path) === title ? [] : [title], tags: [typeTag(type), ...tags], sources: files };
}

/** A note from its properties (the source id added as the last one, where the import record looks for it) and body. */
function note(id: string, type: NoteType, title: string, path: string, frontmatter: Record<string, unknown>, body: string): VaultNote {
	frontmatter.atlas_id = id;
	return { id, type, title, path, frontmatter, body };
}

function collectionNote(c: Collection, ctx: Context, path: string): VaultNote {
	const groups = c.groupIds.map((id) => ctx.atlas.groups.get(id)).filter((g): g is Group => g !== undefined);
	const listed = groups.reduce((n, g) => n + g.questionIds.length, 0);
	const footnotes: string[] = [];
	const groupNoun = c.kind === "cluster" ? ["sub-topic", "sub-topics"] : ["section", "sections"];
	const tag = collectionTag(c.kind, c.title);
	const fm = Object.assign(base(c.kind, c.title, path, [tag], c.files), {
		description: c.description.text,
		declared_notes: c.declaredNotes ?? undefined,
		listed_notes: listed,
		declared_papers: c.declaredPapers ?? undefined,
		[`declared_${c.kind === "cluster" ? "subtopics" : "sections"}`]: c.declaredGroups ?? undefined,
		[`listed_${c.kind === "cluster" ? "subtopics" : "sections"}`]: groups.length,
		...(c.kind === "hub" ? { hub_tag: tag, sections_from: "nested" } : {}),
		gaps: c.description.gaps.length || undefined,
	});
	const stats = [
		`**${listedOf(listed, c.declaredNotes, "note")}**`,
		c.declaredPapers === null ? null : plural(c.declaredPapers, "paper"),
		listedOf(groups.length, c.declaredGroups, groupNoun[0] ?? "", groupNoun[1]),
	].filter((s): s is string => s !== null);
	const body: string[] = [renderProse(c.description, proseContext(ctx, footnotes)), ""];
	if (c.kind === "cluster") {
		body.push(stats.join(" · "), "", "## Sub-topics", "");
		for (const g of groups) body.push(`- ${ctx.linker.link(g.id, g.name)} · ${listedOf(g.questionIds.length, g.declaredNotes, "note")}`);
	} else {
		body.push(
			renderHubRegion({
				declaredNotes: c.declaredNotes,
				declaredSections: c.declaredGroups,
				sections: groups.map((g) => ({
					heading: g.name,
					link: ctx.linker.link(g.id, g.name),
					declared: g.declaredNotes,
					cards: g.questionIds.map((qid) => {
						const q = ctx.atlas.questions.get(qid);
						return { link: ctx.linker.link(qid, q?.title), description: q?.descriptions[0]?.text.text ?? "" };
					}),
				})),
			}),
		);
	}
	return note(c.id, c.kind, c.title, path, fm, withFootnotes(body, footnotes));
}

/** A group's tag, worked out once for the group's own note and all its members'. */
function groupTagOf(ctx: Context, g: Group, kind: "cluster" | "hub", collectionTitle: string): string {
	let tag = ctx.groupTags.get(g.id);
	if (tag === undefined) {
		tag = groupTag(kind, collectionTitle, g.name);
		ctx.groupTags.set(g.id, tag);
	}
	return tag;
}

function groupNote(g: Group, ctx: Context, path: string): VaultNote {
	const parent = ctx.collections.get(g.collectionId);
	const parentKind = parent?.kind ?? "cluster";
	const parentTitle = parent?.title ?? "";
	const parentLink = ctx.linker.link(g.collectionId, parentTitle);
	const fm = Object.assign(base(g.kind, g.name, path, [groupTagOf(ctx, g, parentKind, parentTitle)], g.files), {
		[parentKind]: parentLink,
		order: g.order,
		declared_notes: g.declaredNotes ?? undefined,
		listed_notes: g.questionIds.length,
	});
	const role = g.kind === "subtopic" ? "Sub-topic of" : "Section of";
	const body = [`${role} ${parentLink} · ${listedOf(g.questionIds.length, g.declaredNotes, "note")}`, ""];
	if (g.questionIds.length === 0) body.push(`*The page declares ${plural(g.declaredNotes ?? 0, "note")} here but lists none.*`);
	for (const qid of g.questionIds) {
		const q = ctx.atlas.questions.get(qid);
		if (q === undefined) continue;
		const description = q.descriptions[0]?.text.text;
		body.push(`- ${ctx.linker.link(qid, q.title)}${description === undefined ? "" : ` — ${escapeMarkdown(description)}`}`);
	}
	return note(g.id, g.kind, g.name, path, fm, body.join("\n"));
}

function questionNote(q: Question, ctx: Context, path: string): VaultNote {
	const footnotes: string[] = [];
	const tags: string[] = [];
	const lines: string[] = [];
	const memberLinks: Record<"clusters" | "subtopics" | "hubs" | "sections", string[]> = { clusters: [], subtopics: [], hubs: [], sections: [] };
	for (const m of q.memberships) {
		const c = ctx.collections.get(m.collectionId);
		const g = ctx.atlas.groups.get(m.groupId);
		if (c === undefined || g === undefined) continue;
		tags.push(groupTagOf(ctx, g, c.kind, c.title));
		const cl = ctx.linker.link(c.id, c.title);
		const gl = ctx.linker.link(g.id, g.name);
		(c.kind === "cluster" ? memberLinks.clusters : memberLinks.hubs).push(cl);
		(c.kind === "cluster" ? memberLinks.subtopics : memberLinks.sections).push(gl);
		lines.push(`- ${cl} › ${gl}`);
	}
	const gaps = q.descriptions.reduce((n, d) => n + d.text.gaps.length, 0);
	const fm = Object.assign(base("question", q.title, path, distinct(tags), q.files), {
		description: q.descriptions[0]?.text.text,
		clusters: distinct(memberLinks.clusters),
		subtopics: distinct(memberLinks.subtopics),
		hubs: distinct(memberLinks.hubs),
		sections: distinct(memberLinks.sections),
		gaps: gaps || undefined,
	});
	const pc = proseContext(ctx, footnotes);
	const body: string[] = [];
	const [first, ...others] = q.descriptions;
	if (first !== undefined) body.push(renderProse(first.text, pc), "");
	for (const other of others) {
		body.push(`> [!quote] Also described as (${other.files.map(escapeMarkdown).join(", ")})`, `> ${renderProse(other.text, pc)}`, "");
	}
	body.push("## In the atlas", "", ...lines);
	return note(q.id, "question", q.title, path, fm, withFootnotes(body, footnotes));
}

function reviewNote(r: Review, ctx: Context, path: string): VaultNote {
	const footnotes: string[] = [];
	const pc = proseContext(ctx, footnotes);
	const codes = [...new Set(r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.codes)))];
	const gaps = r.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.prose.gaps.length, 0), 0);
	const fm = Object.assign(base("review", r.title, path, [], [r.file]), {
		title_derived: r.titleDerived || undefined,
		declared_episodes: r.declaredEpisodes ?? undefined,
		listed_episodes: r.anchors.length,
		episodes: codes,
		gaps: gaps || undefined,
	});
	const body: string[] = [];
	if (r.titleDerived) body.push(`> [!note] Untitled page`, `> The page has no title line; this note is named after its first section.`, "");
	if (r.declaredEpisodes !== null && r.declaredEpisodes !== r.anchors.length) {
		body.push(`> [!warning] Cut page`, `> ${listedOf(r.anchors.length, r.declaredEpisodes, "anchoring episode")} — the page was cut before its list ended.`, "");
	}
	if (gaps > 0) body.push(`*${plural(gaps, "gap")} in the scraped text, marked ${"⟨…⟩"} below.*`, "");
	for (const section of r.sections) {
		if (section.heading !== "") body.push(`## ${escapeMarkdown(section.heading)}`, "");
		for (const p of section.paragraphs) body.push(`${renderProse(p.prose, pc)} ^${p.blockId}`, "");
	}
	body.push("## Episodes anchoring this topic", "");
	if (r.anchors.length === 0) body.push("*None listed on the page.*");
	for (const a of r.anchors) {
		const ep = ctx.atlas.episodes.get(a.code);
		const title = ep?.title === null || ep?.title === undefined ? "" : ` · *${escapeMarkdown(ep.title)}*`;
		body.push(`- ${pc.codeLink(a.code)}${title} — ${escapeMarkdown(a.summary)}`);
	}
	return note(r.id, "review", r.title, path, fm, withFootnotes(body, footnotes));
}

function episodeNote(e: Episode, ctx: Context, path: string): VaultNote {
	// Citations grouped by citing note in one pass (in citation order), not filtered once per note.
	const byNote = new Map<string, Episode["citations"]>();
	for (const c of e.citations) {
		const list = byNote.get(c.noteId);
		if (list === undefined) byNote.set(c.noteId, [c]);
		else list.push(c);
	}
	const citingNotes = [...byNote.keys()];
	const fm = Object.assign(base("episode", e.title ?? e.code, path, [], [...new Set(e.summaries.map((s) => ctx.reviews.get(s.reviewId)?.file ?? ""))].filter((f) => f !== "")), {
		code: e.code,
		slug: e.slug ?? undefined,
		stub: e.slug === null && e.summaries.length === 0,
		citations: e.citations.length,
		cited_in: citingNotes.length,
	});
	const body: string[] = [];
	body.push(e.title === null ? `*Episode ${e.code}: no title is known; the pages only cite it.*` : `**${escapeMarkdown(e.title)}**`, "");
	if (e.summaries.length > 0) {
		body.push("## Summaries", "");
		for (const s of e.summaries) {
			const r = ctx.reviews.get(s.reviewId);
			body.push(`- ${escapeMarkdown(s.text)} — ${ctx.linker.link(s.reviewId, r?.title)}`);
		}
		body.push("");
	}
	body.push(`## Cited in ${plural(citingNotes.length, "note")} (${plural(e.citations.length, "passage")})`, "");
	const quotes: string[] = [];
	for (const noteId of citingNotes) {
		const r = ctx.reviews.get(noteId);
		quotes.push(`### ${ctx.linker.link(noteId, r?.title)}`, "");
		for (const c of byNote.get(noteId) ?? []) {
			const where = c.heading === "" ? "passage" : c.heading;
			quotes.push(`- ${quotedSentence(c)} (${ctx.linker.link(noteId, where, c.blockId)})`);
		}
		quotes.push("");
	}
	// The quotes repeat other notes' citations: between markers, the citation index does not count them again.
	if (quotes.length > 0) body.push(...quotedRegion(quotes.slice(0, -1)));
	return note(e.id, "episode", e.title ?? e.code, path, fm, body.join("\n").trimEnd());
}

/** A citing sentence as quoted in an episode note: escaped, with the scraped page's gaps marked as in the passage. */
function quotedSentence(c: Citation): string {
	let out = "";
	let at = 0;
	for (const gap of c.gaps) {
		out += escapeMarkdown(c.sentence.slice(at, gap));
		// The marker stands as a word of its own, as in the passage.
		out += GAP_MARK + (/^[\p{L}\p{N}—–$]/u.test(c.sentence.slice(gap)) ? " " : "");
		at = gap;
	}
	return out + escapeMarkdown(c.sentence.slice(at));
}

/** How many notes `indexNotes` writes. */
const INDEX_NOTES = 3;

function indexNotes(ctx: Context, paths: Map<string, string>): VaultNote[] {
	const { atlas, linker } = ctx;
	const out: VaultNote[] = [];
	const path = (id: string): string => paths.get(id) ?? "";
	const clusters = atlas.collections.filter((c) => c.kind === "cluster");
	const clusterLines = clusters.map((c) => {
		const listed = c.groupIds.reduce((n, id) => n + (atlas.groups.get(id)?.questionIds.length ?? 0), 0);
		return `- ${linker.link(c.id, c.title)} · ${listedOf(listed, c.declaredNotes, "note")} · ${plural(c.groupIds.length, "sub-topic")}`;
	});
	out.push(note(INDEX_IDS.clusters, "index", "All clusters", path(INDEX_IDS.clusters), base("index", "All clusters", path(INDEX_IDS.clusters), [], []), [`${plural(clusters.length, "cluster")}.`, "", ...clusterLines].join("\n")));
	const hubs = atlas.collections.filter((c) => c.kind === "hub");
	const topicLines = [
		"## Literature reviews",
		"",
		...atlas.reviews.map((r) => `- ${linker.link(r.id, r.title)} · ${plural(new Set(r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.codes))).size, "episode")} cited`),
		"",
		"## Topic hubs",
		"",
		...hubs.map((h) => `- ${linker.link(h.id, h.title)} · ${plural(h.groupIds.length, "section")}`),
	];
	out.push(note(INDEX_IDS.topics, "index", "All topics", path(INDEX_IDS.topics), base("index", "All topics", path(INDEX_IDS.topics), [], []), topicLines.join("\n")));
	const episodes = [...atlas.episodes.values()];
	const rows = episodes.map((e) => {
		const notes = new Set(e.citations.map((c) => c.noteId)).size;
		return `| ${linker.link(e.id, e.code)} | ${e.title === null ? "*(only cited)*" : escapeMarkdown(e.title)} | ${notes} | ${e.citations.length} |`;
	});
	// A listing, not a citation: between markers, so the citation index does not count this note as citing every episode.
	const episodeBody = [`${plural(episodes.length, "episode")}; citations counted per citing note and per passage.`, "", ...quotedRegion(["| Episode | Title | Citing notes | Citations |", "| --- | --- | ---: | ---: |", ...rows])];
	out.push(note(INDEX_IDS.episodes, "index", "All episodes", path(INDEX_IDS.episodes), base("index", "All episodes", path(INDEX_IDS.episodes), [], []), episodeBody.join("\n")));
	return out;
}

/** The planned notes of an atlas (without the import report, which needs the write results). */
export interface PlannedNotes {
	/**
	 * The notes, each built when the iteration reaches it: an import renders and writes one note before it builds the
	 * next, so that a hundred thousand notes' bodies are never all in memory at once (holding them was a large share
	 * of a big import's garbage collection). Iterate once.
	 */
	notes: Iterable<VaultNote>;
	/** How many notes `notes` yields. */
	count: number;
	paths: Map<string, string>;
	linker: Linker;
	byFile: Map<string, string>;
}

/** Turns the atlas into notes under `options.root`, reusing the paths of notes already imported. */
export function atlasToNotes(atlas: Atlas, existing: ExistingNotes, options: NotesOptions): PlannedNotes {
	const paths = assignPaths(places(atlas), options.root, existing);
	const linker = new Linker(paths, existing.paths);
	const byFile = new Map<string, string>();
	for (const r of atlas.reviews) byFile.set(r.file, r.id);
	for (const c of atlas.collections) for (const f of c.files) byFile.set(f, c.id);
	const ctx: Context = { atlas, linker, matcher: codeMatcher(options.codePattern), byFile, collections: new Map(atlas.collections.map((c) => [c.id, c])), reviews: new Map(atlas.reviews.map((r) => [r.id, r])), groupTags: new Map() };
	const path = (id: string): string => paths.get(id) ?? "";
	function* notes(): Generator<VaultNote> {
		for (const c of atlas.collections) yield collectionNote(c, ctx, path(c.id));
		for (const g of atlas.groups.values()) yield groupNote(g, ctx, path(g.id));
		for (const q of atlas.questions.values()) yield questionNote(q, ctx, path(q.id));
		for (const r of atlas.reviews) yield reviewNote(r, ctx, path(r.id));
		for (const e of atlas.episodes.values()) yield episodeNote(e, ctx, path(e.id));
		yield* indexNotes(ctx, paths);
	}
	const count = atlas.collections.length + atlas.groups.size + atlas.questions.size + atlas.reviews.length + atlas.episodes.size + INDEX_NOTES;
	return { notes: notes(), count, paths, linker, byFile };
}
