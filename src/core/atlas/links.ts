/** Wiki links between generated notes: the shortest form that still resolves to exactly one file. */
import { linkDisplay } from "../markdown/escape";
import { noteBaseName, withoutMd } from "./paths";

/** The display key of a link shown as its target. */
const BARE = Symbol("bare");

/** The first link made to a note, and any made to it with other words. */
interface Made {
	display: string | typeof BARE;
	link: string;
	others: Map<string | typeof BARE, string> | null;
}

/** Makes wiki links to notes by id, using the bare base name where it is unique in the vault. */
export class Linker {
	private readonly baseCounts = new Map<string, number>();
	private readonly targets = new Map<string, string>();
	/** Links made, by id and then by display text (`BARE` for none). */
	private readonly links = new Map<string, Made>();

	constructor(private readonly paths: Map<string, string>, otherPaths: string[]) {
		// The planned paths are distinct already; only the vault's own files can repeat one (a note imported before).
		// A first import has none, and is spared a set of a hundred thousand paths.
		const planned = otherPaths.length === 0 ? null : new Set(paths.values());
		for (const path of paths.values()) this.count(path);
		for (const path of otherPaths) if (path.endsWith(".md") && planned?.has(path) !== true) this.count(path);
	}

	private count(path: string): void {
		const key = noteBaseName(path).toLowerCase();
		this.baseCounts.set(key, (this.baseCounts.get(key) ?? 0) + 1);
	}

	/** The link target for a note id (base name or path without `.md`), or null for an unknown id. */
	target(id: string): string | null {
		// Notes link to the same few clusters, groups and episodes thousands of times: each target is worked out once.
		let target = this.targets.get(id);
		if (target === undefined) {
			const path = this.paths.get(id);
			if (path === undefined) return null;
			const base = noteBaseName(path);
			target = this.baseCounts.get(base.toLowerCase()) === 1 ? base : withoutMd(path);
			this.targets.set(id, target);
		}
		return target;
	}

	/** `[[target|display]]`, or `[[target#^block|display]]`; the display part only where it differs. */
	link(id: string, display?: string, block?: string): string {
		// The same note is linked with the same words from many notes (a cluster from each of its questions). Looked up
		// by id, then by display, not by a key joining the two: a joined key is a new string whose hash is computed
		// on every call, while an id's or a title's hash is computed once and kept with the string. Most notes are
		// linked with one display only (a question by its title), so the first is kept without a map of its own.
		if (block !== undefined) return this.makeLink(id, display, block);
		const key = display ?? BARE;
		const made = this.links.get(id);
		if (made === undefined) {
			const link = this.makeLink(id, display);
			this.links.set(id, { display: key, link, others: null });
			return link;
		}
		if (made.display === key) return made.link;
		let link = made.others?.get(key);
		if (link === undefined) {
			link = this.makeLink(id, display);
			(made.others ??= new Map()).set(key, link);
		}
		return link;
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
