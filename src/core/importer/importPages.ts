/** The whole import, shared by the CLI and the plugin: inputs → atlas → notes → planned writes → vault. */
import { startAtlas, startAtlasPaced, type InputFile, type ProgressHook } from "../atlas/build";
import type { Atlas } from "../atlas/model";
import { atlasToNotes, INDEX_IDS } from "../atlas/notes";
import { typeTag } from "../atlas/tags";
import type { ExistingNotes, NoteType, VaultNote } from "../atlas/vaultModel";
import type { Diagnostic } from "../diagnostics";
import { renderNote, storedHash, storedId } from "../markdown/frontmatter";
import { pairwiseYaml, type YamlPort } from "../markdown/yaml";
import { ProseAnalyser, type ProseAnalyst, type ProseTextSink } from "../pages/proseAnalysis";
import { WriteApplier, type WriteOutcome } from "../vault/applyWrites";
import { planWrite, plansAnyWrite, summarize, type WriteSummary } from "../vault/planWrites";
import type { FileStat, VaultPort } from "../vault/port";
import { isInside, joinPath } from "../atlas/paths";
import { entryStat, IMPORT_FORMAT, importKey, isImportRecord, matchesEntry, noteEntry, parseState, recordEntry, recordLine, renderState, statePath, type ImportState } from "./importState";
import { renderReport } from "./report";

/** Import settings: target folder, code pattern, the host's YAML, and progress callbacks. */
export interface ImportOptions {
	/** Folder that receives the atlas ("" for the vault root). */
	root: string;
	yaml: YamlPort;
	codePattern?: string;
	/** The host's version (the plugin's, or a hash of the command-line tool): a new one never trusts an old record. */
	generator?: string;
	/**
	 * Told after each note is written, with how many of how many (and once for a re-run that found the vault as
	 * recorded); a promise it returns is awaited before the next note, as with `onPageRead`.
	 */
	onProgress?: ProgressHook;
	/**
	 * Told after each page is read, with how many of how many (the last call comes before the gaps and suggestions
	 * are looked for); a promise it returns is awaited before the next page, so that a host whose thread also draws
	 * can show progress and keep its interface alive. Absent, the pages are read in one go.
	 */
	onPageRead?: ProgressHook;
	/**
	 * Where the host finds the pages' gaps and suggestions on another thread (the command-line tool's writer thread):
	 * the import hands over the texts as it parses them, and plans its notes while the answer is found. Absent, the
	 * import finds them itself.
	 */
	proseAnalyst?: (codePattern?: string) => ProseAnalyst;
}

