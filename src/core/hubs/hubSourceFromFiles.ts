/** A hub source over files read from disk or memory (CLI, tests, benchmarks): NoteInfo plus first paragraphs. */
import { splitFrontmatter } from "../markdown/frontmatter";
import type { YamlPort } from "../markdown/yaml";
import { notesFromFiles, type RawNote } from "../vault/noteInfo";
import { firstParagraph } from "./firstParagraph";
import { hubSource, type HubSource } from "./hubSource";

/** Reads every Markdown file once; first paragraphs are taken only for the notes that end up needing one. */
export function hubSourceFromFiles(files: readonly RawNote[], yaml: YamlPort): HubSource {
	const contents = new Map(files.map((f) => [f.path, f.content]));
	return hubSource(notesFromFiles([...files], yaml), {
		firstParagraph: (path) => {
			const content = contents.get(path);
			return content === undefined ? undefined : firstParagraph(splitFrontmatter(content).body);
		},
	});
}
