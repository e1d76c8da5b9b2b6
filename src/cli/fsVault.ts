/** VaultPort over a folder on disk, for the command-line tool. Refuses any path that leaves the folder. */
import { existsSync, mkdir, mkdirSync, readdirSync, readFileSync, statSync, writeFile, writeFileSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import type { FileStat, VaultPort } from "../core";

/** True for a file system error saying a file or folder is not there. */
function isMissing(error: unknown): boolean {
	// Not `instanceof Error`: fs errors come from Node's own realm, which is not the caller's under a test runner.
	return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}

/** A vault folder on disk; paths are vault-relative with `/` separators. */
export class FsVault implements VaultPort {
	readonly dir: string;
	/** Folders this vault made or found, so that a hundred thousand notes in a few folders make each folder once. */
	private readonly folders = new Set<string>();

	constructor(dir: string) {
		this.dir = resolve(dir);
	}

	/** The absolute path for a vault path, or an error when it would escape the vault. */
	private absolute(path: string): string {
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
	 * Notes are written on libuv's threads (callback `fs.writeFile`, not `fs/promises`, which is several times slower
	 * over thousands of small files), so that an import renders the next notes while the last ones are written.
	 */
	readonly parallelCreates = 16;

	create(path: string, content: string): Promise<void> {
		return new Promise((done, fail) => {
			const full = this.absolute(path);
			const folder = dirname(full);
			if (!this.folders.has(folder)) {
				mkdirSync(folder, { recursive: true });
				this.folders.add(folder);
			}
			// `wx`: a file that appeared meanwhile is never replaced.
			writeFile(full, content, { encoding: "utf8", flag: "wx" }, (error) => {
				if (error === null) return done();
				if (!isMissing(error)) return fail(error);
				// The folder went away after it was made (another program removed it): make it again.
				mkdir(folder, { recursive: true }, (failed) => {
					if (failed !== null) return fail(failed);
					writeFile(full, content, { encoding: "utf8", flag: "wx" }, (again) => (again === null ? done() : fail(again)));
				});
			});
		});
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

/** The result of synchronous work as a promise: what it throws (a path outside the vault, a disk error) rejects it. */
function settle<T>(work: () => T): Promise<T> {
	try {
		return Promise.resolve(work());
	} catch (error) {
		return Promise.reject(error instanceof Error ? error : new Error(String(error)));
	}
}