/** What an import did, for the CLI's JSON, the plugin's notice and tests. */
export interface ImportResult extends WriteOutcome {
	counts: Partial<Record<NoteType, number>>;
	problems: Diagnostic[];
	/** Input files rejected outright (nothing imported from them). */
	rejected: string[];
	/** The atlas; null when an unchanged re-run confirmed the vault from the import record alone. */
	atlas: Atlas | null;
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

/**
 * A note as the import record keeps it: its path, the fingerprint stamped into it, and its line in the record, made
 * as soon as its write answers with its stat (null until then, or when the write told no stat).
 */
interface WrittenNote {
	path: string;
	fingerprint: string;
	line: string | null;
}

/** The note's line in the record, once its stat is known. */
function recordWritten(entry: WrittenNote, stat: FileStat | null): void {
	if (stat !== null) entry.line = recordLine(entry.path, recordEntry(entry.fingerprint, stat));
}

/** Imports pages into the vault. Idempotent; never overwrites a note the user edited. */
export async function importPages(inputs: InputFile[], vault: VaultPort, options: ImportOptions): Promise<ImportResult> {
	const key = importKey(inputs, options);
	const recordPath = statePath(joinPath(options.root, "Import report.md"));
	const recordText = await vault.read(recordPath);
	const record = parseState(recordText);
	if (record !== null && record.key === key && (await writtenAsRecorded(vault, record))) {
		const unchanged = Object.keys(record.notes).sort();
		await options.onProgress?.(unchanged.length, unchanged.length);
		return { created: [], updated: [], refreshed: [], unchanged, kept: [], counts: record.counts, problems: record.problems, rejected: record.rejected, atlas: null };
	}

	const { atlas, whole } = await beginAtlas(inputs, options);
	const { existing, contents } = await readExisting(vault, options.root, options.yaml);
	const planned = atlasToNotes(atlas, existing, { root: options.root, codePattern: options.codePattern });
	const reportPath = planned.paths.get(INDEX_IDS.report) ?? "";
	// Every path is checked before the first write, as WriteApplier does for each write: an import that would
	// write outside its folder writes nothing at all (the report's path is one of the planned ones).
	for (const path of planned.paths.values()) {
		if (!isInside(options.root, path)) throw new Error(`refusing to write outside the target folder "${options.root}": ${path}`);
	}
	// The notes' bodies show the gaps and their suggestions: from here on the atlas must be whole.
	await whole();

	// Each note is rendered, planned against the vault as it was read, and written at once: its text is not kept for
	// the rest of the import (a hundred thousand notes' text held to the end was most of the import's garbage
	// collection). The record and the report need only each note's fingerprint and the kind of its write.
	const noteYaml = pairwiseYaml(options.yaml);
	const writer = new WriteApplier(vault, options.root, options.yaml);
	// A note the vault does not hold is created as it renders, with nothing to compare: where the host renders with
	// the import's YAML, it renders such notes itself (the command-line tool, on its writer thread) when it can keep up.
	const creator = vault.noteCreator?.yaml === options.yaml ? vault.noteCreator : undefined;
	const summaries: WriteSummary[] = [];
	// Each note's fingerprint, and its stat where the host told it on writing: the record needs both.
	const written: WrittenNote[] = [];
	const counts: Partial<Record<NoteType, number>> = {};
	const total = planned.count + 1;
	for (const n of planned.notes) {
		counts[n.type] = (counts[n.type] ?? 0) + 1;
		if (creator !== undefined && !contents.has(n.path) && creator.canTake()) {
			const entry: WrittenNote = { path: n.path, fingerprint: "", line: null };
			await writer.createNote(creator, n.path, n.frontmatter, n.body, (created) => {
				entry.fingerprint = created.fingerprint;
				recordWritten(entry, created.stat);
			});
			summaries.push({ kind: "create", path: n.path });
			written.push(entry);
		} else {
			const note = renderNote(n.frontmatter, n.body, noteYaml);
			const action = planWrite({ path: n.path, content: note.content }, contents, options.yaml);
			const entry: WrittenNote = { path: n.path, fingerprint: note.fingerprint, line: null };
			await writer.apply(action, (stat) => recordWritten(entry, stat));
			summaries.push(summarize(action));
			written.push(entry);
		}
		const paused = options.onProgress?.(summaries.length, total);
		if (paused !== undefined) await paused;
	}

	counts.report = 1;
	const reportNote: VaultNote = {
		id: INDEX_IDS.report,
		type: "report",
		title: "Import report",
		path: reportPath,
		frontmatter: { type: "report", title: "Import report", tags: [typeTag("report")], atlas_id: INDEX_IDS.report },
		body: renderReport(atlas, planned.linker, summaries, planned.count),
	};
	const report = renderNote(reportNote.frontmatter, reportNote.body, noteYaml);
	// The report describes the last import that changed something; a no-op import leaves it (and the vault) as it was.
	const writeReport = plansAnyWrite(summaries) || !contents.has(reportPath);
	let reportStat: FileStat | null = null;
	if (writeReport) {
		await writer.apply(planWrite({ path: reportPath, content: report.content }, contents, options.yaml), (stat) => {
			reportStat = stat;
		});
	}
	await writer.finish();
	const outcome = writer.outcome;
	if (!writeReport) outcome.unchanged.push(reportPath);
	await options.onProgress?.(total, total);

	const rejected = atlas.pages.filter((p) => p.kind === null).map((p) => p.file);
	const result: ImportResult = { ...outcome, counts, problems: atlas.diagnostics, rejected, atlas };

	// Only a vault that holds exactly what this import would write is recorded: with a note the user edited, the next
	// run must look at it again (to keep it and say so), so it takes the full path. An import that wrote nothing
	// leaves an existing record as it is (one written by another version included): a no-op run writes no file.
	const wrote = outcome.created.length + outcome.updated.length > 0;
	if (outcome.kept.length === 0 && outcome.refreshed.length === 0 && (wrote || recordText === null)) {
		const lines: string[] = [];
		// A note's line as its write answered, else (a note updated or left as it was) with its stat as the host tells
		// it now: only those are awaited (a hundred thousand awaits of stats already known were a quarter of a second).
		const stat = (path: string) => vault.stat?.(path) ?? Promise.resolve(null);
		for (const entry of written) lines.push(entry.line ?? recordLine(entry.path, recordEntry(entry.fingerprint, await stat(entry.path))));
		const reportText = writeReport ? report.content : contents.get(reportPath);
		if (reportText !== undefined) lines.push(recordLine(reportPath, noteEntry(reportText, reportStat ?? (await stat(reportPath)))));
		await writeRecord(vault, recordPath, recordText, renderState({ format: IMPORT_FORMAT, key, counts, problems: result.problems, rejected }, lines));
	}
	return result;
}

/**
 * The atlas, and what makes it whole: with the host's analyst, its gaps and suggestions are found on another thread
 * while the import goes on, and `whole` attaches them; without one, it is whole already.
 */
async function beginAtlas(inputs: InputFile[], options: ImportOptions): Promise<{ atlas: Atlas; whole: () => Promise<void> }> {
	const start = (sink: ProseTextSink) =>
		options.onPageRead === undefined
			? Promise.resolve(startAtlas(inputs, { codePattern: options.codePattern }, sink))
			: startAtlasPaced(inputs, { codePattern: options.codePattern }, sink, options.onPageRead);
	const analyst = options.proseAnalyst?.(options.codePattern);
	if (analyst === undefined) {
		const analyser = new ProseAnalyser(options.codePattern);
		const started = await start(analyser);
		return { atlas: started.complete(analyser.analyse(started.corpus)), whole: () => Promise.resolve() };
	}
	const started = await start(analyst);
	// Asked for at once, so that an import that stops before its notes (a path outside the folder) leaves nothing
	// waiting; and caught here, so that such an import leaves no failure unhandled either (`whole` still throws it).
	const analysis = analyst.analyse(started.corpus);
	analysis.catch(() => undefined);
	return {
		atlas: started.atlas,
		whole: async () => {
			started.complete(await analysis);
		},
	};
}

/**
 * True when every note the record lists is still as it was written. Where the host knows sizes and modification
 * times, an unchanged pair vouches for the text, as in git's index (this path writes nothing, so trusting it can at
 * worst leave a note one run behind, never lose text; every import that writes reads and compares the notes first).
 * A note whose pair moved (a sync, a checkout, a touch) is read and its text compared.
 */
async function writtenAsRecorded(vault: VaultPort, record: ImportState): Promise<boolean> {
	for (const [path, entry] of Object.entries(record.notes)) {
		const recorded = entryStat(entry);
		if (recorded !== null && vault.stat !== undefined) {
			const now = await vault.stat(path);
			if (now === null) return false;
			if (now.size === recorded.size && now.mtime === recorded.mtime) continue;
		}
		const content = await vault.read(path);
		if (content === null || !matchesEntry(content, entry)) return false;
	}
	return true;
}

/** Writes the record when it changed; a file at its path that is not a record of ours is left alone. */
async function writeRecord(vault: VaultPort, path: string, previous: string | null, text: string): Promise<void> {
	if (previous === null) await vault.create(path, text);
	else if (previous !== text && isImportRecord(previous)) await vault.replace(path, previous, text);
}
