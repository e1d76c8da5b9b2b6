/** The seeds imported into a MemoryVault, and helpers to read it back as the hubs feature does. */
import { hubSourceFromFiles, importPages, MemoryVault, type HubSource, type RawNote } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { loadSeeds } from "../../helpers/seeds";

/** The seed hub's note and tag, as the importer writes them. */
export const SEED_HUB = "Hubs/What does reward learning actually do to model reasoning.md";
export const SEED_TAG = "hub/what-does-reward-learning-actually-do-to-model-reasoning";

/** Imports the five seed pages into a fresh MemoryVault. */
export async function seedVault(): Promise<MemoryVault> {
	const vault = new MemoryVault();
	await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
	return vault;
}

/** The vault's files as RawNote, with the vault's write stamps as modification times. */
export function filesOf(vault: MemoryVault): RawNote[] {
	return [...vault.files].map(([path, content]) => ({ path, content, mtime: vault.mtimes.get(path) ?? 0 }));
}

/** A hub source over the vault as it is now. */
export function sourceOf(vault: MemoryVault): HubSource {
	return hubSourceFromFiles(filesOf(vault), nodeYaml);
}

/** The generated region of a note's text (markers included). */
export function regionOf(text: string): string {
	const start = text.indexOf("%% research-atlas:hub start");
	const end = text.indexOf("%% research-atlas:hub end %%");
	return text.slice(start, end + "%% research-atlas:hub end %%".length);
}

/** Sections of a rendered region: heading line → card lines, in order. */
export function sectionsOf(region: string): { heading: string; count: string; cards: string[] }[] {
	const out: { heading: string; count: string; cards: string[] }[] = [];
	const lines = region.split("\n");
	lines.forEach((line, i) => {
		if (line.startsWith("## ")) out.push({ heading: line.slice(3), count: lines[i + 2] ?? "", cards: [] });
		else if (line.startsWith("- ")) out[out.length - 1]?.cards.push(line);
	});
	return out;
}
