/** Reads the pages to import from a vault folder (or chosen files), as text the core can check. */
import { normalizePath, TFile, TFolder, type TAbstractFile, type Vault } from "obsidian";
import type { InputFile } from "../../core";

const TEXT_EXTENSIONS = new Set(["txt", "md", "markdown", "text"]);

/** Every file below a folder, or the file itself. */
export function filesBelow(node: TAbstractFile): TFile[] {
	if (node instanceof TFile) return [node];
	if (node instanceof TFolder) return node.children.flatMap(filesBelow);
	return [];
}

/** Reads files as input pages; non-text files are decoded leniently so the core can name them as binary. */
export async function readSources(vault: Vault, files: TFile[]): Promise<InputFile[]> {
	const decoder = new TextDecoder("utf-8", { fatal: false });
	const inputs: InputFile[] = [];
	for (const file of files) {
		const text = TEXT_EXTENSIONS.has(file.extension.toLowerCase()) ? await vault.read(file) : decoder.decode(await vault.readBinary(file));
		inputs.push({ file: file.path, text });
	}
	return inputs;
}

/** The files in the configured source folder, or null when the folder does not exist. */
export function sourceFiles(vault: Vault, folder: string): TFile[] | null {
	const node = vault.getFolderByPath(normalizePath(folder));
	return node === null ? null : filesBelow(node).sort((a, b) => (a.path < b.path ? -1 : 1));
}
