/** Reads the pages to import from a vault folder (or chosen files), as text the core can check. */
import { normalizePath, TFile, TFolder, type TAbstractFile, type Vault } from "obsidian";
import type { InputFile } from "../../core";

const TEXT_EXTENSIONS = new Set(["txt", "md", "markdown", "text"]);

/** Every file below a folder, or the file itself, sorted by path. */
export function filesBelow(node: TAbstractFile): TFile[] {
	if (node instanceof TFile) return [node];
	if (node instanceof TFolder) return node.children.flatMap(filesBelow).sort((a, b) => (a.path < b.path ? -1 : 1));
	return [];
}

/**
 * Reads files as input pages; other extensions are read as bytes and decoded leniently so the core can name them as
 * binary. A file that cannot be read at all becomes an `unreadable` input: reported by name, and the rest still import.
 */
export async function readSources(vault: Vault, files: TFile[]): Promise<InputFile[]> {
	let decoder: TextDecoder | null = null;
	const decode = (bytes: ArrayBuffer): string => (decoder ??= new TextDecoder("utf-8", { fatal: false })).decode(bytes);
	const inputs: InputFile[] = [];
	for (const file of files) {
		try {
			const text = TEXT_EXTENSIONS.has(file.extension.toLowerCase()) ? await vault.read(file) : decode(await vault.readBinary(file));
			inputs.push({ file: file.path, text });
		} catch (error) {
			inputs.push({ file: file.path, text: "", unreadable: error instanceof Error ? error.message : String(error) });
		}
	}
	return inputs;
}

/** The files in the configured source folder ("" is the vault root), or null when the folder does not exist. */
export function sourceFiles(vault: Vault, folder: string): TFile[] | null {
	const path = normalizePath(folder === "" ? "/" : folder);
	const node = path === "/" ? vault.getRoot() : vault.getFolderByPath(path);
	return node === null ? null : filesBelow(node);
}
