/** An in-memory VaultPort for tests and benchmarks; records every write with a modification counter. */
import type { FileStat, VaultPort } from "./port";

/** Files in memory, with a per-file write stamp standing in for modification times. */
export class MemoryVault implements VaultPort {
	readonly files = new Map<string, string>();
	readonly mtimes = new Map<string, number>();
	private clock = 0;

	constructor(initial: Record<string, string> = {}) {
		for (const [path, content] of Object.entries(initial)) this.set(path, content);
	}

	/** Sets a file directly (as a user edit would). */
	set(path: string, content: string): void {
		this.files.set(path, content);
		this.mtimes.set(path, ++this.clock);
	}

	list(folder: string): Promise<string[]> {
		const prefix = folder === "" ? "" : `${folder}/`;
		return Promise.resolve([...this.files.keys()].filter((p) => p.startsWith(prefix)).sort());
	}

	read(path: string): Promise<string | null> {
		return Promise.resolve(this.files.get(path) ?? null);
	}

	stat(path: string): Promise<FileStat | null> {
		return Promise.resolve(this.statOf(path));
	}

	create(path: string, content: string): Promise<FileStat | null> {
		if (this.files.has(path)) return Promise.reject(new Error(`${path}: already exists`));
		this.set(path, content);
		return Promise.resolve(this.statOf(path));
	}

	private statOf(path: string): FileStat | null {
		const content = this.files.get(path);
		const mtime = this.mtimes.get(path);
		return content === undefined || mtime === undefined ? null : { size: content.length, mtime };
	}

	replace(path: string, expected: string, content: string): Promise<boolean> {
		if (this.files.get(path) !== expected) return Promise.resolve(false);
		this.set(path, content);
		return Promise.resolve(true);
	}
}
