/** Carries out a write plan through a VaultPort, never outside the target folder. */
import { isInside } from "../atlas/paths";
import { rewriteFrontmatter } from "../markdown/frontmatter";
import { ownedHash } from "../markdown/ownedProperties";
import type { YamlPort } from "../markdown/yaml";
import type { VaultPort } from "./port";
import type { WriteAction } from "./planWrites";

/** What happened to each planned write. */
export interface WriteOutcome {
	created: string[];
	updated: string[];
	/** Notes the user edited whose generated properties were refreshed, their text kept. */
	refreshed: string[];
	unchanged: string[];
	kept: { path: string; reason: string }[];
}

type FrontmatterAction = Extract<WriteAction, { kind: "update-frontmatter" }>;

/** Applies a property change to parsed frontmatter, unless the owned properties moved since planning. */
export function changeFrontmatter(action: FrontmatterAction): (frontmatter: Record<string, unknown>) => boolean {
	return (frontmatter) => {
		if (ownedHash(frontmatter) !== action.owned) return false;
		for (const key of action.remove) delete frontmatter[key];
		for (const [key, value] of Object.entries(action.set)) frontmatter[key] = value;
		return true;
	};
}

/** Changes a note's properties through the port's own frontmatter API, else by rewriting its text with `yaml`. */
async function updateFrontmatter(vault: VaultPort, action: FrontmatterAction, yaml: YamlPort | undefined): Promise<boolean> {
	const change = changeFrontmatter(action);
	if (vault.processFrontMatter !== undefined) return vault.processFrontMatter(action.path, change);
	if (yaml === undefined) return false;
	const current = await vault.read(action.path);
	if (current === null) return false;
	const next = rewriteFrontmatter(current, change, yaml);
	return next !== null && (await vault.replace(action.path, current, next));
}

const CHANGED_MEANWHILE = "changed while the import ran; your text was kept";

/**
 * Carries out write actions one at a time, as they are planned, and collects what happened to each: an import
 * writes each note as soon as it is rendered, so that its text need not be kept until every other note is ready.
 */
export class WriteApplier {
	readonly outcome: WriteOutcome = { created: [], updated: [], refreshed: [], unchanged: [], kept: [] };

	constructor(
		private readonly vault: VaultPort,
		private readonly root: string,
		private readonly yaml?: YamlPort,
	) {}

	/** Applies one action; a note that changed since planning is kept, not overwritten. */
	async apply(action: WriteAction): Promise<void> {
		if (!isInside(this.root, action.path)) throw new Error(`refusing to write outside the target folder "${this.root}": ${action.path}`);
		const { vault, outcome } = this;
		switch (action.kind) {
			case "create":
				await vault.create(action.path, action.content);
				outcome.created.push(action.path);
				break;
			case "update":
				if (await vault.replace(action.path, action.previous, action.content)) outcome.updated.push(action.path);
				else outcome.kept.push({ path: action.path, reason: CHANGED_MEANWHILE });
				break;
			case "update-frontmatter":
				if (await updateFrontmatter(vault, action, this.yaml)) outcome.refreshed.push(action.path);
				else outcome.kept.push({ path: action.path, reason: CHANGED_MEANWHILE });
				break;
			case "unchanged":
				outcome.unchanged.push(action.path);
				break;
			case "kept":
				outcome.kept.push({ path: action.path, reason: action.reason });
				break;
		}
	}
}

/** Applies the plan, every path checked before the first write; a note that changed between planning and writing is kept, not overwritten. */
export async function applyWrites(
	vault: VaultPort,
	root: string,
	actions: WriteAction[],
	onProgress?: (done: number, total: number) => void,
	yaml?: YamlPort,
): Promise<WriteOutcome> {
	for (const action of actions) {
		if (!isInside(root, action.path)) throw new Error(`refusing to write outside the target folder "${root}": ${action.path}`);
	}
	const applier = new WriteApplier(vault, root, yaml);
	let done = 0;
	for (const action of actions) {
		await applier.apply(action);
		done++;
		if (onProgress !== undefined && (done % 100 === 0 || done === actions.length)) onProgress(done, actions.length);
	}
	return applier.outcome;
}
