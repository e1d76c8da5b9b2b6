/** Pure write planning: what to create, update, leave alone, or keep because the user edited it. */
import { formatFingerprint, HASH_KEY, isUntouched, parseNote, storedFingerprint } from "../markdown/frontmatter";
import { isOwnedKey, ownedChange, ownedHash, ownedView } from "../markdown/ownedProperties";
import type { YamlPort } from "../markdown/yaml";
import { hashText } from "../text/hash";

/** One planned write (or deliberate non-write). */
export type WriteAction =
	| { kind: "create"; path: string; content: string }
	/** The whole note is rewritten; `reason` says what of the user's was carried over, if anything. */
	| { kind: "update"; path: string; previous: string; content: string; reason?: string }
	/**
	 * Only the importer's own properties change (`set`, `remove`), through `fileManager.processFrontMatter` in Obsidian:
	 * the user edited the body, which is kept byte for byte, as is every property of theirs. `owned` is the fingerprint
	 * the owned properties must still have when the write happens (else the user changed them meanwhile).
	 */
	| { kind: "update-frontmatter"; path: string; previous: string; owned: string; set: Record<string, unknown>; remove: string[]; reason: string }
	| { kind: "unchanged"; path: string }
	| { kind: "kept"; path: string; reason: string };

const KEPT_WHOLE = "edited since it was imported; your text was kept and the new import was not written";

/**
 * Decides a note's fate by comparing it with what the vault holds now. With the host's YAML, an edited note is
 * looked at more closely: if the user only added properties of their own, the new import is written with them kept;
 * if they edited the body but not the importer's properties, only those properties are refreshed.
 */
export function planWrite(note: { path: string; content: string }, existing: Map<string, string>, yaml?: YamlPort): WriteAction {
	const current = existing.get(note.path);
	if (current === undefined) return { kind: "create", path: note.path, content: note.content };
	if (current === note.content) return { kind: "unchanged", path: note.path };
	if (isUntouched(current)) return { kind: "update", path: note.path, previous: current, content: note.content };
	return yaml === undefined ? { kind: "kept", path: note.path, reason: KEPT_WHOLE } : planEdited(note.path, current, note.content, yaml);
}

/** The plan for a note the user edited: merge where the edit and the import touch different parts, else keep. */
function planEdited(path: string, current: string, content: string, yaml: YamlPort): WriteAction {
	const print = storedFingerprint(current);
	const mine = parseNote(current, yaml);
	const next = parseNote(content, yaml);
	if (print?.owned == null || print.body === null || mine === null || next === null) return { kind: "kept", path, reason: KEPT_WHOLE };
	if (ownedHash(mine.frontmatter) !== print.owned) {
		return { kind: "kept", path, reason: "you edited its generated properties; your note was kept as it is and the new import was not written" };
	}
	const upstream = hashText(next.body) !== print.body ? "; the page changed upstream, and its new text was not written over yours" : "";
	const { set, remove } = ownedChange(next.frontmatter, mine.frontmatter);
	if (hashText(mine.body) === print.body) {
		// Only properties of the user's own were added: the new import, with them kept.
		const merged: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(next.frontmatter)) merged[key] = key in set ? set[key] : value;
		for (const [key, value] of Object.entries(set)) if (!(key in merged)) merged[key] = value;
		for (const [key, value] of Object.entries(mine.frontmatter)) if (!isOwnedKey(key) && key !== HASH_KEY) merged[key] = value;
		const text = `---\n${yaml.stringify(merged)}---\n${next.body}`;
		return text === current ? { kind: "unchanged", path } : { kind: "update", path, previous: current, content: text, reason: "your own properties were kept" };
	}
	if (JSON.stringify(ownedView(mine.frontmatter)) === JSON.stringify(ownedView(next.frontmatter))) {
		return { kind: "kept", path, reason: `you edited its text; it was kept as it is${upstream}` };
	}
	set[HASH_KEY] = formatFingerprint({ whole: print.whole, owned: ownedHash(next.frontmatter), body: print.body });
	return { kind: "update-frontmatter", path, previous: current, owned: print.owned, set, remove, reason: `you edited its text; only its generated properties were refreshed${upstream}` };
}

/** What a report says of a planned write: its kind, its path and, for an edited note, why (not the note's text). */
export interface WriteSummary {
	kind: WriteAction["kind"];
	path: string;
	reason?: string;
}

/** An action's summary, which keeps none of the text it writes. */
export function summarize(action: WriteAction): WriteSummary {
	return "reason" in action ? { kind: action.kind, path: action.path, reason: action.reason } : { kind: action.kind, path: action.path };
}

/** True when a plan writes anything. */
export function plansAnyWrite(actions: readonly WriteSummary[]): boolean {
	return actions.some((a) => a.kind === "create" || a.kind === "update" || a.kind === "update-frontmatter");
}
