/** Tagged notes → the hub's generated region: which notes, in which sections, in which order, with which counts. */
import type { HubRegion } from "../markdown/hubRegion";
import type { NoteInfo } from "../vault/noteInfo";
import { autoSections } from "./autoSections";
import { sortCards } from "./cardOrder";
import { frontmatterSections } from "./frontmatterSections";
import { tagUnder } from "./hubTag";
import type { HubSource } from "./hubSource";
import type { HubSpec, SectionMode } from "./hubSpec";
import { wikiLink } from "./linkTargets";
import { nestedSections } from "./nestedSections";
import { isStructural } from "./noteKinds";
import { frontmatterDescription, noteTitle } from "./noteText";
import type { Grouping } from "./sectionDraft";
import { orderSections } from "./sectionOrder";
import { subtopicSections } from "./subtopicSections";

/** What a hub will show. */
export interface HubPlan {
	region: HubRegion;
	/** Paths of the distinct notes shown as cards. */
	members: string[];
	/** Number of sections shown. */
	sections: number;
}

function groupingFor(mode: SectionMode): Grouping {
	switch (mode.kind) {
		case "nested":
			return nestedSections;
		case "frontmatter":
			return frontmatterSections(mode.key);
		case "subtopic":
			return subtopicSections;
		case "auto":
			return autoSections;
	}
}

/** The test for notes a hub never shows: in an excluded folder, or with the exclusion property set to true. */
function exclusion(spec: HubSpec): (note: NoteInfo) => boolean {
	const folders = spec.excludeFolders.map((folder) => folder.replace(/^\/+|\/+$/g, "")).filter((folder) => folder !== "");
	return (note) => (spec.excludeKey !== "" && note.frontmatter[spec.excludeKey] === true) || folders.some((folder) => note.path === folder || note.path.startsWith(`${folder}/`));
}

/** The notes carrying the hub's tag (nested tags included), less exclusions and the hub note itself. */
export function taggedNotes(source: HubSource, spec: HubSpec, hubPath: string | null): NoteInfo[] {
	const under = tagUnder(spec.tag);
	const excluded = exclusion(spec);
	return source.notes.filter((note) => note.path !== hubPath && note.tags.some(under) && !excluded(note));
}

/** Plans the hub for `spec`; `hubPath` is the hub note's own path (never a card of itself). */
export function planHub(source: HubSource, spec: HubSpec, hubPath: string | null): HubPlan {
	const tagged = taggedNotes(source, spec, hubPath);
	const structural = tagged.filter(isStructural);
	const members = tagged.filter((note) => !isStructural(note));
	const drafts = orderSections(groupingFor(spec.sections)({ members, structural, spec, source }), spec.sectionOrder);
	const shown = new Set<string>();
	const sections = drafts.map((draft) => {
		const cards = sortCards(draft.members, spec.sort, source.byPath).map((note) => {
			shown.add(note.path);
			const description = frontmatterDescription(note);
			return { link: wikiLink(source.linkTarget(note.path), noteTitle(note)), description: description === "" ? source.firstParagraph(note.path) : description };
		});
		// A declared count only means something while fewer notes are listed than the page declared.
		const declared = draft.declared !== null && draft.declared > cards.length ? draft.declared : null;
		return { heading: draft.heading, ...(draft.link === null ? {} : { link: draft.link }), declared, cards };
	});
	const declaredNotes = spec.declaredNotes !== null && spec.declaredNotes > shown.size ? spec.declaredNotes : null;
	const declaredSections = spec.declaredSections !== null && spec.declaredSections > sections.length ? spec.declaredSections : null;
	return { region: { declaredNotes, declaredSections, sections }, members: [...shown].sort(), sections: sections.length };
}
