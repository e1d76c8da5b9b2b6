/** The "Import research pages" flow: read sources, import through the core, show progress and a summary. */
import { Notice, normalizePath, type App, type TFile } from "obsidian";
import { importPages, type ImportResult } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { ObsidianVault } from "../vault/ObsidianVault";
import { obsidianYaml } from "../vault/yaml";
import { readingPace } from "./readingPace";
import { readSources } from "./readSources";

/** Imports with more input files or more notes than this show a progress notice; short ones only the summary. */
export const LONG_IMPORT = 100;

/** Imports `files` into the atlas folder; returns the result (also summarised in a notice). `generator` is the plugin's version. */
export async function runImport(app: App, settings: AtlasSettings, files: TFile[], generator = ""): Promise<ImportResult> {
	let progress: Notice | null = files.length > LONG_IMPORT ? new Notice(`Research Atlas: loading ${files.length.toLocaleString("en-US")} files…`, 0) : null;
	try {
		const inputs = await readSources(app.vault, files);
		const root = settings.atlasFolder === "" ? "" : normalizePath(settings.atlasFolder);
		const result = await importPages(inputs, new ObsidianVault(app.vault, app.fileManager), {
			root,
			yaml: obsidianYaml,
			codePattern: settings.codePattern,
			generator,
			// A long import reads its pages in slices, so that Obsidian keeps drawing (and the notice counting).
			onPageRead: progress === null ? undefined : readingPace(progress),
			onProgress: (done, total) => {
				if (done >= total && progress === null) return;
				const message = `Research Atlas: importing… ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} notes done`;
				if (progress === null) {
					if (total > LONG_IMPORT) progress = new Notice(message, 0);
				} else progress.setMessage(message);
			},
		});
		progress?.hide();
		new Notice(summarise(result), result.rejected.length > 0 || result.kept.length > 0 ? 0 : 8000);
		return result;
	} catch (error) {
		progress?.hide();
		new Notice(`Research Atlas: import failed: ${error instanceof Error ? error.message : String(error)}`, 0);
		throw error;
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
