/** Carries out planned writes through a VaultPort, one at a time as the import plans them, never outside the target folder. */
import { isInside } from "../atlas/paths";
import { rewriteFrontmatter } from "../markdown/frontmatter";
import { ownedHash } from "../markdown/ownedProperties";
import type { YamlPort } from "../markdown/yaml";
import type { CreatedNote, FileStat, NoteCreator, VaultPort } from "./port";
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
	/** Creates still in flight, oldest first (at most the host's `parallelCreates`). */
	private readonly pending: Promise<void>[] = [];
	/** The first create that failed: the import stops at the next action. */
	private failure: { error: unknown } | null = null;

	constructor(
		private readonly vault: VaultPort,
		private readonly root: string,
		private readonly yaml?: YamlPort,
	) {}

	/**
	 * Applies one action; a note that changed since planning is kept, not overwritten. A create may still be in
	 * flight when this returns (up to the host's `parallelCreates`); any other action waits for every earlier create
	 * first, so that writes land in plan order. `finish` waits for the last ones. `created` gets a created file's stat
	 * once it is written, where the host tells it.
	 */
	async apply(action: WriteAction, created?: (stat: FileStat | null) => void): Promise<void> {
		if (!isInside(this.root, action.path)) throw new Error(`refusing to write outside the target folder "${this.root}": ${action.path}`);
		const { vault, outcome } = this;
		if (action.kind === "create") {
			const { path, content } = action;
			await this.inFlight(() => vault.create(path, content).then((stat) => created?.(stat)));
			outcome.created.push(path);
			return;
		}
		await this.finish();
		switch (action.kind) {
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

	/**
	 * Has `creator` render and create a note the vault does not hold; `written` gets its fingerprint and stat once it is
	 * written. Like a create of `apply`'s, it may still be in flight when this returns.
	 */
	async createNote(creator: NoteCreator, path: string, frontmatter: Record<string, unknown>, body: string, written: (note: CreatedNote) => void): Promise<void> {
		if (!isInside(this.root, path)) throw new Error(`refusing to write outside the target folder "${this.root}": ${path}`);
		await this.inFlight(() => creator.create(path, frontmatter, body).then(written));
		this.outcome.created.push(path);
	}

	/** Waits for every create in flight; throws the first one's error, if any failed. */
	async finish(): Promise<void> {
		for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) await next;
		this.throwFailure();
	}

	/** Starts a write, and returns once no more than the host's `parallelCreates` are in flight. */
	private async inFlight(write: () => Promise<unknown>): Promise<void> {
		this.throwFailure();
		const limit = this.vault.parallelCreates ?? 1;
		if (limit <= 1) {
			await write();
			return;
		}
		// Each write's error is caught at once (one that failed while another was awaited would otherwise be an
		// unhandled rejection) and thrown at the next action.
		this.pending.push(
			write().then(
				() => undefined,
				(error: unknown) => {
					this.failure ??= { error };
				},
			),
		);
		if (this.pending.length >= limit) await this.pending.shift();
		this.throwFailure();
	}

	private throwFailure(): void {
		if (this.failure !== null) throw this.failure.error;
	}
}
