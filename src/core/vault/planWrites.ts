/** Pure write planning: what to create, update, leave alone, or keep because the user edited it. */
import { isUntouched } from "../markdown/frontmatter";

/** One planned write (or deliberate non-write). */
export type WriteAction =
	| { kind: "create"; path: string; content: string }
	| { kind: "update"; path: string; previous: string; content: string }
	| { kind: "unchanged"; path: string }
	| { kind: "kept"; path: string; reason: string };

/** Decides each note's fate by comparing it with what the vault holds now. */
export function planWrites(notes: { path: string; content: string }[], existing: Map<string, string>): WriteAction[] {
	return notes.map((note): WriteAction => {
		const current = existing.get(note.path);
		if (current === undefined) return { kind: "create", path: note.path, content: note.content };
		if (current === note.content) return { kind: "unchanged", path: note.path };
		if (isUntouched(current)) return { kind: "update", path: note.path, previous: current, content: note.content };
		return { kind: "kept", path: note.path, reason: "edited since it was imported; your text was kept and the new import was not written" };
	});
}

/** True when a plan writes anything. */
export function plansAnyWrite(actions: WriteAction[]): boolean {
	return actions.some((a) => a.kind === "create" || a.kind === "update");
}
