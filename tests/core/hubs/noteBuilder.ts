/** Small hand-written vaults for hub tests: notes as frontmatter + body, read back as the CLI reads them. */
import { dump } from "js-yaml";
import { hubSourceFromFiles, MemoryVault, type HubSource } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";

/** A note's text from its frontmatter and body. */
export function note(frontmatter: Record<string, unknown>, body = ""): string {
	return `---\n${dump(frontmatter, { lineWidth: -1 })}---\n${body}`;
}

/** A hub source over path → text, with modification times in the order given (later = newer) unless set. */
export function sourceFrom(files: Record<string, string>, mtimes: Record<string, number> = {}): HubSource {
	return hubSourceFromFiles(
		Object.entries(files).map(([path, content], i) => ({ path, content, mtime: mtimes[path] ?? i + 1 })),
		nodeYaml,
	);
}

/** A MemoryVault holding `files`. */
export function vaultFrom(files: Record<string, string>): MemoryVault {
	return new MemoryVault(files);
}

/** Reads a MemoryVault back as a hub source. */
export function sourceOfVault(vault: MemoryVault): HubSource {
	return sourceFrom(Object.fromEntries(vault.files), Object.fromEntries(vault.mtimes));
}
