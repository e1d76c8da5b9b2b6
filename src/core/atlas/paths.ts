/** File paths for notes: safe, unique even on case-insensitive file systems, stable across imports. */
import { safeBaseName } from "../text/fileName";
import type { ExistingNotes, NotePlace } from "./vaultModel";

/** Joins path segments the way Obsidian's `normalizePath` would, without leading or doubled slashes. */
export function joinPath(...segments: string[]): string {
	return segments
		.join("/")
		.replace(/\\/g, "/")
		.replace(/\/+/g, "/")
		.replace(/^\/|\/$/g, "");
}

/** A path without its `.md` extension (as a wiki link targets a note). */
export function withoutMd(path: string): string {
	return path.endsWith(".md") ? path.slice(0, -3) : path;
}

/** A note path's file name without `.md` (what a wiki link names it by). */
export function noteBaseName(path: string): string {
	return withoutMd(path.slice(path.lastIndexOf("/") + 1));
}

/** An empty, `.` or `..` segment (a leading `/` makes an empty first one). */
const UNSAFE_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** True when `path` is inside `root` (or root is the whole vault) and climbs nowhere. */
export function isInside(root: string, path: string): boolean {
	if (UNSAFE_SEGMENT.test(path) || /^[a-z]:/i.test(path)) return false;
	return root === "" || path.startsWith(`${root}/`);
}

/**
 * Assigns each note a path: the one it already has (matched by id) if any; else folder/base name when that is free or
 * holds a generated note without an id (matched by path); else with ` (2)`, ` (3)`… added where another note or file
 * already holds the name, compared case-insensitively.
 */
export function assignPaths(places: NotePlace[], root: string, existing: ExistingNotes): Map<string, string> {
	const taken = new Set(existing.paths.map((p) => p.toLowerCase()));
	const result = new Map<string, string>();
	const fresh: NotePlace[] = [];
	for (const place of places) {
		const current = existing.byId.get(place.id);
		if (current !== undefined && isInside(root, current) && !result.has(place.id)) result.set(place.id, current);
		else fresh.push(place);
	}
	const owned = new Set([...result.values()].map((p) => p.toLowerCase()));
	// Thousands of notes share a few folders: each folder's path is made once.
	const folders = new Map<string, string>();
	for (const place of fresh) {
		let folder = folders.get(place.folder);
		if (folder === undefined) {
			folder = joinPath(root, ...place.folder.split("/").filter((s) => s !== "").map(safeBaseName));
			folders.set(place.folder, folder);
		}
		const base = safeBaseName(place.baseName);
		for (let n = 1; ; n++) {
			// What joinPath would make: the folder is already joined, and a safe base name holds no slash.
			const name = `${n === 1 ? base : `${base} (${n})`}.md`;
			const candidate = folder === "" ? name : `${folder}/${name}`;
			const key = candidate.toLowerCase();
			// Matched by path: a generated note that lost its id is the same note, not a name to avoid.
			const sameNote = n === 1 && existing.withoutId?.has(candidate) === true;
			if ((sameNote || !taken.has(key)) && !owned.has(key)) {
				owned.add(key);
				result.set(place.id, candidate);
				break;
			}
		}
	}
	return result;
}
