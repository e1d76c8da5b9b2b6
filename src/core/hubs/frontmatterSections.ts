/** Sections from the value of one frontmatter key (`status: reading`, `project: "[[Atlas]]"`, or a list of them). */
import type { NoteInfo } from "../vault/noteInfo";
import { addMember, restSection, type Grouping, type SectionDraft } from "./sectionDraft";

const WIKI = /^\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]$/;

function values(note: NoteInfo, key: string): string[] {
	const value = note.frontmatter[key];
	const list = Array.isArray(value) ? (value as unknown[]) : [value];
	return list
		.filter((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
		.map((v) => String(v).trim())
		.filter((v) => v !== "");
}

/** Groups by the key's value; a wiki-link value becomes a linked heading. Notes without the key go last. */
export function frontmatterSections(key: string): Grouping {
	return ({ members }) => {
		const drafts = new Map<string, SectionDraft>();
		const rest: NoteInfo[] = [];
		for (const note of members) {
			const found = values(note, key);
			if (found.length === 0) rest.push(note);
			for (const value of new Set(found)) {
				const link = WIKI.exec(value);
				const target = link?.[1]?.trim();
				const heading = link === null ? value : (link[2]?.trim() ?? (target ?? value).split("/").pop() ?? value);
				// A link value is its own section, apart from plain text that happens to read the same.
				const key = link === null ? heading.toLowerCase() : `[[${(target ?? value).toLowerCase()}]]`;
				addMember(drafts, key, note, () => ({ key, heading, link: link === null ? null : value, declared: null, rank: null, members: [], rest: false }));
			}
		}
		const out = [...drafts.values()];
		if (rest.length > 0) out.push(restSection(rest));
		return out;
	};
}
