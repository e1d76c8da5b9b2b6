/** Wiki links between generated notes: the shortest form that still resolves to exactly one file. */
import { linkDisplay } from "../markdown/escape";

function baseOf(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/, "");
}

/** Makes wiki links to notes by id, using the bare base name where it is unique in the vault. */
export class Linker {
	private readonly baseCounts = new Map<string, number>();
	private readonly targets = new Map<string, string>();
	private readonly links = new Map<string, string>();

	constructor(private readonly paths: Map<string, string>, otherPaths: string[]) {
		const all = new Set([...paths.values(), ...otherPaths.filter((p) => p.endsWith(".md"))]);
		for (const path of all) {
			const key = baseOf(path).toLowerCase();
			this.baseCounts.set(key, (this.baseCounts.get(key) ?? 0) + 1);
		}
	}

	/** The link target for a note id (base name or path without `.md`), or null for an unknown id. */
	target(id: string): string | null {
		// Notes link to the same few clusters, groups and episodes thousands of times: each target is worked out once.
		let target = this.targets.get(id);
		if (target === undefined) {
			const path = this.paths.get(id);
			if (path === undefined) return null;
			const base = baseOf(path);
			target = this.baseCounts.get(base.toLowerCase()) === 1 ? base : path.replace(/\.md$/, "");
			this.targets.set(id, target);
		}
		return target;
	}

	/** `[[target|display]]`, or `[[target#^block|display]]`; the display part only where it differs. */
	link(id: string, display?: string, block?: string): string {
		// The same note is linked with the same words from many notes (a cluster from each of its questions).
		// The key is unambiguous: a bare link's starts with NUL, a shown one's with the id's length.
		const key = block !== undefined ? null : display === undefined ? `\u0000${id}` : `${id.length}:${id}${display}`;
		if (key !== null) {
			const known = this.links.get(key);
			if (known !== undefined) return known;
		}
		const made = this.makeLink(id, display, block);
		if (key !== null) this.links.set(key, made);
		return made;
	}

	private makeLink(id: string, display?: string, block?: string): string {
		const target = this.target(id);
		if (target === null) return linkDisplay(display ?? id);
		const anchor = block === undefined ? "" : `#^${block}`;
		const shown = display === undefined ? undefined : linkDisplay(display);
		const needsDisplay = shown !== undefined && (shown !== target || anchor !== "");
		return `[[${target}${anchor}${needsDisplay ? `|${shown}` : ""}]]`;
	}
}
