/** NoteInfo from what Obsidian already parsed (metadata cache and resolved links), never from the note's text. */
import { getAllTags, type App, type TFile } from "obsidian";
import type { NoteInfo } from "../../core";

/** The note as hubs and the related-notes ranking see it. */
export function noteInfoOf(app: App, file: TFile): NoteInfo {
	const cache = app.metadataCache.getFileCache(file);
	const tags = cache === null ? [] : (getAllTags(cache) ?? []).map((tag) => tag.replace(/^#/, ""));
	const resolved = app.metadataCache.resolvedLinks[file.path] ?? {};
	const links: string[] = [];
	for (const [target, count] of Object.entries(resolved)) for (let i = 0; i < count; i++) links.push(target);
	return {
		path: file.path,
		basename: file.basename,
		frontmatter: { ...(cache?.frontmatter ?? {}) },
		tags,
		links,
		unresolved: Object.keys(app.metadataCache.unresolvedLinks[file.path] ?? {}),
		mtime: file.stat.mtime,
	};
}
