/** The core's VaultPort over Obsidian's Vault API: create, process, and folder walks (never a getFiles() scan). */
import { normalizePath, TFile, TFolder, type TAbstractFile, type Vault } from "obsidian";
import type { VaultPort } from "../../core";

/** Reads and writes vault files for the importer. */
export class ObsidianVault implements VaultPort {
	constructor(private readonly vault: Vault) {}

	list(folder: string): Promise<string[]> {
		const start = folder === "" ? this.vault.getRoot() : this.vault.getFolderByPath(normalizePath(folder));
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

	async create(path: string, content: string): Promise<void> {
		const normalized = normalizePath(path);
		const parts = normalized.split("/").slice(0, -1);
		for (let i = 1; i <= parts.length; i++) {
			const folder = parts.slice(0, i).join("/");
			if (this.vault.getFolderByPath(folder) === null) await this.vault.createFolder(folder);
		}
		await this.vault.create(normalized, content);
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
}
