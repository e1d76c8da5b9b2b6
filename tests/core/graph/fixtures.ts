/** Graph test fixtures: the demo vault as NoteInfo (imported in memory from seeds/), and hand-made notes. */
import { importPages, MemoryVault, notesFromFiles, type NoteInfo } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { loadSeeds } from "../../helpers/seeds";

/** Every note of the demo vault, as `notesFromFiles` reads them. */
export async function demoNotes(): Promise<NoteInfo[]> {
	const vault = new MemoryVault();
	await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
	return notesFromFiles(
		[...vault.files.entries()].map(([path, content]) => ({ path, content })),
		nodeYaml,
	);
}

/** A note with the given frontmatter, tags and resolved links. */
export function note(path: string, frontmatter: Record<string, unknown>, tags: string[] = [], links: string[] = []): NoteInfo {
	return { path, basename: path.split("/").pop()?.replace(/\.md$/, "") ?? path, frontmatter, tags, links, unresolved: [], mtime: 0 };
}
