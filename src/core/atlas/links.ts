/** Wiki links between generated notes: the shortest form that still resolves to exactly one file. */
import { linkDisplay } from "../markdown/escape";

function baseOf(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/, "");
}

/** The display key of a link shown as its target. */
const BARE = Symbol("bare");

/** Makes wiki links to notes by id, using the bare base name where it is unique in the vault. */
export class Linker {
	private readonly baseCounts = new Map<string, number>();
	private readonly targets = new Map<string, string>();
	/** Links made, by id and then by display text (`BARE` for none). */
	private readonly links = new Map<string, Map<string | typeof BARE, string>>();

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
		// The same note is linked with the same words from many notes (a cluster from each of its questions). Looked up
		// by id, then by display, not by a key joining the two: a joined key is a new string whose hash is computed
		// on every call, while an id's or a title's hash is computed once and kept with the string.
		if (block !== undefined) return this.makeLink(id, display, block);
		let byDisplay = this.links.get(id);
		if (byDisplay === undefined) {
			byDisplay = new Map();
			this.links.set(id, byDisplay);
		}
		const key = display ?? BARE;
		let made = byDisplay.get(key);
		if (made === undefined) {
			made = this.makeLink(id, display);
			byDisplay.set(key, made);
		}
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
