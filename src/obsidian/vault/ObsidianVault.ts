/**
 * The core's VaultPort over Obsidian's API: `vault.create` for new notes, `vault.process` for whole-note updates,
 * `fileManager.processFrontMatter` for property-only updates, and folder walks (never a getFiles() scan).
 */
import { normalizePath, TFile, TFolder, type FileManager, type TAbstractFile, type Vault } from "obsidian";
import { rewriteFrontmatter, type FileStat, type VaultPort } from "../../core";
import { obsidianYaml } from "./yaml";

/** A file's size and modification time as Obsidian keeps them. */
function statOf(file: TFile): FileStat {
	return { size: file.stat.size, mtime: file.stat.mtime };
}

/** Thrown inside processFrontMatter to abort it, so Obsidian writes nothing. */
class LeaveUnchanged extends Error {}

/** Reads and writes vault files for the importer. */
export class ObsidianVault implements VaultPort {
	/** Without a file manager, property updates rewrite the frontmatter text with Obsidian's YAML instead. */
	constructor(
		private readonly vault: Vault,
		private readonly fileManager: FileManager | null = null,
	) {}

	/** What Obsidian already knows of a file (`TFile.stat`), without reading it. */
	stat(path: string): Promise<FileStat | null> {
		const file = this.vault.getFileByPath(normalizePath(path));
		return Promise.resolve(file === null ? null : statOf(file));
	}

	list(folder: string): Promise<string[]> {
		const vault = this.vault;
		const start = folder === "" ? vault.getRoot() : vault.getFolderByPath(normalizePath(folder));
		const out: string[] = [];
		const walk = (node: TAbstractFile): void => {
			if (node instanceof TFile) out.push(node.path);
			else if (node instanceof TFolder) for (const child of node.children) walk(child);
		};
		if (start !== null) walk(start);
		return Promise.resolve(out.sort());
	}

	async read(path: string): Promise<string | null> {
		const file = this.vault.getFileByPath(normalizePath(path));
		return file === null ? null : this.vault.read(file);
	}

	async create(path: string, content: string): Promise<FileStat | null> {
		const vault = this.vault;
		const normalized = normalizePath(path);
		const parts = normalized.split("/").slice(0, -1);
		for (let i = 1; i <= parts.length; i++) {
			const folder = parts.slice(0, i).join("/");
			if (vault.getFolderByPath(folder) === null) await vault.createFolder(folder);
		}
		return statOf(await vault.create(normalized, content));
	}

	async replace(path: string, expected: string, content: string): Promise<boolean> {
		const file = this.vault.getFileByPath(normalizePath(path));
		if (file === null) return false;
		let replaced = false;
		await this.vault.process(file, (current) => {
			replaced = current === expected;
			return replaced ? content : current;
		});
		return replaced;
	}

	async processFrontMatter(path: string, fn: (frontmatter: Record<string, unknown>) => boolean): Promise<boolean> {
		const file = this.vault.getFileByPath(normalizePath(path));
		if (file === null) return false;
		if (this.fileManager === null) {
			const current = await this.vault.read(file);
			const next = rewriteFrontmatter(current, fn, obsidianYaml);
			return next !== null && (await this.replace(path, current, next));
		}
		try {
			await this.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
				if (!fn(frontmatter)) throw new LeaveUnchanged();
			});
			return true;
		} catch (error) {
			if (error instanceof LeaveUnchanged) return false;
			throw error;
		}
	}
}
