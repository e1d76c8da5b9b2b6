/** The "Import research pages" flow: read sources, import through the core, show progress and a summary. */
import { Notice, normalizePath, type App, type TFile } from "obsidian";
import { importPages, type ImportResult } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { ObsidianVault } from "../vault/ObsidianVault";
import { obsidianYaml } from "../vault/yaml";
import { readSources } from "./readSources";

/** Imports `files` into the atlas folder; returns the result (also summarised in a notice). */
export async function runImport(app: App, settings: AtlasSettings, files: TFile[]): Promise<ImportResult> {
	const progress = new Notice(`Research Atlas: reading ${files.length} pages…`, 0);
	try {
		const inputs = await readSources(app.vault, files);
		const root = settings.atlasFolder === "" ? "" : normalizePath(settings.atlasFolder);
		const result = await importPages(inputs, new ObsidianVault(app.vault), {
			root,
			yaml: obsidianYaml,
			codePattern: settings.codePattern,
			onProgress: (done, total) => progress.setMessage(`Research Atlas: writing notes ${done} of ${total}…`),
		});
		progress.hide();
		new Notice(summarise(result), result.rejected.length > 0 || result.kept.length > 0 ? 0 : 8000);
		return result;
	} catch (error) {
		progress.hide();
		new Notice(`Research Atlas: import failed: ${error instanceof Error ? error.message : String(error)}`, 0);
		throw error;
	}
}

/** One notice's worth of summary: counts, rejected files by name, notes kept because the user edited them. */
export function summarise(result: ImportResult): string {
	const written = result.created.length + result.updated.length;
	const lines = [
		written === 0
			? `Research Atlas: nothing changed (${result.unchanged.length} notes up to date).`
			: `Research Atlas: ${result.created.length} notes created, ${result.updated.length} updated, ${result.unchanged.length} unchanged.`,
	];
	if (result.rejected.length > 0) lines.push(`Rejected: ${result.rejected.join(", ")} (see the import report).`);
	if (result.kept.length > 0) lines.push(`${result.kept.length} notes you edited were kept as they are.`);
	const warnings = result.problems.filter((p) => p.severity === "warning").length;
	if (warnings > 0) lines.push(`${warnings} warnings in the import report.`);
	return lines.join("\n");
}
