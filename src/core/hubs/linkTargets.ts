/** Wiki links to notes in the shortest form that still resolves to exactly one file, as Obsidian writes them. */
import { noteBaseName, withoutMd } from "../atlas/paths";
import { linkDisplay } from "../markdown/escape";

/** Link targets for a set of vault paths: the bare base name where it is unique, else the path without `.md`. */
export class LinkTargets {
	private readonly baseCounts = new Map<string, number>();
	/** Answers so far: a hub asks for the same notes on every update. */
	private readonly known = new Map<string, string>();

	constructor(paths: Iterable<string>) {
		for (const path of paths) {
			if (!path.endsWith(".md")) continue;
			const key = noteBaseName(path).toLowerCase();
			this.baseCounts.set(key, (this.baseCounts.get(key) ?? 0) + 1);
		}
	}

	/** The link target for a path. */
	target(path: string): string {
		let target = this.known.get(path);
		if (target === undefined) {
			const base = noteBaseName(path);
			target = (this.baseCounts.get(base.toLowerCase()) ?? 0) <= 1 ? base : withoutMd(path);
			this.known.set(path, target);
		}
		return target;
	}
}

/** `[[target|display]]`, the display part only where it differs from the target. */
export function wikiLink(target: string, display: string): string {
	const shown = linkDisplay(display);
	return shown === target || shown === "" ? `[[${target}]]` : `[[${target}|${shown}]]`;
}
