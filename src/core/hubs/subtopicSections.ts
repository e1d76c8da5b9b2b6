/** Sections from cluster sub-topics: a note tagged `cluster/<cluster>/<sub-topic>` goes to that sub-topic's section. */
import type { NoteInfo } from "../vault/noteInfo";
import { noteTitle } from "./noteText";
import { headingFromSlug } from "./headingFromSlug";
import { tagKey } from "./hubTag";
import { wikiLink } from "./linkTargets";
import { noteType, orderOf } from "./noteKinds";
import { addMember, restSection, type Grouping, type SectionDraft } from "./sectionDraft";

const CLUSTER_ROOT = "cluster/";

function subtopicTags(note: NoteInfo): string[] {
	return [...new Set(note.tags.map(tagKey).filter((tag) => tag.startsWith(CLUSTER_ROOT) && tag.split("/").length >= 3).map((tag) => tag.split("/").slice(0, 3).join("/")))];
}

/** Groups by sub-topic, named and ordered by the sub-topic notes (found anywhere in the vault). */
export const subtopicSections: Grouping = ({ members, source }) => {
	const subtopicNotes = new Map<string, NoteInfo>();
	for (const note of source.notes) {
		if (noteType(note) !== "subtopic") continue;
		for (const tag of subtopicTags(note)) if (!subtopicNotes.has(tag)) subtopicNotes.set(tag, note);
	}
	const drafts = new Map<string, SectionDraft>();
	const rest: NoteInfo[] = [];
	for (const note of members) {
		const tags = subtopicTags(note);
		if (tags.length === 0) rest.push(note);
		for (const tag of tags) {
			addMember(drafts, tag, note, () => {
				const defining = subtopicNotes.get(tag);
				if (defining === undefined) return { key: tag, heading: headingFromSlug(tag.split("/")[2] ?? tag), link: null, declared: null, rank: null, members: [], rest: false };
				const title = noteTitle(defining);
				return { key: tag, heading: title, link: wikiLink(source.linkTarget(defining.path), title), declared: null, rank: orderOf(defining), members: [], rest: false };
			});
		}
	}
	const out = [...drafts.values()];
	if (rest.length > 0) out.push(restSection(rest));
	return out;
};
