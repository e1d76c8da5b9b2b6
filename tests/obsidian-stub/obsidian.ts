// In-memory stand-in for the `obsidian` module (types-only on npm). Jest maps `obsidian` here at runtime;
// `tsc` still type-checks src/ against the real declarations. This file is itself checked against them:
// classes that are fully stubbed `implements` the real class; partly stubbed ones carry a `Conforms`
// assertion over the members they provide (see README.md). Tests reach stub-only helpers (recorded
// commands, notices, `unloadForTest`) by importing this file directly; it is the same module instance.
import type * as Real from "obsidian";
import { StateField } from "@codemirror/state";
import { dump, load } from "js-yaml";
import { installDomHelpers } from "./dom";

installDomHelpers();

// ---------------------------------------------------------------------------------------------
// Conformance helpers (compile time only)

/** Fails to compile unless each listed member exists on the real type and the stub's is assignable to it. */
export type Conforms<S extends Pick<R, K>, R, K extends keyof R> = [S, R, K];
/** Fails to compile unless each listed member exists on the real type (used where the member's type
 * mentions a partly stubbed class, so full assignability cannot hold). */
export type Named<R, K extends keyof R> = [R, K];

function requireDocument(what: string): Document {
	if (typeof document === "undefined") {
		throw new Error(`obsidian stub: ${what} needs a DOM; add the docblock \`@jest-environment jsdom\` to the test file`);
	}
	return document;
}

function div(what: string, cls?: string): HTMLDivElement {
	const el = requireDocument(what).createElement("div");
	if (cls) el.className = cls;
	return el;
}

// ---------------------------------------------------------------------------------------------
// Events

type Callback = (...data: never[]) => unknown;

class StubEventRef implements Real.EventRef {
	constructor(
		readonly events: Events,
		readonly name: string,
		readonly callback: Callback,
		readonly ctx: unknown,
	) {}
}

export class Events implements Real.Events {
	#handlers = new Map<string, StubEventRef[]>();

	on(name: string, callback: Callback, ctx?: unknown): Real.EventRef {
		const ref = new StubEventRef(this, name, callback, ctx);
		const list = this.#handlers.get(name) ?? [];
		list.push(ref);
		this.#handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: Callback): void {
		const list = this.#handlers.get(name);
		if (list) this.#handlers.set(name, list.filter((ref) => ref.callback !== callback));
	}

	offref(ref: Real.EventRef): void {
		if (!(ref instanceof StubEventRef)) return;
		const list = this.#handlers.get(ref.name);
		if (list) this.#handlers.set(ref.name, list.filter((r) => r !== ref));
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.#handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: Real.EventRef, args: unknown[]): void {
		if (!(evt instanceof StubEventRef)) return;
		try {
			(evt.callback as (...data: unknown[]) => unknown).apply(evt.ctx, args);
		} catch (error) {
			console.error(error);
		}
	}

	/** Stub helper: how many handlers listen to `name`. */
	listenerCount(name: string): number {
		return this.#handlers.get(name)?.length ?? 0;
	}
}

// ---------------------------------------------------------------------------------------------
// Paths and files

/** Obsidian's normalizePath: one forward slash between parts, no leading/trailing slash, "/" for
 * the root, non-breaking spaces become spaces, Unicode NFC. */
