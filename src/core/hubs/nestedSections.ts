/** Sections from the next level of a nested tag: `hub/x/<section>`; a section note tagged exactly so names and orders it. */
import { noteTitle } from "./noteText";
import { headingFromSlug } from "./headingFromSlug";
import { isTagUnder, nextTagLevel, tagKey } from "./hubTag";
import { wikiLink } from "./linkTargets";
import { noteType, orderOf } from "./noteKinds";
import { addMember, restSection, type Grouping, type SectionDraft } from "./sectionDraft";

function declaredOf(value: unknown): number | null {
	return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Groups by the tag level below the hub's tag; section notes (even with no members) keep their place. */
export const nestedSections: Grouping = ({ members, structural, spec, source }) => {
	const drafts = new Map<string, SectionDraft>();
	const hubDepth = tagKey(spec.tag).split("/").length;
	for (const note of structural) {
		if (noteType(note) !== "section") continue;
		for (const tag of note.tags) {
			// Only a tag exactly one level below the hub's names a section.
			if (!isTagUnder(tag, spec.tag) || tagKey(tag).split("/").length !== hubDepth + 1) continue;
			const key = nextTagLevel(tag, spec.tag);
			if (drafts.has(key)) continue;
			const title = noteTitle(note);
			drafts.set(key, { key, heading: title, link: wikiLink(source.linkTarget(note.path), title), declared: declaredOf(note.frontmatter.declared_notes), rank: orderOf(note), members: [], rest: false });
		}
	}
	const rest: SectionDraft["members"] = [];
	const prefix = `${tagKey(spec.tag)}/`;
	for (const note of members) {
		const named: string[] = [];
		for (const tag of note.tags) {
			const t = tagKey(tag);
			if (!t.startsWith(prefix)) continue;
			const slash = t.indexOf("/", prefix.length);
			const key = slash === -1 ? t.slice(prefix.length) : t.slice(prefix.length, slash);
			if (key !== "" && !named.includes(key)) named.push(key);
		}
		if (named.length === 0) rest.push(note);
		for (const key of named) addMember(drafts, key, note, () => ({ key, heading: headingFromSlug(key), link: null, declared: null, rank: null, members: [], rest: false }));
	}
	const out = [...drafts.values()];
	if (rest.length > 0) out.push(restSection(rest));
	return out;
};
