/** The "Import research pages" flow: read sources, import through the core, show progress and a summary. */
import { Notice, normalizePath, type App, type TFile } from "obsidian";
import { importPages, type ImportResult } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { ObsidianVault } from "../vault/ObsidianVault";
import { obsidianYaml } from "../vault/yaml";
import { ImportPace, LONG_IMPORT } from "./importPace";
import { readSources } from "./readSources";
import { ANALYSIS_WORKER_SOURCE } from "./worker/analysisWorkerSource";
import { startAnalysisWorker, WorkerProseAnalyst } from "./worker/WorkerProseAnalyst";

/** Imports `files` into the atlas folder; returns the result (also summarised in a notice). `generator` is the plugin's version. */
export async function runImport(app: App, settings: AtlasSettings, files: TFile[], generator = ""): Promise<ImportResult> {
	const pace = new ImportPace(files.length);
	const long = files.length > LONG_IMPORT;
	// A long import's gaps and suggestions are found on a worker (started now, to load while the files are read) as
	// this thread reads the pages and plans the notes.
	const source = ANALYSIS_WORKER_SOURCE;
	const analyst = long && source !== null ? new WorkerProseAnalyst(settings.codePattern, () => startAnalysisWorker(source)) : null;
	try {
		const inputs = await readSources(app.vault, files);
		const root = settings.atlasFolder === "" ? "" : normalizePath(settings.atlasFolder);
		const result = await importPages(inputs, new ObsidianVault(app.vault, app.fileManager), {
			root,
			yaml: obsidianYaml,
			codePattern: settings.codePattern,
			generator,
			// A long import reads its pages and writes its notes in slices, so that Obsidian keeps drawing.
			onPageRead: long ? pace.pageRead : undefined,
			onProgress: pace.noteWritten,
			proseAnalyst: analyst === null ? undefined : () => analyst,
		});
		pace.hide();
		new Notice(summarise(result), result.rejected.length > 0 || result.kept.length > 0 ? 0 : 8000);
		return result;
	} catch (error) {
		pace.hide();
		new Notice(`Research Atlas: import failed: ${error instanceof Error ? error.message : String(error)}`, 0);
		throw error;
	} finally {
		// An import that stopped before asking for its analysis leaves no worker running.
		analyst?.close();
	}
}

/** Rejected files named one per line in the summary; the report lists them all. */
const MAX_NAMED = 5;

/** One notice's worth of summary: counts, rejected files by name, notes kept because the user edited them. */
export function summarise(result: ImportResult): string {
	const written = result.created.length + result.updated.length + result.refreshed.length;
	const lines = [
		written === 0
			? `Research Atlas: nothing changed (${plural(result.unchanged.length, "note")} up to date).`
			: `Research Atlas: ${plural(result.created.length, "note")} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
	];
	if (result.rejected.length > 0) {
		lines.push(`Skipped ${plural(result.rejected.length, "file")} that could not be imported (see the import report):`);
		const errors = result.problems.filter((p) => p.severity === "error");
		for (const file of result.rejected.slice(0, MAX_NAMED)) lines.push(`• ${errors.find((p) => p.file === file)?.message ?? file}`);
		if (result.rejected.length > MAX_NAMED) lines.push(`• and ${plural(result.rejected.length - MAX_NAMED, "other file")}`);
	}
	if (result.refreshed.length > 0) lines.push(`${plural(result.refreshed.length, "note")} you edited: properties refreshed, your text kept.`);
	if (result.kept.length > 0) lines.push(`${plural(result.kept.length, "note")} you edited kept as ${result.kept.length === 1 ? "it is" : "they are"} (see the import report).`);
	const warnings = result.problems.filter((p) => p.severity === "warning").length;
	if (warnings > 0) lines.push(`${plural(warnings, "warning")} in the import report.`);
	return lines.join("\n");
}

function plural(n: number, noun: string): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? noun : `${noun}s`}`;
}
