/** Wiki links between generated notes: the shortest form that still resolves to exactly one file. */
import { linkDisplay } from "../markdown/escape";

function baseOf(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/, "");
}

/** Makes wiki links to notes by id, using the bare base name where it is unique in the vault. */
export class Linker {
	private readonly baseCounts = new Map<string, number>();

	constructor(private readonly paths: Map<string, string>, otherPaths: string[]) {
		const all = new Set([...paths.values(), ...otherPaths.filter((p) => p.endsWith(".md"))]);
		for (const path of all) {
			const key = baseOf(path).toLowerCase();
			this.baseCounts.set(key, (this.baseCounts.get(key) ?? 0) + 1);
		}
	}

	/** The link target for a note id (base name or path without `.md`), or null for an unknown id. */
	target(id: string): string | null {
		const path = this.paths.get(id);
		if (path === undefined) return null;
		const base = baseOf(path);
		return this.baseCounts.get(base.toLowerCase()) === 1 ? base : path.replace(/\.md$/, "");
	}

	/** `[[target|display]]`, or `[[target#^block|display]]`; the display part only where it differs. */
	link(id: string, display?: string, block?: string): string {
		const target = this.target(id);
		if (target === null) return linkDisplay(display ?? id);
		const anchor = block === undefined ? "" : `#^${block}`;
		const shown = display === undefined ? undefined : linkDisplay(display);
		const needsDisplay = shown !== undefined && (shown !== target || anchor !== "");
		return `[[${target}${anchor}${needsDisplay ? `|${shown}` : ""}]]`;
	}
}
