/** A section before its cards are ordered: what every way of forming sections produces. */
import type { NoteInfo } from "../vault/noteInfo";
import type { HubSource } from "./hubSource";
import type { HubSpec } from "./hubSpec";

/** One section and its member notes. */
export interface SectionDraft {
	/** Identity of the section (a tag level, a frontmatter value, a sub-topic tag, a group number). */
	key: string;
	heading: string;
	/** A wiki link to the note that defines the section, shown as the heading; null for a plain heading. */
	link: string | null;
	/** Notes the section's note declares (the importer records what the page said), else null. */
	declared: number | null;
	/** Position from the section's note (`order`); sections without one follow, by name. */
	rank: number | null;
	members: NoteInfo[];
	/** The section for notes that fit no other one; always last. */
	rest: boolean;
}

/** What a way of forming sections receives. */
export interface GroupingInput {
	/** Tagged notes that become cards. */
	members: readonly NoteInfo[];
	/** Tagged hub, section, cluster and sub-topic notes: they define sections rather than fill them. */
	structural: readonly NoteInfo[];
	spec: HubSpec;
	source: HubSource;
}

/** A way of forming sections. */
export type Grouping = (input: GroupingInput) => SectionDraft[];

/** The heading of the section for notes that fit no other one. */
export const REST_HEADING = "Other notes";

/** The section for notes that fit no other one. */
export function restSection(members: NoteInfo[]): SectionDraft {
	return { key: "", heading: REST_HEADING, link: null, declared: null, rank: null, members, rest: true };
}

/** Adds `note` to the draft keyed `key`, creating the draft with `make` the first time. */
export function addMember(drafts: Map<string, SectionDraft>, key: string, note: NoteInfo, make: () => SectionDraft): void {
	let draft = drafts.get(key);
	if (draft === undefined) {
		draft = make();
		drafts.set(key, draft);
	}
	if (draft.members[draft.members.length - 1] !== note) draft.members.push(note);
}
