/**
 * What a hub is built from, as recorded in the hub note's frontmatter: the tag, how sections are formed, card and
 * section order, exclusions and the freeze switch. The plugin's settings supply what a hub does not say.
 */
import type { NoteInfo } from "../vault/noteInfo";

/** How tagged notes are grouped into sections. */
export type SectionMode = { kind: "nested" } | { kind: "frontmatter"; key: string } | { kind: "subtopic" } | { kind: "auto" };

/** Card order inside a section. */
export type HubSort = "title" | "modified" | "citations";

/** Section order: the default (section notes' `order`, then by name), by name, by size, or named sections first. */
export type SectionOrder = "default" | "title" | "size" | string[];

/** Frontmatter keys a hub note may carry. */
export const HUB_KEYS = {
	tag: "hub_tag",
	sections: "sections_from",
	sort: "hub_sort",
	sectionOrder: "hub_section_order",
	frozen: "hub_frozen",
	excludeFolders: "hub_exclude_folders",
	declaredNotes: "declared_notes",
	declaredSections: "declared_sections",
} as const;

/** Everything needed to build one hub. */
export interface HubSpec {
	/** The tag (without `#`) whose notes, nested tags included, the hub gathers. */
	tag: string;
	sections: SectionMode;
	sort: HubSort;
	sectionOrder: SectionOrder;
	/** A frozen hub is never regenerated. */
	frozen: boolean;
	/** Notes in these folders (and below) never appear. */
	excludeFolders: string[];
	/** Notes whose frontmatter sets this key to true never appear ("" for none). */
	excludeKey: string;
	/** Counts a scraped page declared (the importer records them), shown as "14 of 25" while fewer are listed. */
	declaredNotes: number | null;
	declaredSections: number | null;
}

/** What the settings supply to every hub. */
export interface HubDefaults {
	sort: HubSort;
	excludeFolders: string[];
	excludeKey: string;
}

/** Reads `nested`, `frontmatter:KEY`, `subtopic` or `auto`; null for anything else. */
export function parseSectionMode(text: string): SectionMode | null {
	const value = text.trim();
	if (value === "nested" || value === "subtopic" || value === "auto") return { kind: value };
	const m = /^frontmatter:\s*(\S.*)$/.exec(value);
	return m?.[1] === undefined ? null : { kind: "frontmatter", key: m[1].trim() };
}

/** The frontmatter form of a section mode (the inverse of `parseSectionMode`). */
export function formatSectionMode(mode: SectionMode): string {
	return mode.kind === "frontmatter" ? `frontmatter:${mode.key}` : mode.kind;
}

/** True for the card orders a hub may ask for. */
export function isHubSort(value: unknown): value is HubSort {
	return value === "title" || value === "modified" || value === "citations";
}

function stringList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
	return list.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}

function count(value: unknown): number | null {
	return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

function sectionOrderOf(value: unknown): SectionOrder {
	if (value === "title" || value === "size" || value === "default") return value;
	const list = stringList(value);
	return list.length > 0 ? list : "default";
}

/** The hub's tag, or null when the note is not a hub (no `hub_tag`). */
export function hubTagOf(note: NoteInfo): string | null {
	const tag = note.frontmatter[HUB_KEYS.tag];
	if (typeof tag !== "string") return null;
	const clean = tag.trim().replace(/^#/, "");
	return clean === "" ? null : clean;
}

/** The spec a hub note records, with the settings' defaults where it says nothing; null when it is not a hub. */
export function readHubSpec(note: NoteInfo, defaults: HubDefaults): HubSpec | null {
	const tag = hubTagOf(note);
	if (tag === null) return null;
	const fm = note.frontmatter;
	const sections = typeof fm[HUB_KEYS.sections] === "string" ? parseSectionMode(fm[HUB_KEYS.sections] as string) : null;
	const sort = fm[HUB_KEYS.sort];
	return {
		tag,
		sections: sections ?? { kind: "nested" },
		sort: isHubSort(sort) ? sort : defaults.sort,
		sectionOrder: sectionOrderOf(fm[HUB_KEYS.sectionOrder]),
		frozen: fm[HUB_KEYS.frozen] === true,
		excludeFolders: [...defaults.excludeFolders, ...stringList(fm[HUB_KEYS.excludeFolders])],
		excludeKey: defaults.excludeKey,
		declaredNotes: count(fm[HUB_KEYS.declaredNotes]),
		declaredSections: count(fm[HUB_KEYS.declaredSections]),
	};
}

/** What a new hub may set for itself rather than take from the settings. */
export interface HubChoices {
	sort?: HubSort;
	sectionOrder?: SectionOrder;
}

/** A spec for a new hub. */
export function newHubSpec(tag: string, sections: SectionMode, defaults: HubDefaults, choices: HubChoices = {}): HubSpec {
	return {
		tag: tag.trim().replace(/^#/, ""),
		sections,
		sort: choices.sort ?? defaults.sort,
		sectionOrder: choices.sectionOrder ?? "default",
		frozen: false,
		excludeFolders: [...defaults.excludeFolders],
		excludeKey: defaults.excludeKey,
		declaredNotes: null,
		declaredSections: null,
	};
}
