/** VaultPort over a folder on disk, for the command-line tool. Refuses any path that leaves the folder. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join, relative, resolve, sep } from "path";
import { isInside, type CreatedNote, type FileStat, type NoteCreator, type VaultPort } from "../core";
import type { ProseAnalyst } from "../core/pages/proseAnalysis";
import { WRITER_WORKER_SOURCE } from "./writerSource";
import { WriterThread, type Written } from "./writerThread";
import { nodeYaml } from "./yaml";

/** True for a file system error saying a file or folder is not there. */
function isMissing(error: unknown): boolean {
	// Not `instanceof Error`: fs errors come from Node's own realm, which is not the caller's under a test runner.
	return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

/** What `path.resolve` reads otherwise than as part of a name: a backslash, a colon (a drive), NUL. */
const NOT_PLAIN = /[\\:\0]/;

/** How an FsVault writes. */
export interface FsVaultOptions {
	/** The writer thread's bundle, which renders notes: the inlined one unless given; null for a writer that only writes. */
	writerSource?: string | null;
	/**
	 * How many files the writer thread may have waiting before the next new note is rendered on the import's thread
	 * instead. On two cores, 128 did best: the writer never runs dry, and the import's thread takes what the writer,
	 * which also does all of the disk's work, would fall behind on.
	 */
	renderHereAfter?: number;
}

/** A vault folder on disk; paths are vault-relative with `/` separators. */
export class FsVault implements VaultPort {
	readonly dir: string;
	/** New notes rendered on the writer thread, with the tool's YAML; absent when the writer only writes. */
	readonly noteCreator?: NoteCreator;
	/**
	 * An import's prose analysis (gaps, suggestions) run on the writer thread, which has nothing to write before the
	 * import's first note: for `ImportOptions.proseAnalyst`. Absent when the writer only writes.
	 */
	readonly proseAnalyst?: (codePattern?: string) => ProseAnalyst;
	private readonly writerSource: string | null;
	private readonly renderHereAfter: number;

	constructor(dir: string, options: FsVaultOptions = {}) {
		this.dir = resolve(dir);
		this.writerSource = options.writerSource === undefined ? WRITER_WORKER_SOURCE : options.writerSource;
		this.renderHereAfter = options.renderHereAfter ?? 128;
		if (this.writerSource !== null) {
			this.noteCreator = {
				yaml: nodeYaml,
				// The writer renders a note in a little more than the import's time (the properties' JSON to read, a heap of
				// its own) besides writing every file, and a slow disk holds it up more: while it is behind, the import
				// renders the next notes itself.
				canTake: () => this.writerThread().backlog < this.renderHereAfter,
				create: (path, frontmatter, body) => this.createNote(path, frontmatter, body),
			};
			this.proseAnalyst = (codePattern) => this.writerThread().proseAnalyst(codePattern);
		}
	}

	/** The absolute path for a vault path, or an error when it would escape the vault. */
	private absolute(path: string): string {
		// A path that climbs nowhere (the core's rule: no empty, `.` or `..` segment) and holds no backslash, colon or
		// NUL is what `resolve` would make of it joined as it is: an import asks for a hundred thousand of them.
		if (isInside("", path) && !NOT_PLAIN.test(path)) return `${this.dir}${sep}${sep === "/" ? path : path.split("/").join(sep)}`;
		const full = resolve(this.dir, ...path.split("/"));
		if (full !== this.dir && !full.startsWith(this.dir + sep)) throw new Error(`refusing a path outside the vault: ${path}`);
		return full;
	}

	list(folder: string): Promise<string[]> {
		return settle(() => this.listNow(folder));
	}

	private listNow(folder: string): string[] {
		const start = this.absolute(folder);
		const out: string[] = [];
		const walk = (dir: string): void => {
			if (!existsSync(dir)) return;
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				if (entry.name.startsWith(".")) continue;
				const full = join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (entry.isFile()) out.push(relative(this.dir, full).split(sep).join("/"));
			}
		};
		walk(start);
		return out.sort();
	}

	read(path: string): Promise<string | null> {
		return settle(() => {
			try {
				return readFileSync(this.absolute(path), "utf8");
			} catch (error) {
				if (isMissing(error)) return null;
				throw error;
			}
		});
	}

	stat(path: string): Promise<FileStat | null> {
		return settle(() => {
			const stats = statSync(this.absolute(path), { throwIfNoEntry: false });
			return stats === undefined || !stats.isFile() ? null : { size: stats.size, mtime: stats.mtimeMs };
		});
	}

	/**
	 * Creates are handed to a writer thread, many at once, so that an import renders the next notes while the last ones
	 * are written: two of its batches, enough to keep it busy. More in flight only kept more notes' text alive through
	 * each young-generation collection (1,024 cost a 10,000-page import about 0.6 s more of scavenging). A writer that
	 * renders gets more: how far behind it may fall is `renderHereAfter`'s to say, and the limit must not say it first.
	 */
	get parallelCreates(): number {
		return this.noteCreator === undefined ? 128 : 512;
	}
	private writer: WriterThread | null = null;

	create(path: string, content: string): Promise<FileStat> {
		// Queued inside `settle`'s work, which runs at once: a turn's creates go over to the writer together. The
		// answer is the writer's own look at the file right after writing it.
		return settle(() => this.writerThread().create(this.absolute(path), content)).then(statOf);
	}

	private createNote(path: string, frontmatter: Record<string, unknown>, body: string): Promise<CreatedNote> {
		return settle(() => this.writerThread().createNote(this.absolute(path), frontmatter, body)).then((written: Written) => {
			if (written.fingerprint === undefined) throw new Error(`the writer thread did not say how it stamped ${path}`);
			return { fingerprint: written.fingerprint, stat: statOf(written) };
		});
	}

	private writerThread(): WriterThread {
		return (this.writer ??= new WriterThread(this.writerSource));
	}

	replace(path: string, expected: string, content: string): Promise<boolean> {
		return settle(() => {
			const full = this.absolute(path);
			if (!existsSync(full) || readFileSync(full, "utf8") !== expected) return false;
			writeFileSync(full, content, "utf8");
			return true;
		});
	}
}

/** A written file's stat alone (the writer's answer also carries a rendered note's fingerprint). */
function statOf(written: Written): FileStat {
	return { size: written.size, mtime: written.mtime };
}

/** The result of work run at once (or the promise it starts), as a promise: what it throws (a path outside the vault, a disk error) rejects it. */
function settle<T>(work: () => T | PromiseLike<T>): Promise<T> {
	try {
		return Promise.resolve(work());
	} catch (error) {
		return Promise.reject(error instanceof Error ? error : new Error(String(error)));
	}
}
