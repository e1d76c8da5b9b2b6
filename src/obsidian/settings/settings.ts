/** Plugin settings: one interface for every feature, stored with `saveData`. */
import { DEFAULT_CODE_PATTERN } from "../../core";

/** Every setting the plugin keeps. */
export interface AtlasSettings {
	/** Vault folder holding the scraped pages to import. */
	sourceFolder: string;
	/** Vault folder that receives the atlas ("" for the vault root). */
	atlasFolder: string;
	/** Episode code pattern (a regular expression source). */
	codePattern: string;
	/** Folder of episode notes, relative to the vault ("" means `<atlas folder>/Episodes`). */
	episodeFolder: string;
	/** What the small count beside a code counts. */
	citationCount: "notes" | "occurrences";
	/** Counts below this are not shown. */
	citationCountMinimum: number;
	/** Keep a generated "Cited by" section in episode notes. */
	citedBySection: boolean;
	/** Folder for hubs built with "Build topic hub" ("" means `<atlas folder>/Hubs`). */
	hubsFolder: string;
	/** Card order inside hub sections. */
	hubSort: "title" | "modified" | "citations";
	/** Rebuild hubs when their tagged notes change. */
	hubAutoUpdate: boolean;
	/** Folders whose notes never appear in hubs. */
	hubExcludeFolders: string[];
	/** Notes whose frontmatter has this key set to true never appear in hubs ("" for none). */
	hubExcludeKey: string;
	/** Show every other note linking into the atlas in the graph, not only atlas notes. */
	graphIncludeOtherNotes: boolean;
}

/** Defaults for a new install. */
export const DEFAULT_SETTINGS: AtlasSettings = {
	sourceFolder: "Sources",
	atlasFolder: "Research Atlas",
	codePattern: DEFAULT_CODE_PATTERN,
	episodeFolder: "",
	citationCount: "notes",
	citationCountMinimum: 1,
	citedBySection: false,
	hubsFolder: "",
	hubSort: "title",
	hubAutoUpdate: false,
	hubExcludeFolders: [],
	hubExcludeKey: "atlas_exclude",
	graphIncludeOtherNotes: false,
};

/** Merges stored data over the defaults, ignoring unknown keys and values of the wrong type. */
export function mergeSettings(stored: unknown): AtlasSettings {
	const result: AtlasSettings = { ...DEFAULT_SETTINGS, hubExcludeFolders: [...DEFAULT_SETTINGS.hubExcludeFolders] };
	if (stored === null || typeof stored !== "object") return result;
	const record = stored as Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof AtlasSettings)[]) {
		const value = record[key];
		const fallback = DEFAULT_SETTINGS[key];
		if (value === undefined || typeof value !== typeof fallback || Array.isArray(value) !== Array.isArray(fallback)) continue;
		(result as unknown as Record<string, unknown>)[key] = value;
	}
	return result;
}
