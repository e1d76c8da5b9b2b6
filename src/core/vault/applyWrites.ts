/** Carries out a write plan through a VaultPort, never outside the target folder. */
import { isInside } from "../atlas/paths";
import type { VaultPort } from "./port";
import type { WriteAction } from "./planWrites";

/** What happened to each planned write. */
export interface WriteOutcome {
	created: string[];
	updated: string[];
	unchanged: string[];
	kept: { path: string; reason: string }[];
}

/** Applies the plan; a note that changed between planning and writing is kept, not overwritten. */
export async function applyWrites(
	vault: VaultPort,
	root: string,
	actions: WriteAction[],
	onProgress?: (done: number, total: number) => void,
): Promise<WriteOutcome> {
	for (const action of actions) {
		if (!isInside(root, action.path)) throw new Error(`refusing to write outside the target folder "${root}": ${action.path}`);
	}
	const outcome: WriteOutcome = { created: [], updated: [], unchanged: [], kept: [] };
	let done = 0;
	for (const action of actions) {
		switch (action.kind) {
			case "create":
				await vault.create(action.path, action.content);
				outcome.created.push(action.path);
				break;
			case "update":
				if (await vault.replace(action.path, action.previous, action.content)) outcome.updated.push(action.path);
				else outcome.kept.push({ path: action.path, reason: "changed while the import ran; your text was kept" });
				break;
			case "unchanged":
				outcome.unchanged.push(action.path);
				break;
			case "kept":
				outcome.kept.push({ path: action.path, reason: action.reason });
				break;
		}
		done++;
		if (onProgress !== undefined && (done % 100 === 0 || done === actions.length)) onProgress(done, actions.length);
	}
	return outcome;
}
