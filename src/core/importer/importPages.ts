/** The whole import, shared by the CLI and the plugin: inputs → atlas → notes → planned writes → vault. */
import { buildAtlas, type InputFile } from "../atlas/build";
import type { Atlas } from "../atlas/model";
import { atlasToNotes, INDEX_IDS } from "../atlas/notes";
import { typeTag } from "../atlas/tags";
import type { ExistingNotes, NoteType, VaultNote } from "../atlas/vaultModel";
import type { Diagnostic } from "../diagnostics";
import { composeNote, storedHash, storedId } from "../markdown/frontmatter";
import type { YamlPort } from "../markdown/yaml";
import { applyWrites, type WriteOutcome } from "../vault/applyWrites";
import { planWrites, plansAnyWrite } from "../vault/planWrites";
import type { VaultPort } from "../vault/port";
import { renderReport } from "./report";

/** Import settings: target folder, code pattern, the host's YAML, and a progress callback. */
export interface ImportOptions {
	/** Folder that receives the atlas ("" for the vault root). */
	root: string;
	yaml: YamlPort;
	codePattern?: string;
	onProgress?: (done: number, total: number) => void;
}

/** What an import did, for the CLI's JSON, the plugin's notice and tests. */
export interface ImportResult extends WriteOutcome {
	counts: Partial<Record<NoteType, number>>;
	problems: Diagnostic[];
	/** Input files rejected outright (nothing imported from them). */
	rejected: string[];
	atlas: Atlas;
	notes: VaultNote[];
}

/** Reads what the target folder holds: every path, the generated notes by id (or without one) and their text. */
export async function readExisting(vault: VaultPort, root: string, yaml: YamlPort): Promise<{ existing: ExistingNotes; contents: Map<string, string> }> {
	const paths = await vault.list(root);
	const contents = new Map<string, string>();
	const byId = new Map<string, string>();
	const withoutId = new Set<string>();
	for (const path of paths) {
		if (!path.endsWith(".md")) continue;
		const content = await vault.read(path);
		if (content === null) continue;
		contents.set(path, content);
		const id = storedId(content, yaml);
		if (id !== null && !byId.has(id)) byId.set(id, path);
		else if (id === null && storedHash(content) !== null) withoutId.add(path);
	}
	return { existing: { paths, byId, withoutId }, contents };
}

/** Imports pages into the vault. Idempotent; never overwrites a note the user edited. */
export async function importPages(inputs: InputFile[], vault: VaultPort, options: ImportOptions): Promise<ImportResult> {
	const atlas = buildAtlas(inputs, { codePattern: options.codePattern });
	const { existing, contents } = await readExisting(vault, options.root, options.yaml);
	const planned = atlasToNotes(atlas, existing, { root: options.root, codePattern: options.codePattern });
	const rendered = planned.notes.map((n) => ({ path: n.path, content: composeNote(n.frontmatter, n.body, options.yaml) }));
	const actions = planWrites(rendered, contents, options.yaml);

	const reportPath = planned.paths.get(INDEX_IDS.report) ?? "";
	const reportNote: VaultNote = {
		id: INDEX_IDS.report,
		type: "report",
		title: "Import report",
		path: reportPath,
		frontmatter: { type: "report", title: "Import report", tags: [typeTag("report")], atlas_id: INDEX_IDS.report },
		body: renderReport(atlas, planned.linker, actions, planned.notes.length),
	};
	const reportActions = planWrites([{ path: reportPath, content: composeNote(reportNote.frontmatter, reportNote.body, options.yaml) }], contents, options.yaml);
	// The report describes the last import that changed something; a no-op import leaves it (and the vault) as it was.
	const allActions = plansAnyWrite(actions) || !contents.has(reportPath) ? [...actions, ...reportActions] : actions;
	const outcome = await applyWrites(vault, options.root, allActions, options.onProgress, options.yaml);

	const counts: Partial<Record<NoteType, number>> = {};
	for (const n of [...planned.notes, reportNote]) counts[n.type] = (counts[n.type] ?? 0) + 1;
	const rejected = atlas.pages.filter((p) => p.kind === null).map((p) => p.file);
	return { ...outcome, counts, problems: atlas.diagnostics, rejected, atlas, notes: [...planned.notes, reportNote] };
}
