/**
 * NoteInfo: one note as the graph, the hubs and the related-notes ranking see it. Inside Obsidian it comes from
 * `metadataCache`; in the CLI and tests from `notesFromFiles`, which reads the same facts from the Markdown itself.
 */
import { noteBaseName, withoutMd } from "../atlas/paths";
import { splitFrontmatter } from "../markdown/frontmatter";
import type { YamlPort } from "../markdown/yaml";

/** What is known about a note without reading it again. */
export interface NoteInfo {
	/** Vault-relative path, ending in `.md`. */
	path: string;
	/** The file's base name (what Obsidian shows as its title). */
	basename: string;
	frontmatter: Record<string, unknown>;
	/** Tags without `#`, from frontmatter and body, as written. */
	tags: string[];
	/** Resolved targets (vault paths) of the note's wiki links and frontmatter links, in order, repeated as they occur. */
	links: string[];
	/** Wiki links that resolved to no file, as written (without `[[ ]]`, alias or heading). */
	unresolved: string[];
	/** Modification time in ms (0 when unknown). */
	mtime: number;
}

/** A file as read from disk or memory. */
export interface RawNote {
	path: string;
	content: string;
	mtime?: number;
}

const WIKI_LINK = /!?\[\[([^\]|#^\n]+)(?:[#^][^\]|\n]*)?(?:\|[^\]\n]*)?\]\]/g;
const BODY_TAG = /(?:^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

function frontmatterTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
	return list.filter((t): t is string => typeof t === "string" && t !== "").map((t) => t.replace(/^#/, ""));
}

function stripCode(body: string): string {
	return body.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Resolves link text the way Obsidian does for the common cases: exact path, then unique-by-base-name, case-insensitive. */
export class LinkResolver {
	private readonly byPath = new Map<string, string>();
	private readonly byBase = new Map<string, string[]>();

	constructor(paths: Iterable<string>) {
		for (const path of paths) this.add(path);
	}

	/** Registers a path (e.g. after a file is created). */
	add(path: string): void {
		this.byPath.set(withoutMd(path.toLowerCase()), path);
		const key = noteBaseName(path).toLowerCase();
		const list = this.byBase.get(key);
		if (list === undefined) this.byBase.set(key, [path]);
		else if (!list.includes(path)) list.push(path);
	}

	/** The path a link text points at, or null. Among equal base names the shortest path wins, as in Obsidian. */
	resolve(linktext: string): string | null {
		const key = withoutMd(linktext.trim().toLowerCase());
		const exact = this.byPath.get(key);
		if (exact !== undefined) return exact;
		if (key.includes("/")) {
			const suffix = [...this.byPath.entries()].find(([p]) => p.endsWith(`/${key}`));
			return suffix?.[1] ?? null;
		}
		const candidates = this.byBase.get(key);
		if (candidates === undefined || candidates.length === 0) return null;
		return [...candidates].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? null;
	}
}

/** Builds NoteInfo for every Markdown file, resolving links among them. */
export function notesFromFiles(files: RawNote[], yaml: YamlPort): NoteInfo[] {
	const markdown = files.filter((f) => f.path.endsWith(".md"));
	const resolver = new LinkResolver(files.map((f) => f.path));
	return markdown.map((file) => {
		const { yaml: text, body } = splitFrontmatter(file.content);
		let frontmatter: Record<string, unknown> = {};
		if (text !== null) {
			try {
				const parsed = yaml.parse(text);
				if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) frontmatter = parsed as Record<string, unknown>;
			} catch {
				frontmatter = {};
			}
		}
		const plain = stripCode(body);
		const tags = [...frontmatterTags(frontmatter.tags ?? frontmatter.tag)];
		for (const m of plain.matchAll(BODY_TAG)) if (m[1] !== undefined) tags.push(m[1]);
		const links: string[] = [];
		const unresolved: string[] = [];
		const linkSources = [plain, ...Object.values(frontmatter).flatMap((v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v])).filter((v): v is string => typeof v === "string")];
		for (const source of linkSources) {
			for (const m of source.matchAll(WIKI_LINK)) {
				const target = m[1]?.trim() ?? "";
				const resolved = resolver.resolve(target);
				if (resolved === null) unresolved.push(target);
				else links.push(resolved);
			}
		}
		return { path: file.path, basename: noteBaseName(file.path), frontmatter, tags, links, unresolved, mtime: file.mtime ?? 0 };
	});
}