export function normalizePath(path: string): string {
	let out = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (out === "") out = "/";
	return out.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

function parentPath(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "/" : path.slice(0, i);
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

export abstract class TAbstractFile implements Real.TAbstractFile {
	vault: Vault;
	path: string;
	name: string;
	parent: TFolder | null = null;

	constructor(vault: Vault, path: string) {
		this.vault = vault;
		this.path = path;
		this.name = path === "/" ? "" : baseName(path);
	}

	/** Stub internal: keep derived names in step with `path`. */
	setPath(path: string): void {
		this.path = path;
		this.name = path === "/" ? "" : baseName(path);
	}
}

export class TFile extends TAbstractFile implements Real.TFile {
	stat: Real.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";

	constructor(vault: Vault, path: string) {
		super(vault, path);
		this.setPath(path);
	}

	override setPath(path: string): void {
		super.setPath(path);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

export class TFolder extends TAbstractFile implements Real.TFolder {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

// ---------------------------------------------------------------------------------------------
// Vault

/** In-memory vault. Writes fire events synchronously; `stat.mtime` moves only when content is written. */
export class Vault extends Events implements Real.Vault {
	configDir = ".obsidian";
	#root: TFolder;
	#nodes = new Map<string, TAbstractFile>();
	#content = new Map<string, string>();
	#clock = 1_700_000_000_000;
	#binary = new Map<string, Uint8Array>();
	// Files by lower-cased name, so that links resolve by name without a scan of the vault.
	#byName = new Map<string, Set<TFile>>();

	constructor() {
		super();
		this.#root = new TFolder(this, "/");
		this.#nodes.set("/", this.#root);
	}

	/** Not stubbed: code under test should not reach the adapter. */
	get adapter(): Real.DataAdapter {
		throw new Error("obsidian stub: Vault.adapter is not available; use the Vault API");
	}

	/** Stub helper: adds files without firing events (the state at app start-up). */
	seed(files: Record<string, string>): void {
		for (const [path, data] of Object.entries(files)) {
			const normalized = normalizePath(path);
			this.#ensureFolders(parentPath(normalized), false);
			this.#addFile(normalized, data);
		}
	}

	/** Stub helper: adds binary files without firing events; `read` gives their bytes decoded leniently, as Obsidian does. */
	seedBinary(files: Record<string, Uint8Array>): void {
		for (const [path, bytes] of Object.entries(files)) {
			const normalized = normalizePath(path);
			this.#ensureFolders(parentPath(normalized), false);
			this.#addFile(normalized, new TextDecoder("utf-8", { fatal: false }).decode(bytes));
			this.#binary.set(normalized, bytes.slice());
		}
	}

	/** Stub helper: the files whose name (the path's last segment), lower-cased, is `name`. */
	filesNamed(name: string): TFile[] {
		return [...(this.#byName.get(name) ?? [])];
	}

	#indexName(file: TFile, add: boolean): void {
		const key = baseName(file.path).toLowerCase();
		const files = this.#byName.get(key) ?? new Set<TFile>();
		if (add) files.add(file);
		else files.delete(file);
		if (files.size === 0) this.#byName.delete(key);
		else this.#byName.set(key, files);
	}

	/** Stub helper: a map of every file's content, for assertions. */
	snapshot(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const path of [...this.#content.keys()].sort()) out[path] = this.#content.get(path) ?? "";
		return out;
	}

	#tick(): number {
		this.#clock = Math.max(this.#clock + 1, Date.now());
		return this.#clock;
	}

	#addFile(path: string, data: string, options?: Real.DataWriteOptions): TFile {
		const parent = this.getFolderByPath(parentPath(path));
		if (!parent) throw new Error(`Folder does not exist: ${parentPath(path)}`);
		const file = new TFile(this, path);
		const now = this.#tick();
		file.stat = { ctime: options?.ctime ?? now, mtime: options?.mtime ?? now, size: data.length };
		file.parent = parent;
		parent.children.push(file);
		this.#nodes.set(path, file);
		this.#indexName(file, true);
		this.#content.set(path, data);
		return file;
	}

	#ensureFolders(path: string, fire: boolean): TFolder {
		if (path === "/" || path === "") return this.#root;
		const existing = this.#nodes.get(path);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`A file is in the way of folder ${path}`);
		const parent = this.#ensureFolders(parentPath(path), fire);
		const folder = new TFolder(this, path);
		folder.parent = parent;
		parent.children.push(folder);
		this.#nodes.set(path, folder);
		if (fire) this.trigger("create", folder);
		return folder;
	}

	#write(file: TFile, data: string, options?: Real.DataWriteOptions): void {
		if (this.#nodes.get(file.path) !== file) throw new Error(`File does not exist: ${file.path}`);
		this.#content.set(file.path, data);
		this.#binary.delete(file.path);
		file.stat = { ...file.stat, mtime: options?.mtime ?? this.#tick(), size: data.length };
		this.trigger("modify", file);
	}

	getName(): string {
		return "memory-vault";
	}

	getFileByPath(path: string): TFile | null {
		const node = this.#nodes.get(normalizePath(path));
		return node instanceof TFile ? node : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const node = this.#nodes.get(normalizePath(path));
		return node instanceof TFolder ? node : null;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.#nodes.get(normalizePath(path)) ?? null;
	}

	getRoot(): TFolder {
		return this.#root;
	}

	create(path: string, data: string, options?: Real.DataWriteOptions): Promise<TFile> {
		const normalized = normalizePath(path);
		if (this.#nodes.has(normalized)) return Promise.reject(new Error("File already exists."));
		try {
			const file = this.#addFile(normalized, data, options);
			this.trigger("create", file);
			return Promise.resolve(file);
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	createBinary(): Promise<TFile> {
		return Promise.reject(new Error("obsidian stub: binary files are not supported"));
	}

	createFolder(path: string): Promise<TFolder> {
		const normalized = normalizePath(path);
		if (this.#nodes.has(normalized)) return Promise.reject(new Error("Folder already exists."));
		return Promise.resolve(this.#ensureFolders(normalized, true));
	}

	read(file: TFile): Promise<string> {
		const data = this.#content.get(file.path);
		if (data === undefined) return Promise.reject(new Error(`File does not exist: ${file.path}`));
		return Promise.resolve(data);
	}

	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	/** The bytes of a file seeded with `seedBinary`, or a text file's UTF-8 bytes. */
	readBinary(file: TFile): Promise<ArrayBuffer> {
		const data = this.#content.get(file.path);
		if (data === undefined) return Promise.reject(new Error(`File does not exist: ${file.path}`));
		const bytes = this.#binary.get(file.path) ?? new TextEncoder().encode(data);
		const copy = new ArrayBuffer(bytes.byteLength);
		new Uint8Array(copy).set(bytes);
		return Promise.resolve(copy);
	}

	getResourcePath(file: TFile): string {
		return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
	}

	delete(file: TAbstractFile, force?: boolean): Promise<void> {
		if (this.#nodes.get(file.path) !== file) return Promise.reject(new Error(`File does not exist: ${file.path}`));
		if (file instanceof TFolder && file.children.length > 0 && !force) {
			return Promise.reject(new Error(`Folder is not empty: ${file.path}`));
		}
		this.#remove(file);
		return Promise.resolve();
	}

	#remove(file: TAbstractFile): void {
		if (file instanceof TFolder) for (const child of [...file.children]) this.#remove(child);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.#nodes.delete(file.path);
		if (file instanceof TFile) this.#indexName(file, false);
		this.#content.delete(file.path);
		this.#binary.delete(file.path);
		this.trigger("delete", file);
	}

	trash(file: TAbstractFile): Promise<void> {
		return this.delete(file, true);
	}

	rename(file: TAbstractFile, newPath: string): Promise<void> {
		const target = normalizePath(newPath);
		if (this.#nodes.get(file.path) !== file) return Promise.reject(new Error(`File does not exist: ${file.path}`));
		if (this.#nodes.has(target)) return Promise.reject(new Error("Destination file already exists!"));
		const newParent = this.getFolderByPath(parentPath(target));
		if (!newParent) return Promise.reject(new Error(`Folder does not exist: ${parentPath(target)}`));
		const moved: Array<[TAbstractFile, string]> = [];
		const move = (node: TAbstractFile, to: string): void => {
			const from = node.path;
			const data = this.#content.get(from);
			this.#nodes.delete(from);
			this.#content.delete(from);
			if (node instanceof TFile) this.#indexName(node, false);
			node.setPath(to);
			if (node instanceof TFile) this.#indexName(node, true);
			this.#nodes.set(to, node);
			if (data !== undefined) this.#content.set(to, data);
			const bytes = this.#binary.get(from);
			if (bytes !== undefined) {
				this.#binary.delete(from);
				this.#binary.set(to, bytes);
			}
			moved.push([node, from]);
			if (node instanceof TFolder) for (const child of node.children) move(child, `${to}/${child.name}`);
		};
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		move(file, target);
		file.parent = newParent;
		newParent.children.push(file);
		for (const [node, oldPath] of moved) this.trigger("rename", node, oldPath);
		return Promise.resolve();
	}

	modify(file: TFile, data: string, options?: Real.DataWriteOptions): Promise<void> {
		try {
			this.#write(file, data, options);
			return Promise.resolve();
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	modifyBinary(): Promise<void> {
		return Promise.reject(new Error("obsidian stub: binary files are not supported"));
	}

	async append(file: TFile, data: string, options?: Real.DataWriteOptions): Promise<void> {
		const current = await this.read(file);
		this.#write(file, current + data, options);
	}

	appendBinary(): Promise<void> {
		return Promise.reject(new Error("obsidian stub: binary files are not supported"));
	}

	/** Atomic read-modify-write; nothing is written (no event, same mtime) when `fn` returns the same text. */
	async process(file: TFile, fn: (data: string) => string, options?: Real.DataWriteOptions): Promise<string> {
		const current = await this.read(file);
		const next = fn(current);
		if (next !== current) this.#write(file, next, options);
		return next;
	}

	async copy<T extends Real.TAbstractFile>(file: T, newPath: string): Promise<T> {
		if (!(file instanceof TFile)) throw new Error("obsidian stub: only files can be copied");
		const created = await this.create(newPath, await this.read(file));
		return created as unknown as T;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.#nodes.values()];
	}

	getAllFolders(includeRoot?: boolean): TFolder[] {
		return [...this.#nodes.values()].filter((n): n is TFolder => n instanceof TFolder && (includeRoot || !n.isRoot()));
	}

	static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
		cb(root);
		for (const child of root.children) {
			if (child instanceof TFolder) Vault.recurseChildren(child, cb);
			else cb(child);
		}
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getFiles(): TFile[] {
		return [...this.#nodes.values()].filter((n): n is TFile => n instanceof TFile);
	}

	override on(name: "create" | "modify" | "delete", callback: (file: TAbstractFile) => unknown, ctx?: unknown): Real.EventRef;
	override on(name: "rename", callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): Real.EventRef;
	override on(name: string, callback: Callback, ctx?: unknown): Real.EventRef;
	override on(name: string, callback: Callback, ctx?: unknown): Real.EventRef {
		return super.on(name, callback, ctx);
	}
}

// ---------------------------------------------------------------------------------------------
// YAML, frontmatter, metadata

export function parseYaml(yaml: string): unknown {
	return load(yaml);
}

export function stringifyYaml(obj: unknown): string {
	return dump(obj, { lineWidth: -1 });
}

interface Frontmatter {
	data: Record<string, unknown> | null;
	yaml: string;
	/** Offset where the body starts. */
	end: number;
	endLine: number;
}

function splitFrontmatter(text: string): Frontmatter | null {
	if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) return null;
	const close = /^---[ \t]*$/m;
	const startOfYaml = text.indexOf("\n") + 1;
	const rest = text.slice(startOfYaml);
	const match = close.exec(rest);
	if (!match) return null;
	const yaml = rest.slice(0, match.index);
	const end = startOfYaml + match.index + match[0].length;
	let data: Record<string, unknown> | null = null;
	try {
		const parsed: unknown = load(yaml);
		data = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
	} catch {
		data = null;
	}
	return { data, yaml, end, endLine: text.slice(0, end).split("\n").length - 1 };
}

function stringList(value: unknown): string[] {
	if (typeof value === "string") return value.split(/[,\s]+/).filter((s) => s.length > 0);
	if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
	return [];
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
	if (frontmatter === null || typeof frontmatter !== "object") return null;
	const fm = frontmatter as Record<string, unknown>;
	const tags = [...stringList(fm.tags), ...stringList(fm.tag)].map((t) => (t.startsWith("#") ? t : `#${t}`));
	return tags.length > 0 ? tags : null;
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
	if (frontmatter === null || typeof frontmatter !== "object") return null;
	const fm = frontmatter as Record<string, unknown>;
	const aliases = [...stringList(fm.aliases), ...stringList(fm.alias)];
	return aliases.length > 0 ? aliases : null;
}

export function getAllTags(cache: Real.CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
	return tags;
}

export function getLinkpath(linktext: string): string {
	const i = linktext.search(/[#^]/);
	return i < 0 ? linktext : linktext.slice(0, i);
}

function loc(text: string, offset: number, lineStarts: number[]): Real.Loc {
	let line = 0;
	while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
	return { line, col: offset - (lineStarts[line] ?? 0), offset };
}

/** Parses Markdown into the subset of CachedMetadata that plugins usually read. */
export function parseMetadata(text: string): Real.CachedMetadata {
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
	const pos = (start: number, end: number): Real.Pos => ({ start: loc(text, start, lineStarts), end: loc(text, end, lineStarts) });

	const cache: Real.CachedMetadata = {};
	const sections: Real.SectionCache[] = [];
	const fm = splitFrontmatter(text);
	let bodyStart = 0;
	if (fm) {
		if (fm.data) cache.frontmatter = fm.data;
		cache.frontmatterPosition = pos(0, fm.end);
		sections.push({ type: "yaml", position: pos(0, fm.end) });
		bodyStart = fm.end;
	}

	const links: Real.LinkCache[] = [];
	const embeds: Real.EmbedCache[] = [];
	const tags: Real.TagCache[] = [];
	const headings: Real.HeadingCache[] = [];
	const blocks: Record<string, Real.BlockCache> = {};

	let fence: string | null = null;
	let section: { type: string; start: number; end: number } | null = null;
	const closeSection = (): void => {
		if (!section) return;
		const item: Real.SectionCache = { type: section.type, position: pos(section.start, section.end) };
		const lastLine = text.slice(section.start, section.end).split("\n").pop() ?? "";
		const block = /\s\^([A-Za-z0-9-]+)$/.exec(lastLine) ?? /^\^([A-Za-z0-9-]+)$/.exec(lastLine);
		if (block?.[1] && section.type !== "code") {
			item.id = block[1];
			blocks[block[1]] = { id: block[1], position: item.position };
		}
		sections.push(item);
		section = null;
	};

	let offset = bodyStart;
	if (text[offset] === "\n") offset++;
	while (offset < text.length) {
		const nl = text.indexOf("\n", offset);
		const lineEnd = nl < 0 ? text.length : nl;
		const line = text.slice(offset, lineEnd).replace(/\r$/, "");
		const trimmed = line.trim();

		if (fence !== null) {
			if (section) section.end = offset + line.length;
			if (trimmed.startsWith(fence)) {
				fence = null;
				closeSection();
			}
		} else if (/^(```|~~~)/.test(trimmed)) {
			closeSection();
			fence = trimmed.slice(0, 3);
			section = { type: "code", start: offset, end: offset + line.length };
		} else if (trimmed === "") {
			closeSection();
		} else {
			const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
			const type = heading
				? "heading"
				: /^(\s*[-*+]|\s*\d+[.)])\s/.test(line)
					? "list"
					: /^>\s?\[!/.test(line)
						? "callout"
						: line.startsWith(">")
							? "blockquote"
							: /^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/.test(trimmed)
								? "thematicBreak"
								: line.startsWith("|")
									? "table"
									: "paragraph";
			if (heading?.[1] && heading[2] !== undefined) {
				headings.push({ heading: heading[2], level: heading[1].length, position: pos(offset, offset + line.length) });
			}
			if (!section || heading || section.type === "heading" || (section.type !== type && !(section.type === "callout" && type === "blockquote"))) {
				closeSection();
				section = { type, start: offset, end: offset + line.length };
			} else section.end = offset + line.length;
			if (type !== "thematicBreak") scanInline(line, offset);
		}
		offset = lineEnd + 1;
	}
	closeSection();

	function scanInline(line: string, lineOffset: number): void {
		const masked = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		for (const m of masked.matchAll(/(!?)\[\[([^\]]+?)\]\]/g)) {
			const inner = m[2] ?? "";
			const bar = inner.indexOf("|");
			const link = (bar < 0 ? inner : inner.slice(0, bar)).trim();
			const displayText = bar < 0 ? link : inner.slice(bar + 1);
			const start = lineOffset + (m.index ?? 0);
			const ref = { link, original: m[0], displayText, position: pos(start, start + m[0].length) };
			(m[1] ? embeds : links).push(ref);
		}
		for (const m of masked.matchAll(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g)) {
			const target = m[3] ?? "";
			if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
			const start = lineOffset + (m.index ?? 0);
			let link = target;
			try {
				link = decodeURI(target);
			} catch {
				link = target;
			}
			const ref = { link, original: m[0], displayText: m[2] ?? "", position: pos(start, start + m[0].length) };
			(m[1] ? embeds : links).push(ref);
		}
		for (const m of masked.matchAll(/(^|\s)#([\p{L}\p{N}_/-]+)/gu)) {
			const name = m[2] ?? "";
			if (/^\d+$/.test(name)) continue;
			const start = lineOffset + (m.index ?? 0) + (m[1]?.length ?? 0);
			tags.push({ tag: `#${name}`, position: pos(start, start + name.length + 1) });
		}
	}

	if (links.length) cache.links = links;
	if (embeds.length) cache.embeds = embeds;
	if (tags.length) cache.tags = tags;
	if (headings.length) cache.headings = headings;
	if (sections.length) cache.sections = sections;
	if (Object.keys(blocks).length) cache.blocks = blocks;
	return cache;
}

/** A note's links and embeds: what resolves. */
function linksOf(cache: Real.CachedMetadata): Real.ReferenceCache[] {
	return [...(cache.links ?? []), ...(cache.embeds ?? [])];
}

export class MetadataCache extends Events implements Real.MetadataCache {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	// As in Obsidian, links resolve incrementally: a changed note's own links, and the links of notes that name a file
	// just created (resolving the whole vault after each of a long import's thousands of creates made the stand-in
	// quadratic); a delete or a rename resolves everything again. Which notes hold a link that could resolve to a file
	// of a given lower-cased name:
	#linkersByName = new Map<string, Set<string>>();
	#caches = new Map<string, Real.CachedMetadata>();

	constructor(readonly vault: Vault) {
		super();
		vault.on("create", (file) => {
			if (!(file instanceof TFile)) return;
			for (const path of this.#linkersByName.get(baseName(file.path).toLowerCase()) ?? []) this.#resolveNote(path);
			void this.#update(file);
		});
		vault.on("modify", (file) => {
			if (file instanceof TFile) void this.#update(file);
		});
		vault.on("delete", (file) => {
			if (!(file instanceof TFile)) return;
			const prev = this.#caches.get(file.path) ?? null;
			this.#setCache(file.path, null);
			this.#resolveAll();
			this.trigger("deleted", file, prev);
			this.trigger("resolved");
		});
		vault.on("rename", (file, oldPath) => {
			const cache = this.#caches.get(oldPath);
			if (cache && file instanceof TFile) {
				this.#setCache(oldPath, null);
				this.#setCache(file.path, cache);
			}
			this.#resolveAll();
			this.trigger("resolved");
		});
	}

	/** Stub helper: parses every Markdown file (as at start-up), then fires `resolved`. */
	async indexAll(): Promise<void> {
		for (const file of this.vault.getMarkdownFiles()) {
			this.#setCache(file.path, parseMetadata(await this.vault.read(file)));
		}
		this.#resolveAll();
		this.trigger("resolved");
	}

	/** Stub helper: parses synchronously from the given text (used by createApp). */
	indexText(file: TFile, text: string): void {
		this.#setCache(file.path, parseMetadata(text));
	}

	/** Stub helper: recompute resolvedLinks/unresolvedLinks and fire `resolved`. */
	resolveAll(): void {
		this.#resolveAll();
		this.trigger("resolved");
	}

	async #update(file: TFile): Promise<void> {
		if (file.extension !== "md") return;
		const data = await this.vault.read(file);
		const cache = parseMetadata(data);
		this.#setCache(file.path, cache);
		this.trigger("changed", file, data, cache);
		this.#resolveNote(file.path);
		this.trigger("resolve", file);
		this.trigger("resolved");
	}

	#resolveAll(): void {
		this.resolvedLinks = {};
		this.unresolvedLinks = {};
		for (const path of this.#caches.keys()) this.#resolveNote(path);
	}

	/** The lower-cased names of the files a link could resolve to (see getFirstLinkpathDest). */
	#targetNames(link: string): string[] {
		const target = getLinkpath(link).trim();
		if (target === "") return [];
		const name = baseName(target).toLowerCase();
		return [name, `${name}.md`];
	}

	#setCache(path: string, cache: Real.CachedMetadata | null): void {
		const old = this.#caches.get(path);
		for (const ref of old === undefined ? [] : linksOf(old)) {
			for (const name of this.#targetNames(ref.link)) this.#linkersByName.get(name)?.delete(path);
		}
		if (cache === null) {
			this.#caches.delete(path);
			return;
		}
		this.#caches.set(path, cache);
		for (const ref of linksOf(cache)) {
			for (const name of this.#targetNames(ref.link)) {
				const linkers = this.#linkersByName.get(name) ?? new Set<string>();
				linkers.add(path);
				this.#linkersByName.set(name, linkers);
			}
		}
	}

	#resolveNote(path: string): void {
		const cache = this.#caches.get(path);
		if (cache === undefined) {
			delete this.resolvedLinks[path];
			delete this.unresolvedLinks[path];
			return;
		}
		const resolved: Record<string, number> = {};
		const unresolved: Record<string, number> = {};
		for (const ref of linksOf(cache)) {
			const linkpath = getLinkpath(ref.link);
			if (linkpath === "") continue;
			const dest = this.getFirstLinkpathDest(linkpath, path);
			if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		}
		this.resolvedLinks[path] = resolved;
		this.unresolvedLinks[path] = unresolved;
	}

	/** Resolves by exact path, then path relative to the source's folder, then by name (same folder first, then shortest path). */
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const target = getLinkpath(linkpath).trim();
		if (target === "") return this.vault.getFileByPath(sourcePath);
		const candidates = /\.[A-Za-z0-9]+$/.test(target) ? [target, `${target}.md`] : [`${target}.md`, target];
		for (const c of candidates) {
			const exact = this.vault.getFileByPath(c);
			if (exact) return exact;
		}
		const folder = parentPath(sourcePath);
		if (folder !== "/") {
			for (const c of candidates) {
				const relative = this.vault.getFileByPath(`${folder}/${c}`);
				if (relative) return relative;
			}
		}
		const lower = candidates.map((c) => c.toLowerCase());
		const named = new Set(lower.flatMap((c) => this.vault.filesNamed(baseName(c))));
		const matches = [...named].filter((f) => lower.some((c) => f.path.toLowerCase() === c || f.path.toLowerCase().endsWith(`/${c}`)));
		if (matches.length === 0) return null;
		matches.sort((a, b) => {
			const sameA = parentPath(a.path) === folder ? 0 : 1;
			const sameB = parentPath(b.path) === folder ? 0 : 1;
			return sameA - sameB || a.path.length - b.path.length || a.path.localeCompare(b.path);
		});
		return matches[0] ?? null;
	}

	getFileCache(file: TFile): Real.CachedMetadata | null {
		return this.#caches.get(file.path) ?? null;
	}

	getCache(path: string): Real.CachedMetadata | null {
		return this.#caches.get(normalizePath(path)) ?? null;
	}

	fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
		const name = omitMdExtension && file.extension === "md" ? file.basename : file.name;
		const unique = this.vault.getFiles().filter((f) => f.name === file.name).length === 1;
		if (unique) return name;
		return omitMdExtension && file.extension === "md" ? file.path.slice(0, -3) : file.path;
	}

	override on(name: "changed", callback: (file: TFile, data: string, cache: Real.CachedMetadata) => unknown, ctx?: unknown): Real.EventRef;
	override on(name: "deleted", callback: (file: TFile, prevCache: Real.CachedMetadata | null) => unknown, ctx?: unknown): Real.EventRef;
	override on(name: "resolve", callback: (file: TFile) => unknown, ctx?: unknown): Real.EventRef;
	override on(name: "resolved", callback: () => unknown, ctx?: unknown): Real.EventRef;
	override on(name: string, callback: Callback, ctx?: unknown): Real.EventRef;
	override on(name: string, callback: Callback, ctx?: unknown): Real.EventRef {
		return super.on(name, callback, ctx);
	}
}

// ---------------------------------------------------------------------------------------------
// FileManager

export class FileManager implements Real.FileManager {
	constructor(
		readonly vault: Vault,
		readonly metadataCache: MetadataCache,
	) {}

	getNewFileParent(): TFolder {
		return this.vault.getRoot();
	}

	renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		return this.vault.rename(file, newPath);
	}

	async promptForDeletion(file: TAbstractFile): Promise<boolean> {
		await this.vault.delete(file, true);
		return true;
	}

	trashFile(file: TAbstractFile): Promise<void> {
		return this.vault.trash(file);
	}

	generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const text = this.metadataCache.fileToLinktext(file, sourcePath) + (subpath ?? "");
		return alias ? `[[${text}|${alias}]]` : `[[${text}]]`;
	}

	/** Parses the frontmatter, lets `fn` mutate it, writes it back (nothing is written when unchanged). */
	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: Real.DataWriteOptions): Promise<void> {
		await this.vault.process(
			file,
			(text) => {
				const fm = splitFrontmatter(text);
				if (fm && fm.data === null && fm.yaml.trim() !== "") throw new Error(`Invalid frontmatter in ${file.path}`);
				const data: Record<string, unknown> = fm?.data ?? {};
				fn(data);
				const body = fm ? text.slice(fm.end).replace(/^\r?\n/, "") : text;
				if (Object.keys(data).length === 0) return fm ? `---\n---\n${body}` : text;
				return `---\n${stringifyYaml(data)}---\n${body}`;
			},
			options,
		);
	}

	getAvailablePathForAttachment(filename: string): Promise<string> {
		return Promise.resolve(normalizePath(filename));
	}
}

// ---------------------------------------------------------------------------------------------
// Component, Plugin

export class Component implements Real.Component {
	#loaded = false;
	#children: Component[] = [];
	#cleanups: Array<() => unknown> = [];

	/** Stub helper: whether load() ran and unload() did not. */
	get isLoaded(): boolean {
		return this.#loaded;
	}

	load(): void {
		if (this.#loaded) return;
		this.#loaded = true;
		this.onload();
		for (const child of [...this.#children]) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this.#loaded) return;
		this.#loaded = false;
		for (const child of [...this.#children].reverse()) child.unload();
		this.#children = [];
		for (const cleanup of this.#cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Real.Component>(component: T): T {
		if (component instanceof Component) {
			this.#children.push(component);
			if (this.#loaded) component.load();
		}
		return component;
	}

	removeChild<T extends Real.Component>(component: T): T {
		if (component instanceof Component) {
			this.#children = this.#children.filter((c) => c !== component);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this.#cleanups.push(cb);
	}

	registerEvent(eventRef: Real.EventRef): void {
		this.register(() => {
			if (eventRef instanceof StubEventRef) eventRef.events.offref(eventRef);
		});
	}

	registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
	registerDomEvent(el: EventTarget, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback;
		el.addEventListener(type, listener, options);
		this.register(() => el.removeEventListener(type, listener, options));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}

	/** Stub helper: number of cleanups still registered. */
	get pendingCleanups(): number {
		return this.#cleanups.length;
	}
}

export interface RecordedProcessor {
	kind: "post" | "code-block";
	language?: string;
	handler: (...args: never[]) => unknown;
	sortOrder?: number;
}

export abstract class Plugin extends Component {
	app: App;
	manifest: Real.PluginManifest;
	settings?: unknown;
	/** Stub records, for assertions. */
	commands: Real.Command[] = [];
	ribbonIcons: Array<{ icon: string; title: string; el: HTMLElement; callback: (evt: MouseEvent) => unknown }> = [];
	settingTabs: PluginSettingTab[] = [];
	views = new Map<string, Real.ViewCreator>();
	processors: RecordedProcessor[] = [];
	editorExtensions: unknown[] = [];
	hoverLinkSources = new Map<string, Real.HoverLinkSource>();
	statusBarItems: HTMLElement[] = [];
	/** What loadData() returns; saveData() replaces it (deep-copied through JSON, as on disk). */
	data: unknown = null;
	/** The promise returned by onload() during the last load(). */
	loading: Promise<void> = Promise.resolve();

	constructor(app: Real.App | App, manifest: Real.PluginManifest) {
		super();
		if (!(app instanceof App)) throw new Error("obsidian stub: construct plugins with the stub App (tests/helpers/memoryApp)");
		this.app = app;
		this.manifest = manifest;
	}

	override onload(): Promise<void> | void {}

	override load(): void {
		const onload = this.onload.bind(this);
		let result: Promise<void> | void = undefined;
		this.onload = () => {
			result = onload();
		};
		try {
			super.load();
		} finally {
			delete (this as { onload?: unknown }).onload;
		}
		this.loading = Promise.resolve(result);
	}

	/** Stub helper: load() and wait for an async onload. */
	async loadForTest(): Promise<this> {
		this.load();
		await this.loading;
		return this;
	}

	/** Stub helper: unload(), running every registered cleanup (events, DOM events, intervals, views). */
	unloadForTest(): void {
		this.unload();
	}

	/** Stub helper: runs a recorded command's callback by its id (with or without the plugin-id prefix). */
	runCommand(id: string): unknown {
		const command = this.commands.find((c) => c.id === id || c.id === `${this.manifest.id}:${id}`);
		if (!command) throw new Error(`obsidian stub: no command ${id}`);
		if (command.callback) return command.callback();
		if (command.checkCallback) return command.checkCallback(false);
		throw new Error(`obsidian stub: command ${id} has no callback the stub can run`);
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = div("addRibbonIcon", "side-dock-ribbon-action");
		el.setAttribute("aria-label", title);
		setIcon(el, icon);
		el.addEventListener("click", (evt) => void callback(evt));
		this.ribbonIcons.push({ icon, title, el, callback });
		this.register(() => el.remove());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const el = div("addStatusBarItem", "status-bar-item");
		this.statusBarItems.push(el);
		this.register(() => el.remove());
		return el;
	}

	addCommand(command: Real.Command): Real.Command {
		const recorded = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.commands.push(recorded);
		this.register(() => this.removeCommand(command.id));
		return recorded;
	}

	removeCommand(commandId: string): void {
		this.commands = this.commands.filter((c) => c.id !== commandId && c.id !== `${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		this.settingTabs.push(settingTab);
		this.register(() => {
			this.settingTabs = this.settingTabs.filter((t) => t !== settingTab);
		});
	}

	registerView(type: string, viewCreator: Real.ViewCreator): void {
		this.views.set(type, viewCreator);
		this.app.workspace.viewRegistry.set(type, viewCreator);
		this.register(() => {
			this.views.delete(type);
			this.app.workspace.viewRegistry.delete(type);
		});
	}

	registerHoverLinkSource(id: string, info: Real.HoverLinkSource): void {
		this.hoverLinkSources.set(id, info);
		this.register(() => this.hoverLinkSources.delete(id));
	}

	registerExtensions(): void {}

	registerMarkdownPostProcessor(postProcessor: Real.MarkdownPostProcessor, sortOrder?: number): Real.MarkdownPostProcessor {
		this.#addProcessor({ kind: "post", handler: postProcessor, sortOrder });
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(
		language: string,
		handler: (source: string, el: HTMLElement, ctx: Real.MarkdownPostProcessorContext) => Promise<unknown> | void,
		sortOrder?: number,
	): Real.MarkdownPostProcessor {
		this.#addProcessor({ kind: "code-block", language, handler, sortOrder });
		const processor: Real.MarkdownPostProcessor = () => undefined;
		return processor;
	}

	#addProcessor(processor: RecordedProcessor): void {
		this.processors.push(processor);
		this.register(() => {
			this.processors = this.processors.filter((p) => p !== processor);
		});
	}

	registerEditorExtension(extension: unknown): void {
		this.editorExtensions.push(extension);
		this.register(() => {
			this.editorExtensions = this.editorExtensions.filter((e) => e !== extension);
		});
	}

	loadData(): Promise<unknown> {
		return Promise.resolve(this.data === null || this.data === undefined ? null : (JSON.parse(JSON.stringify(this.data)) as unknown));
	}

	saveData(data: unknown): Promise<void> {
		this.data = data === undefined ? null : (JSON.parse(JSON.stringify(data)) as unknown);
		return Promise.resolve();
	}

	onUserEnable(): void {}
}

// ---------------------------------------------------------------------------------------------
// Workspace, leaves, views

export abstract class View extends Component {
	app: App;
	icon = "document";
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	scope: Real.Scope | null = null;

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = div("View", "workspace-leaf-content");
	}

	protected onOpen(): Promise<void> {
		return Promise.resolve();
	}

	protected onClose(): Promise<void> {
		return Promise.resolve();
	}

	/** Stub internal: lets WorkspaceLeaf call the protected hooks. */
	openForLeaf(): Promise<void> {
		return this.onOpen();
	}

	closeForLeaf(): Promise<void> {
		return this.onClose();
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	setState(_state: unknown, _result: Real.ViewStateResult): Promise<void> {
		return Promise.resolve();
	}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(_state: unknown): void {}

	getIcon(): string {
		return this.icon;
	}

	onResize(): void {}
}

/** What a deferred leaf shows until it is loaded: its view type, and nothing built. */
class DeferredView extends View {
	constructor(
		leaf: WorkspaceLeaf,
		private readonly type: string,
	) {
		super(leaf);
	}

	getViewType(): string {
		return this.type;
	}

	getDisplayText(): string {
		return this.type;
	}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.containerEl.createDiv({ cls: "view-header" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const header = this.containerEl.firstElementChild as HTMLElement;
		const el = header.createEl("a", { cls: "view-action", attr: { "aria-label": title } });
		setIcon(el, icon);
		el.addEventListener("click", (evt) => void callback(evt));
		return el;
	}
}

/** A Markdown editor pane: holds a file and its text (no editor). */
export class MarkdownView extends ItemView {
	file: TFile | null = null;
	data = "";

	getViewType(): string {
		return "markdown";
	}

	getDisplayText(): string {
		return this.file?.basename ?? "";
	}

	getMode(): Real.MarkdownViewModeType {
		return "source";
	}

	getViewData(): string {
		return this.data;
	}

	setViewData(data: string): void {
		this.data = data;
	}

	clear(): void {
		this.data = "";
	}
}

export class WorkspaceLeaf extends Events {
	view: View | null = null;
	/** Stub records: files opened in this leaf and view states set on it. */
	openedFiles: Array<{ file: TFile; openState?: Real.OpenViewState }> = [];
	viewStates: Real.ViewState[] = [];
	pinned = false;
	detached = false;
	/** The view state of a deferred leaf (one restored at start-up whose view is made only when it is shown). */
	#deferred: Real.ViewState | null = null;

	constructor(readonly app: App) {
		super();
	}

	/** Stub helper: makes this leaf deferred, holding `viewState`, as Obsidian (1.7.2 and later) restores a workspace. */
	defer(viewState: Real.ViewState): void {
		this.#deferred = viewState;
		this.view = new DeferredView(this, viewState.type);
	}

	async openFile(file: TFile, openState?: Real.OpenViewState): Promise<void> {
		this.openedFiles.push({ file, openState });
		if (!(this.view instanceof MarkdownView) && typeof document !== "undefined") await this.open(new MarkdownView(this));
		if (this.view instanceof MarkdownView) {
			this.view.file = file;
			this.view.data = await this.app.vault.read(file);
		}
		this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("file-open", file);
	}

	async open(view: View): Promise<View> {
		if (this.view) await this.#close();
		this.view = view;
		view.load();
		await view.openForLeaf();
		return view;
	}

	async #close(): Promise<void> {
		const view = this.view;
		this.view = null;
		if (view) {
			await view.closeForLeaf();
			view.unload();
		}
	}

	getViewState(): Real.ViewState {
		if (this.#deferred !== null) return this.#deferred;
		return { type: this.view?.getViewType() ?? "empty", state: this.view?.getState() ?? {}, pinned: this.pinned };
	}

	async setViewState(viewState: Real.ViewState): Promise<void> {
		this.#deferred = null;
		this.viewStates.push(viewState);
		const creator = this.app.workspace.viewRegistry.get(viewState.type);
		if (!creator) throw new Error(`obsidian stub: no view registered for type ${viewState.type}`);
		const view = creator(this as unknown as Real.WorkspaceLeaf);
		if (!(view instanceof View)) throw new Error("obsidian stub: the view creator must return a stub View");
		await this.open(view);
		if (viewState.state) await view.setState(viewState.state, { history: false });
		if (viewState.active) this.app.workspace.setActiveLeaf(this);
	}

	get isDeferred(): boolean {
		return this.#deferred !== null;
	}

	/** Makes the deferred view for real (its view state set), as showing the leaf does in Obsidian. */
	async loadIfDeferred(): Promise<void> {
		const state = this.#deferred;
		if (state === null) return;
		// The placeholder was never opened: nothing to close.
		this.view = null;
		await this.setViewState(state);
	}

	getEphemeralState(): unknown {
		return this.view?.getEphemeralState() ?? {};
	}

	setEphemeralState(state: unknown): void {
		this.view?.setEphemeralState(state);
	}

	togglePinned(): void {
		this.pinned = !this.pinned;
	}

	setPinned(pinned: boolean): void {
		this.pinned = pinned;
	}

	detach(): void {
		this.detached = true;
		void this.#close();
		this.app.workspace.removeLeaf(this);
	}

	getIcon(): string {
		return this.view?.getIcon() ?? "document";
	}

	getDisplayText(): string {
		return this.view?.getDisplayText() ?? "";
	}

	onResize(): void {
		this.view?.onResize();
	}
}

export class Workspace extends Events {
	activeLeaf: WorkspaceLeaf | null = null;
	layoutReady: boolean;
	viewRegistry = new Map<string, Real.ViewCreator>();
	/** Stub records, for assertions. */
	leaves: WorkspaceLeaf[] = [];
	openedLinks: Array<{ linktext: string; sourcePath: string; newLeaf?: Real.PaneType | boolean; openViewState?: Real.OpenViewState }> = [];
	revealedLeaves: WorkspaceLeaf[] = [];
	#layoutCallbacks: Array<() => unknown> = [];
	#containerEl: HTMLElement | null = null;

	constructor(
		readonly app: App,
		layoutReady: boolean,
	) {
		super();
		this.layoutReady = layoutReady;
	}

	get containerEl(): HTMLElement {
		this.#containerEl ??= div("Workspace.containerEl", "workspace");
		return this.#containerEl;
	}

	/** Calls back now if the layout is ready, else when the test calls `setLayoutReady()`. */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.#layoutCallbacks.push(callback);
	}

	/** Stub record: how often `requestSaveLayout` was called. */
	layoutSaveRequests = 0;

	/** Asks for the workspace layout to be saved; the stub counts the requests and saves nothing. */
	readonly requestSaveLayout: Real.Debouncer<[], Promise<void>> = Object.assign(
		(): Real.Debouncer<[], Promise<void>> => {
			this.layoutSaveRequests++;
			return this.requestSaveLayout;
		},
		{ cancel: (): Real.Debouncer<[], Promise<void>> => this.requestSaveLayout, run: (): Promise<void> => Promise.resolve() },
	);

	/** Stub helper: marks the layout ready and runs queued onLayoutReady callbacks. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.#layoutCallbacks.splice(0)) cb();
		this.trigger("layout-change");
	}

	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		return view instanceof MarkdownView ? view.file : (this.activeLeaf?.openedFiles.at(-1)?.file ?? null);
	}

	#newLeaf(): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		this.leaves.push(leaf);
		return leaf;
	}

	getLeaf(newLeaf?: Real.PaneType | boolean): WorkspaceLeaf {
		if (!newLeaf && this.activeLeaf) return this.activeLeaf;
		const leaf = this.#newLeaf();
		if (!this.activeLeaf) this.activeLeaf = leaf;
		return leaf;
	}

	getUnpinnedLeaf(): WorkspaceLeaf {
		return this.getLeaf(false);
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf {
		return this.#newLeaf();
	}

	getLeftLeaf(_split: boolean): WorkspaceLeaf {
		return this.#newLeaf();
	}

	getMostRecentLeaf(): WorkspaceLeaf | null {
		return this.activeLeaf;
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
		if (this.activeLeaf === leaf) this.activeLeaf = this.leaves.at(-1) ?? null;
	}

	setActiveLeaf(leaf: WorkspaceLeaf): void {
		if (this.activeLeaf === leaf) return;
		this.activeLeaf = leaf;
		this.trigger("active-leaf-change", leaf);
	}

	getActiveViewOfType<T extends Real.View>(type: Real.Constructor<T>): T | null {
		const view: unknown = this.activeLeaf?.view;
		return view instanceof (type as unknown as abstract new (...args: never[]) => T) ? view : null;
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		this.iterateAllLeaves(callback);
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view?.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.revealedLeaves.push(leaf);
		return Promise.resolve();
	}

	/** Records the call and, when the link resolves to a file, opens it in a leaf. */
	async openLinkText(linktext: string, sourcePath: string, newLeaf?: Real.PaneType | boolean, openViewState?: Real.OpenViewState): Promise<void> {
		this.openedLinks.push({ linktext, sourcePath, newLeaf, openViewState });
		const file = this.app.metadataCache.getFirstLinkpathDest(getLinkpath(linktext), sourcePath);
		if (file) await this.getLeaf(newLeaf).openFile(file, openViewState);
	}

	getLastOpenFiles(): string[] {
		return this.leaves.flatMap((l) => l.openedFiles.map((o) => o.file.path)).reverse();
	}
}

// ---------------------------------------------------------------------------------------------
// App

export class Scope implements Real.Scope {
	constructor(readonly parent?: Real.Scope) {}

	register(modifiers: Real.Modifier[] | null, key: string | null, func: Real.KeymapEventListener): Real.KeymapEventHandler {
		return { scope: this, modifiers: modifiers?.join(",") ?? null, key, func } as Real.KeymapEventHandler;
	}

	unregister(): void {}
}

export class Keymap implements Real.Keymap {
	pushScope(): void {}
	popScope(): void {}

	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Real.Modifier): boolean {
		switch (modifier) {
			case "Mod":
				return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
			case "Ctrl":
				return evt.ctrlKey;
			case "Meta":
				return evt.metaKey;
			case "Shift":
				return evt.shiftKey;
			case "Alt":
				return evt.altKey;
		}
	}

	/** Mod+Alt+Shift → window, Mod+Alt → split, Mod (or middle click) → tab, else false. */
	static isModEvent(evt?: Real.UserEvent | null): Real.PaneType | boolean {
		if (!evt) return false;
		const mod = Keymap.isModifier(evt, "Mod");
		const middle = "button" in evt && evt.button === 1;
		if (mod && evt.altKey && evt.shiftKey) return "window";
		if (mod && evt.altKey) return "split";
		if (mod || middle) return "tab";
		return false;
	}
}

export class App {
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	workspace: Workspace;
	keymap = new Keymap();
	scope = new Scope();
	lastEvent: Real.UserEvent | null = null;
	#local = new Map<string, unknown>();

	constructor(options: { layoutReady?: boolean } = {}) {
		this.vault = new Vault();
		this.metadataCache = new MetadataCache(this.vault);
		this.fileManager = new FileManager(this.vault, this.metadataCache);
		this.workspace = new Workspace(this, options.layoutReady ?? true);
	}

	isDarkMode(): boolean {
		return false;
	}

	loadLocalStorage(key: string): unknown {
		return this.#local.get(key) ?? null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null) this.#local.delete(key);
		else this.#local.set(key, data);
	}
}

/** The stub App viewed through the real declarations, for handing to code under test. Safe because the
 * members the stub provides are checked below; members it lacks fail loudly at runtime (undefined). */
export function realApp(app: App): Real.App {
	return app as unknown as Real.App;
}

/** Runtime-checked view of a value (typed with the real declarations) as a stub class instance. */
export function stubOf<T>(value: unknown, ctor: abstract new (...args: never[]) => T): T {
	if (!(value instanceof ctor)) throw new Error(`obsidian stub: expected a stub ${ctor.name}`);
	return value;
}

// ---------------------------------------------------------------------------------------------
// UI: notices, modals, settings, menus

export class Notice implements Real.Notice {
	/** Stub record: every message shown, oldest first. Clear it in beforeEach. */
	static messages: string[] = [];
	#message: string;
	#els: { noticeEl: HTMLElement; containerEl: HTMLElement; messageEl: HTMLElement } | null = null;
	hidden = false;

	constructor(message: string | DocumentFragment, readonly duration?: number) {
		this.#message = typeof message === "string" ? message : (message.textContent ?? "");
		Notice.messages.push(this.#message);
	}

	static clear(): void {
		Notice.messages = [];
	}

	get message(): string {
		return this.#message;
	}

	#dom(): { noticeEl: HTMLElement; containerEl: HTMLElement; messageEl: HTMLElement } {
		if (!this.#els) {
			const containerEl = div("Notice", "notice-container");
			const noticeEl = containerEl.createDiv({ cls: "notice" });
			const messageEl = noticeEl.createDiv({ cls: "notice-message", text: this.#message });
			this.#els = { noticeEl, containerEl, messageEl };
		}
		return this.#els;
	}

	get noticeEl(): HTMLElement {
		return this.#dom().noticeEl;
	}

	get containerEl(): HTMLElement {
		return this.#dom().containerEl;
	}

	get messageEl(): HTMLElement {
		return this.#dom().messageEl;
	}

	setMessage(message: string | DocumentFragment): this {
		this.#message = typeof message === "string" ? message : (message.textContent ?? "");
		Notice.messages.push(this.#message);
		if (this.#els) this.#els.messageEl.setText(this.#message);
		return this;
	}

	hide(): void {
		this.hidden = true;
	}
}

export class Modal {
	/** Stub record: modals currently open. */
	static openModals: Modal[] = [];
	app: App;
	scope = new Scope();
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = false;
	isOpen = false;
	#closeCallback: (() => unknown) | null = null;

	constructor(app: Real.App | App) {
		if (!(app instanceof App)) throw new Error("obsidian stub: Modal needs the stub App");
		this.app = app;
		this.containerEl = div("Modal", "modal-container");
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		this.isOpen = true;
		Modal.openModals.push(this);
		void this.onOpen();
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		Modal.openModals = Modal.openModals.filter((m) => m !== this);
		this.onClose();
		this.#closeCallback?.();
	}

	onOpen(): Promise<void> | void {}
	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.#closeCallback = callback;
		return this;
	}
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	placeholder = "";
	instructions: Real.Instruction[] = [];
	/** Stub record: suggestions rendered by the last `suggest()`. */
	shown: T[] = [];

	constructor(app: Real.App | App) {
		super(app);
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
	}

	setPlaceholder(placeholder: string): void {
		this.placeholder = placeholder;
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: Real.Instruction[]): void {
		this.instructions = instructions;
	}

	onNoSuggestion(): void {
		this.resultContainerEl.empty();
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	/** Stub helper: types `query`, renders the suggestions and returns them. */
	async suggest(query: string): Promise<T[]> {
		this.inputEl.value = query;
		const all = await this.getSuggestions(query);
		this.shown = all.slice(0, this.limit);
		this.resultContainerEl.empty();
		if (this.shown.length === 0) this.onNoSuggestion();
		for (const item of this.shown) this.renderSuggestion(item, this.resultContainerEl.createDiv({ cls: "suggestion-item" }));
		return this.shown;
	}

	/** Stub helper: picks the nth shown suggestion, as a click would. */
	choose(index = 0, evt: MouseEvent | KeyboardEvent = new KeyboardEvent("keydown", { key: "Enter" })): void {
		const item = this.shown[index];
		if (item === undefined) throw new Error(`obsidian stub: no suggestion at ${index}`);
		this.selectSuggestion(item, evt);
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		this.choose(0, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/**
 * Suggestions under a text box (Obsidian 1.4.10+): typing into it (or focusing it) shows `getSuggestions` in a
 * `.suggestion-container` below it; a click on a `.suggestion-item` selects that suggestion, which by default hands it
 * to the `onSelect` callback. Stub record: `shown`, the suggestions rendered last.
 */
export abstract class AbstractInputSuggest<T> {
	limit = 100;
	app: App;
	scope: Scope;
	shown: T[] = [];
	readonly #inputEl: HTMLInputElement | HTMLDivElement;
	#containerEl: HTMLElement | null = null;
	#onSelect: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	constructor(app: Real.App | App, textInputEl: HTMLInputElement | HTMLDivElement) {
		this.app = app as App;
		this.scope = new Scope();
		this.#inputEl = textInputEl;
		const show = (): void => void this.suggest(this.getValue());
		textInputEl.addEventListener("input", show);
		textInputEl.addEventListener("focus", show);
	}

	setValue(value: string): void {
		if (this.#inputEl instanceof HTMLInputElement) this.#inputEl.value = value;
		else this.#inputEl.textContent = value;
	}

	getValue(): string {
		return this.#inputEl instanceof HTMLInputElement ? this.#inputEl.value : (this.#inputEl.textContent ?? "");
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.#onSelect = callback;
		return this;
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		void this.#onSelect?.(value, evt);
	}

	open(): void {
		if (this.#containerEl !== null) return;
		this.#containerEl = requireDocument("AbstractInputSuggest").body.createDiv({ cls: "suggestion-container" });
	}

	close(): void {
		this.#containerEl?.remove();
		this.#containerEl = null;
		this.shown = [];
	}

	/**
	 * Stub helper: shows the suggestions for `query` (as typing it would) and returns them; at once when
	 * `getSuggestions` answers at once, as Obsidian does (a selection that sets the text and closes stays closed).
	 */
	suggest(query: string): Promise<T[]> {
		const found = this.getSuggestions(query);
		return found instanceof Promise ? found.then((all) => this.#show(all)) : Promise.resolve(this.#show(found));
	}

	#show(all: T[]): T[] {
		this.shown = this.limit > 0 ? all.slice(0, this.limit) : all;
		if (this.shown.length === 0) {
			this.close();
			return [];
		}
		this.open();
		const container = this.#containerEl as HTMLElement;
		container.empty();
		for (const item of this.shown) {
			const el = container.createDiv({ cls: "suggestion-item" });
			this.renderSuggestion(item, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(item, evt));
		}
		return this.shown;
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
}
export type AbstractInputSuggestConforms = Conforms<AbstractInputSuggest<string>, Real.AbstractInputSuggest<string>, "limit" | "setValue" | "getValue" | "selectSuggestion" | "open" | "close" | "renderSuggestion">;
// `onSelect` returns the suggest itself, whose protected member only the real class can match.
export type AbstractInputSuggestNamed = Named<Real.AbstractInputSuggest<string>, "onSelect">;

export abstract class FuzzySuggestModal<T> extends SuggestModal<Real.FuzzyMatch<T>> {
	getSuggestions(query: string): Array<Real.FuzzyMatch<T>> {
		const search = prepareFuzzySearch(query);
		const out: Array<Real.FuzzyMatch<T>> = [];
		for (const item of this.getItems()) {
			const match = query.trim() === "" ? { score: 0, matches: [] } : search(this.getItemText(item));
			if (match) out.push({ item, match });
		}
		return out.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(item: Real.FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(item.item));
	}

	onChooseSuggestion(item: Real.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class PluginSettingTab {
	icon = "settings";
	app: App;
	plugin: Plugin;
	containerEl: HTMLElement;

	constructor(app: Real.App | App, plugin: Real.Plugin | Plugin) {
		if (!(app instanceof App) || !(plugin instanceof Plugin)) throw new Error("obsidian stub: PluginSettingTab needs the stub App and Plugin");
		this.app = app;
		this.plugin = plugin;
		this.containerEl = div("PluginSettingTab", "vertical-tab-content");
	}

	abstract display(): void;

	hide(): void {
		this.containerEl.empty();
	}
}

abstract class BaseComponent {
	disabled = false;

	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

abstract class ValueComponent<T> extends BaseComponent {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		const listener = listeners[key];
		if (listener) this.setValue(listener());
		return this;
	}

	abstract getValue(): T;
	abstract setValue(value: T): this;
}

export class TextComponent extends ValueComponent<string> implements Real.TextComponent {
	inputEl: HTMLInputElement;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("input", { type: "text" });
		this.inputEl.addEventListener("input", () => this.onChanged());
	}

	override setDisabled(disabled: boolean): this {
		this.inputEl.disabled = disabled;
		return super.setDisabled(disabled);
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}

	onChanged(): void {
		void this.#onChange?.(this.getValue());
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class TextAreaComponent extends ValueComponent<string> implements Real.TextAreaComponent {
	inputEl: HTMLTextAreaElement;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("textarea");
		this.inputEl.addEventListener("input", () => this.onChanged());
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}

	onChanged(): void {
		void this.#onChange?.(this.getValue());
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> implements Real.ToggleComponent {
	toggleEl: HTMLElement;
	#value = false;
	#onChange: ((value: boolean) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this.toggleEl.addEventListener("click", () => this.onClick());
	}

	getValue(): boolean {
		return this.#value;
	}

	setValue(on: boolean): this {
		const changed = on !== this.#value;
		this.#value = on;
		this.toggleEl.toggleClass("is-enabled", on);
		if (changed) void this.#onChange?.(on);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.toggleEl.setAttr("aria-label", tooltip);
		return this;
	}

	onClick(): void {
		if (!this.disabled) this.setValue(!this.#value);
	}

	onChange(callback: (value: boolean) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> implements Real.DropdownComponent {
	selectEl: HTMLSelectElement;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => void this.#onChange?.(this.getValue()));
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class SliderComponent extends ValueComponent<number> implements Real.SliderComponent {
	sliderEl: HTMLInputElement;
	#onChange: ((value: number) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
		this.sliderEl.addEventListener("input", () => void this.#onChange?.(this.getValue()));
	}

	setInstant(): this {
		return this;
	}

	setLimits(min: number | null, max: number | null, step: number | "any"): this {
		if (min !== null) this.sliderEl.min = String(min);
		if (max !== null) this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}

	getValue(): number {
		return Number(this.sliderEl.value);
	}

	setValue(value: number): this {
		this.sliderEl.value = String(value);
		return this;
	}

	#format: (value: number) => string = String;

	getValuePretty(): string {
		return this.#format(this.getValue());
	}

	setDisplayFormat(format: (value: number) => string): this {
		this.#format = format;
		return this;
	}

	setDynamicTooltip(): this {
		return this;
	}

	onChange(callback: (value: number) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class ButtonComponent extends BaseComponent implements Real.ButtonComponent {
	buttonEl: HTMLButtonElement;
	#onClick: ((evt: MouseEvent) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
		this.buttonEl.addEventListener("click", (evt) => {
			if (!this.disabled) void this.#onClick?.(evt);
		});
	}

	override setDisabled(disabled: boolean): this {
		this.buttonEl.disabled = disabled;
		return super.setDisabled(disabled);
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}

	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setDestructive(): this {
		this.buttonEl.addClass("mod-destructive");
		return this;
	}

	removeDestructive(): this {
		this.buttonEl.removeClass("mod-destructive");
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}

	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}

	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.#onClick = callback;
		return this;
	}
}

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];
	errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.nameEl.setAttr("aria-label", tooltip);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}

	#add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.#add(new ButtonComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.#add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.#add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.#add(new TextAreaComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.#add(new DropdownComponent(this.controlEl), cb);
	}

	addSlider(cb: (component: SliderComponent) => unknown): this {
		return this.#add(new SliderComponent(this.controlEl), cb);
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

export class MenuItem {
	title = "";
	icon: string | null = null;
	section = "";
	checked = false;
	disabled = false;
	callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	setTitle(title: string | DocumentFragment): this {
		this.title = typeof title === "string" ? title : (title.textContent ?? "");
		return this;
	}

	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}

	setSection(section: string): this {
		this.section = section;
		return this;
	}

	setChecked(checked: boolean | null): this {
		this.checked = checked === true;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	warning = false;
	isLabel = false;

	setWarning(isWarning: boolean): this {
		this.warning = isWarning;
		return this;
	}

	setIsLabel(isLabel: boolean): this {
		this.isLabel = isLabel;
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}

	/** Stub helper: what a click would do. */
	click(): unknown {
		return this.callback?.(new KeyboardEvent("keydown", { key: "Enter" }));
	}
}

/** Records items; `items` is the stub record. */
export class Menu extends Component implements Real.Menu {
	items: MenuItem[] = [];
	#onHide: Array<() => unknown> = [];

	setNoIcon(): this {
		return this;
	}

	setUseNativeMenu(): this {
		return this;
	}

	setParentElement(): this {
		return this;
	}

	close(): void {
		for (const cb of this.#onHide) cb();
	}

	onHide(callback: () => unknown): void {
		this.#onHide.push(callback);
	}

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		cb(item);
		this.items.push(item);
		return this;
	}

	addSeparator(): this {
		return this;
	}

	showAtMouseEvent(): this {
		return this;
	}

	showAtPosition(): this {
		return this;
	}

	hide(): this {
		this.close();
		return this;
	}
}

// ---------------------------------------------------------------------------------------------
// Rendering

export class MarkdownRenderChild extends Component implements Real.MarkdownRenderChild {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

/** Inline Markdown: `==highlights==` become `<mark>` (as in Obsidian), with links rendered inside and around them. */
function renderInline(parent: HTMLElement, text: string, sourcePath: string): void {
	if (!text.includes("==")) return renderLinks(parent, text, sourcePath);
	let last = 0;
	for (const m of text.matchAll(/==(?=\S)([^=\n]*?\S)==/g)) {
		const index = m.index ?? 0;
		renderLinks(parent, text.slice(last, index), sourcePath);
		renderLinks(parent.createEl("mark"), m[1] ?? "", sourcePath);
		last = index + m[0].length;
	}
	renderLinks(parent, text.slice(last), sourcePath);
}

/** Plain text with `**strong**` and `*emphasis*` (or `_emphasis_`), and backslash escapes resolved, as Obsidian shows them. */
function renderEmphasis(parent: HTMLElement, text: string): void {
	let last = 0;
	for (const m of text.matchAll(/\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\\*\w])([*_])(?=\S)(.+?)(?<=\S)\2(?![*\w])/g)) {
		const index = m.index ?? 0;
		parent.appendText(unescapeMarkdown(text.slice(last, index)));
		if (m[1] !== undefined) parent.createEl("strong", { text: unescapeMarkdown(m[1]) });
		else parent.createEl("em", { text: unescapeMarkdown(m[3] ?? "") });
		last = index + m[0].length;
	}
	parent.appendText(unescapeMarkdown(text.slice(last)));
}

function unescapeMarkdown(text: string): string {
	return text.includes("\\") ? text.replace(/\\([!-/:-@[-`{-~])/g, "$1") : text;
}

function renderLinks(parent: HTMLElement, text: string, sourcePath: string): void {
	const pattern = /\[\[([^\]]+?)\]\]|\[([^\]]*)\]\(([^)\s]+)\)/g;
	let last = 0;
	for (const m of text.matchAll(pattern)) {
		const index = m.index ?? 0;
		if (index > last) renderEmphasis(parent, text.slice(last, index));
		if (m[1] !== undefined) {
			const bar = m[1].indexOf("|");
			const target = bar < 0 ? m[1] : m[1].slice(0, bar);
			const label = bar < 0 ? m[1] : m[1].slice(bar + 1);
			parent.createEl("a", { cls: "internal-link", text: label, href: target, attr: { "data-href": target, "data-source": sourcePath } });
		} else {
			const href = m[3] ?? "";
			const external = /^[a-z][a-z0-9+.-]*:/i.test(href);
			parent.createEl("a", { cls: external ? "external-link" : "internal-link", text: m[2] ?? "", href, attr: external ? {} : { "data-href": href } });
		}
		last = index + m[0].length;
	}
	if (last < text.length) renderEmphasis(parent, text.slice(last));
}

const BLOCK_ID = /\s+\^[A-Za-z0-9-]+\s*$/;

/** A line without its comment parts, and whether a comment is still open at its end. */
function withoutComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
	let text = "";
	let open = inComment;
	let at = 0;
	for (let mark = line.indexOf("%%"); mark >= 0; mark = line.indexOf("%%", at)) {
		if (!open) text += line.slice(at, mark);
		open = !open;
		at = mark + 2;
	}
	if (!open) text += line.slice(at);
	return { text, inComment: open };
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
	/** Renders headings, lists, code blocks, paragraphs and links as DOM nodes (text only, never HTML). */
	static render(app: Real.App | App, markdown: string, el: HTMLElement, sourcePath: string, component: Real.Component): Promise<void> {
		const body = splitFrontmatter(markdown);
		const text = body ? markdown.slice(body.end) : markdown;
		const lines = text.split(/\r?\n/);
		let list: HTMLElement | null = null;
		let paragraph: string[] = [];
		const flush = (): void => {
			// A trailing block id (` ^p1`) is an anchor, not text.
			if (paragraph.length > 0) renderInline(el.createEl("p"), paragraph.join(" ").replace(BLOCK_ID, ""), sourcePath);
			paragraph = [];
		};
		let inComment = false;
		for (let i = 0; i < lines.length; i++) {
			const raw = lines[i] ?? "";
			const fence = inComment ? null : /^(```|~~~)(.*)$/.exec(raw.trim());
			if (fence) {
				flush();
				list = null;
				const code: string[] = [];
				while (++i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1] ?? "```")) code.push(lines[i] ?? "");
				const lang = (fence[2] ?? "").trim();
				el.createEl("pre").createEl("code", { text: code.join("\n"), cls: lang ? `language-${lang}` : [] });
				continue;
			}
			// Obsidian comments (`%% … %%`, on one line or across several) are not rendered; a line that was only a comment adds nothing.
			const visible = withoutComments(raw, inComment);
			inComment = visible.inComment;
			if (visible.text.trim() === "" && raw.trim() !== "") continue;
			const line = visible.text;
			const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
			const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
			if (/^\s{0,3}>/.test(line)) {
				// A quote, or a callout (`> [!note] Title`), up to the first line that is not quoted.
				flush();
				list = null;
				const quoted = [line.replace(/^\s{0,3}>\s?/, "")];
				while (i + 1 < lines.length && /^\s{0,3}>/.test(lines[i + 1] ?? "")) quoted.push((lines[++i] ?? "").replace(/^\s{0,3}>\s?/, ""));
				const callout = /^\[!([\w-]+)\][+-]?\s*(.*)$/.exec(quoted[0] ?? "");
				if (callout) {
					const box = el.createDiv({ cls: "callout", attr: { "data-callout": (callout[1] ?? "note").toLowerCase() } });
					renderInline(box.createDiv({ cls: "callout-title" }), callout[2] || (callout[1] ?? ""), sourcePath);
					const rest = quoted.slice(1).join("\n");
					if (rest.trim() !== "") void MarkdownRenderer.render(app, rest, box.createDiv({ cls: "callout-content" }), sourcePath, component);
				} else void MarkdownRenderer.render(app, quoted.join("\n"), el.createEl("blockquote"), sourcePath, component);
			} else if (heading) {
				flush();
				list = null;
				const level = heading[1]?.length ?? 1;
				renderInline(el.createEl(`h${level}` as "h1"), heading[2] ?? "", sourcePath);
			} else if (item) {
				flush();
				list ??= el.createEl("ul");
				renderInline(list.createEl("li"), (item[1] ?? "").replace(BLOCK_ID, ""), sourcePath);
			} else if (line.trim() === "") {
				flush();
				list = null;
			} else {
				list = null;
				paragraph.push(line.trim());
			}
		}
		flush();
		return Promise.resolve();
	}

	static renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Real.Component): Promise<void> {
		return MarkdownRenderer.render(new App(), markdown, el, sourcePath, component);
	}
}

// ---------------------------------------------------------------------------------------------
// Functions and constants

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = parent.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "svg");
	svg.setAttribute("class", `svg-icon lucide-${iconId}`);
	svg.setAttribute("data-icon", iconId);
	parent.appendChild(svg);
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Real.Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: [...T] | null = null;
	const run = (): V | void => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		if (pending === null) return;
		const args = pending;
		pending = null;
		return cb(...args);
	};
	const debouncer = ((...args: [...T]) => {
		pending = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		timer ??= setTimeout(run, timeout);
		return debouncer;
	}) as Real.Debouncer<T, V>;
	debouncer.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		pending = null;
		return debouncer;
	};
	debouncer.run = run;
	return debouncer;
}

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

/** Stub helper: makes `Platform` describe the desktop app (the default) or the mobile app on a phone. It changes
 * the flags in place, so code that imported `Platform` sees the switch. */
export function setPlatform(kind: "desktop" | "mobile"): void {
	const mobile = kind === "mobile";
	Platform.isDesktop = !mobile;
	Platform.isDesktopApp = !mobile;
	Platform.isMobile = mobile;
	Platform.isMobileApp = mobile;
	Platform.isAndroidApp = mobile;
	Platform.isPhone = mobile;
	Platform.isLinux = !mobile;
	Platform.resourcePathPrefix = mobile ? "http://localhost/_capacitor_file_" : "app://local/";
}

/** Subsequence match, case-insensitive, spaces in the query ignored; tighter matches score higher. */
export function prepareFuzzySearch(query: string): (text: string) => Real.SearchResult | null {
	const needle = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		const hay = text.toLowerCase();
		const matches: Real.SearchMatches = [];
		let from = 0;
		let gaps = 0;
		for (const ch of needle) {
			const at = hay.indexOf(ch, from);
			if (at < 0) return null;
			gaps += at - from;
			const lastMatch = matches.at(-1);
			if (lastMatch && lastMatch[1] === at) lastMatch[1] = at + 1;
			else matches.push([at, at + 1]);
			from = at + 1;
		}
		return { score: -gaps - matches.length * 0.1 - (hay.length - needle.length) * 0.01, matches };
	};
}

export const apiVersion = "1.13.1";

/** True when the running app is at least `version` (compared with the stub's apiVersion). */
export function requireApiVersion(version: string): boolean {
	const parts = (v: string): number[] => v.split(".").map((n) => Number(n) || 0);
	const [want, have] = [parts(version), parts(apiVersion)];
	for (let i = 0; i < Math.max(want.length, have.length); i++) {
		if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
	}
	return true;
}

/** Editor state: whether the editor is in Live Preview. Tests set it with `editorLivePreviewField.init(() => false)`. */
export const editorLivePreviewField = StateField.define<boolean>({ create: () => true, update: (value) => value });

/** Editor state: the note the editor shows. Tests provide it with `editorInfoField.init(() => info)`. */
export const editorInfoField = StateField.define<Real.MarkdownFileInfo>({
	create: () => ({ app: null as unknown as Real.App, file: null, hoverPopover: null }),
	update: (value) => value,
});

// ---------------------------------------------------------------------------------------------
// Conformance with the real declarations. Fully stubbed classes use `implements` above; these cover
// the partly stubbed ones and the functions. A rename or signature change upstream fails `tsc`.

export type AppConforms = Conforms<App, Real.App, "vault" | "metadataCache" | "fileManager" | "keymap" | "scope" | "lastEvent" | "isDarkMode" | "loadLocalStorage" | "saveLocalStorage">;
export type AppNamed = Named<Real.App, "workspace">;
export type WorkspaceConforms = Conforms<Workspace, Real.Workspace, "containerEl" | "layoutReady" | "onLayoutReady" | "getActiveFile" | "openLinkText" | "getLastOpenFiles" | "requestSaveLayout" | "trigger" | "off" | "offref">;
export type WorkspaceNamed = Named<Real.Workspace, "activeLeaf" | "getLeaf" | "getUnpinnedLeaf" | "getRightLeaf" | "getLeftLeaf" | "getMostRecentLeaf" | "setActiveLeaf" | "getActiveViewOfType" | "iterateAllLeaves" | "iterateRootLeaves" | "getLeavesOfType" | "detachLeavesOfType" | "revealLeaf" | "on">;
export type LeafConforms = Conforms<WorkspaceLeaf, Real.WorkspaceLeaf, "openFile" | "getViewState" | "isDeferred" | "loadIfDeferred" | "togglePinned" | "setPinned" | "detach" | "getIcon" | "getDisplayText" | "onResize">;
export type LeafNamed = Named<Real.WorkspaceLeaf, "view" | "open" | "setViewState" | "getEphemeralState" | "setEphemeralState">;
export type ViewConforms = Conforms<View, Real.View, "icon" | "navigation" | "containerEl" | "scope" | "getViewType" | "getDisplayText" | "getState" | "setState" | "getEphemeralState" | "setEphemeralState" | "getIcon" | "onResize" | "load" | "unload" | "register">;
export type ViewNamed = Named<Real.View, "app" | "leaf">;
export type ItemViewConforms = Conforms<ItemView, Real.ItemView, "contentEl" | "addAction">;
export type MarkdownViewConforms = Conforms<MarkdownView, Real.MarkdownView, "file" | "getViewType" | "getMode" | "getViewData" | "setViewData" | "clear" | "data">;
export type PluginConforms = Conforms<Plugin, Real.Plugin, "manifest" | "settings" | "onload" | "addRibbonIcon" | "addStatusBarItem" | "addCommand" | "removeCommand" | "registerView" | "registerHoverLinkSource" | "registerMarkdownPostProcessor" | "registerMarkdownCodeBlockProcessor" | "loadData" | "saveData" | "onUserEnable" | "registerEvent" | "registerDomEvent" | "registerInterval" | "register" | "addChild" | "load" | "unload">;
export type PluginNamed = Named<Real.Plugin, "app" | "addSettingTab" | "registerExtensions" | "registerEditorExtension">;
export type ModalConforms = Conforms<Modal, Real.Modal, "scope" | "containerEl" | "modalEl" | "titleEl" | "contentEl" | "shouldRestoreSelection" | "open" | "close" | "onOpen" | "onClose">;
export type ModalNamed = Named<Real.Modal, "app" | "setTitle" | "setContent" | "setCloseCallback">;
export type SuggestModalConforms = Conforms<SuggestModal<string>, Real.SuggestModal<string>, "limit" | "emptyStateText" | "inputEl" | "resultContainerEl" | "setPlaceholder" | "setInstructions" | "onNoSuggestion" | "selectSuggestion" | "selectActiveSuggestion" | "getSuggestions" | "renderSuggestion" | "onChooseSuggestion">;
export type FuzzySuggestModalConforms = Conforms<FuzzySuggestModal<string>, Real.FuzzySuggestModal<string>, "getSuggestions" | "renderSuggestion" | "onChooseSuggestion" | "getItems" | "getItemText" | "onChooseItem">;
export type SettingTabConforms = Conforms<PluginSettingTab, Real.PluginSettingTab, "icon" | "containerEl" | "display" | "hide">;
export type SettingTabNamed = Named<Real.PluginSettingTab, "app">;
export type SettingConforms = Conforms<Setting, Real.Setting, "settingEl" | "infoEl" | "nameEl" | "descEl" | "controlEl" | "errorEl">;
export type SettingNamed = Named<Real.Setting, "setName" | "setDesc" | "setClass" | "setHeading" | "setDisabled" | "clear" | "components" | "addButton" | "addToggle" | "addText" | "addTextArea" | "addDropdown" | "addSlider" | "setTooltip" | "then">;
export type MenuItemConforms = Conforms<MenuItem, Real.MenuItem, "setTitle" | "setIcon" | "setSection" | "setChecked" | "setDisabled" | "setWarning" | "setIsLabel" | "onClick">;

export type FunctionsConform = Conforms<
	{
		normalizePath: typeof normalizePath;
		parseYaml: typeof parseYaml;
		stringifyYaml: typeof stringifyYaml;
		setIcon: typeof setIcon;
		debounce: typeof debounce;
		Platform: typeof Platform;
		getAllTags: typeof getAllTags;
		getLinkpath: typeof getLinkpath;
		parseFrontMatterTags: typeof parseFrontMatterTags;
		parseFrontMatterAliases: typeof parseFrontMatterAliases;
		prepareFuzzySearch: typeof prepareFuzzySearch;
		apiVersion: typeof apiVersion;
		requireApiVersion: typeof requireApiVersion;
		editorLivePreviewField: typeof editorLivePreviewField;
		editorInfoField: typeof editorInfoField;
		isModEvent: typeof Keymap.isModEvent;
		isModifier: typeof Keymap.isModifier;
		render: typeof MarkdownRenderer.render;
		renderMarkdown: typeof MarkdownRenderer.renderMarkdown;
		recurseChildren: typeof Vault.recurseChildren;
	},
	{
		normalizePath: typeof Real.normalizePath;
		parseYaml: typeof Real.parseYaml;
		stringifyYaml: typeof Real.stringifyYaml;
		setIcon: typeof Real.setIcon;
		debounce: typeof Real.debounce;
		Platform: typeof Real.Platform;
		getAllTags: typeof Real.getAllTags;
		getLinkpath: typeof Real.getLinkpath;
		parseFrontMatterTags: typeof Real.parseFrontMatterTags;
		parseFrontMatterAliases: typeof Real.parseFrontMatterAliases;
		prepareFuzzySearch: typeof Real.prepareFuzzySearch;
		apiVersion: typeof Real.apiVersion;
		requireApiVersion: typeof Real.requireApiVersion;
		editorLivePreviewField: typeof Real.editorLivePreviewField;
		editorInfoField: typeof Real.editorInfoField;
		isModEvent: typeof Real.Keymap.isModEvent;
		isModifier: typeof Real.Keymap.isModifier;
		render: typeof Real.MarkdownRenderer.render;
		renderMarkdown: typeof Real.MarkdownRenderer.renderMarkdown;
		recurseChildren: typeof Real.Vault.recurseChildren;
	},
	| "normalizePath"
	| "parseYaml"
	| "stringifyYaml"
	| "setIcon"
	| "debounce"
	| "Platform"
	| "getAllTags"
	| "getLinkpath"
	| "parseFrontMatterTags"
	| "parseFrontMatterAliases"
	| "prepareFuzzySearch"
	| "apiVersion"
	| "requireApiVersion"
	| "editorLivePreviewField"
	| "editorInfoField"
	| "isModEvent"
	| "isModifier"
	| "render"
	| "renderMarkdown"
	| "recurseChildren"
>;
