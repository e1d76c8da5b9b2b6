/** Which hubs a note change concerns, so auto-update rebuilds only those, and only when something they show moved. */
import { hasTagUnder, readHubSpec, type HubDefaults, type HubSpec, type NoteInfo } from "../../core";

/** What a hub shows of a note under a spec: a change elsewhere in the note cannot change the hub. */
function shown(note: NoteInfo, spec: HubSpec): string {
	const fm = note.frontmatter;
	// A section note's `order` and declared count place and label its section.
	const parts: unknown[] = [note.path, [...note.tags].sort(), fm.title, fm.description, fm.type, fm.order, fm.declared_notes, spec.excludeKey === "" ? null : fm[spec.excludeKey]];
	if (spec.sort === "modified") parts.push(note.mtime);
	// Citation order and automatic sections read links; frontmatter sections read one key.
	if (spec.sort === "citations" || spec.sections.kind === "auto") parts.push(note.links);
	if (spec.sections.kind === "frontmatter") parts.push(fm[spec.sections.key]);
	// A note without a description shows its first paragraph, which any edit may change.
	if (typeof fm.description !== "string") parts.push(note.mtime);
	return JSON.stringify(parts);
}

/** How a hub is specified (a change of it rebuilds the hub; a change of its region alone does not). */
function specOf(note: NoteInfo | null, defaults: HubDefaults): string | null {
	const spec = note === null ? null : readHubSpec(note, defaults);
	return spec === null ? null : JSON.stringify(spec);
}

/** Paths of the hubs that `before → after` of one note may change. */
export function hubsConcerned(hubs: readonly NoteInfo[], before: NoteInfo | null, after: NoteInfo | null, defaults: HubDefaults): string[] {
	const out: string[] = [];
	for (const hub of hubs) {
		if (hub.path === before?.path || hub.path === after?.path) {
			// The hub's own note: only a change of its spec (tag, sections, order, freeze) asks for a rebuild.
			const then = specOf(before, defaults);
			const now = specOf(after, defaults);
			if (now !== null && then !== now) out.push(hub.path);
			continue;
		}
		const spec = readHubSpec(hub, defaults);
		if (spec === null || spec.frozen) continue;
		const wasIn = before !== null && hasTagUnder(before.tags, spec.tag);
		const isIn = after !== null && hasTagUnder(after.tags, spec.tag);
		if (!wasIn && !isIn) continue;
		if (wasIn !== isIn || before === null || after === null || shown(before, spec) !== shown(after, spec)) out.push(hub.path);
	}
	return out;
}
