/**
 * Which frontmatter properties the importer owns. Everything else in a note's frontmatter (keys the user added in
 * the Properties panel, their own tags and aliases) belongs to the user and is kept on every re-import.
 */
import { hashText } from "../text/hash";

/** Every key the importer writes (the fingerprint key aside); a test checks the generated notes use no other. */
export const OWNED_KEYS: readonly string[] = [
	"aliases",
	"atlas_id",
	"citations",
	"cited_in",
	"cluster",
	"clusters",
	"code",
	"declared_episodes",
	"declared_notes",
	"declared_papers",
	"declared_sections",
	"declared_subtopics",
	"description",
	"episodes",
	"gaps",
	"hub",
	"hub_tag",
	"hubs",
	"listed_episodes",
	"listed_notes",
	"listed_sections",
	"listed_subtopics",
	"order",
	"sections",
	"sections_from",
	"slug",
	"sources",
	"stub",
	"subtopic",
	"subtopics",
	"tags",
	"title",
	"title_derived",
	"type",
];

const OWNED = new Set(OWNED_KEYS);

/** True for a tag in the importer's namespaces (`atlas/…`, `cluster/…`, `hub/…`). */
export function isOwnedTag(tag: string): boolean {
	return /^#?(?:atlas|cluster|hub)\//.test(tag);
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? (value as unknown[]) : value === undefined || value === null ? [] : [value];
}

/** The importer's share of a list property: its tags, or the alias that is the note's title. */
function ownedEntries(key: string, value: unknown, frontmatter: Record<string, unknown>): unknown {
	if (key === "tags") return list(value).filter((t) => typeof t === "string" && isOwnedTag(t));
	if (key === "aliases") return list(value).filter((a) => a === frontmatter.title);
	return value;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** The owned properties of a frontmatter object, in key order, as [key, value] pairs (empty values left out). */
export function ownedView(frontmatter: Record<string, unknown>): [string, unknown][] {
	const out: [string, unknown][] = [];
	for (const key of OWNED_KEYS) {
		if (!(key in frontmatter)) continue;
		const value = ownedEntries(key, frontmatter[key], frontmatter);
		if (!isEmpty(value)) out.push([key, value]);
	}
	return out;
}

/** A fingerprint of the owned properties: equal exactly when the importer's properties are as it wrote them. */
export function ownedHash(frontmatter: Record<string, unknown>): string {
	return hashText(JSON.stringify(ownedView(frontmatter)));
}

/** True when a key belongs to the importer. */
export function isOwnedKey(key: string): boolean {
	return OWNED.has(key);
}

/** A list property with the importer's entries from `generated` first, then the user's own entries from `current`. */
function mergedList(key: string, generated: unknown, current: unknown, currentFrontmatter: Record<string, unknown>): unknown[] {
	const owned = list(generated);
	const mine = ownedEntries(key, current, currentFrontmatter) as unknown[];
	const users = list(current).filter((v) => !mine.includes(v) && !owned.includes(v));
	return [...owned, ...users];
}

/**
 * The change that brings a note's owned properties to `generated` while keeping every user property: `set` (owned
 * keys with their new values; tags and aliases keep the user's own entries) and `remove` (owned keys no longer written).
 */
export function ownedChange(generated: Record<string, unknown>, current: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
	const set: Record<string, unknown> = {};
	const remove: string[] = [];
	for (const key of OWNED_KEYS) {
		const has = key in generated && !isEmpty(generated[key]);
		const value = key === "tags" || key === "aliases" ? mergedList(key, has ? generated[key] : [], current[key], current) : generated[key];
		if (has || !isEmpty(value)) set[key] = value;
		else if (key in current) remove.push(key);
	}
	return { set, remove };
}
