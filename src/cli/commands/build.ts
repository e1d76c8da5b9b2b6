/** `research-atlas build --seeds DIR --vault DIR [--json] [--folder F] [--install-plugin]` */
import { existsSync, readFileSync, statSync } from "fs";
import { dirname, join } from "path";
import { hashText, importPages } from "../../core";
import { parseArgs, stringOption } from "../args";
import { FsVault } from "../fsVault";
import { readInputs } from "../inputs";
import { installPlugin, SOURCES_FOLDER } from "../installPlugin";
import { nodeYaml } from "../yaml";

/** Runs the import; exit code 0 when every input was imported, 1 when any was rejected, 2 on usage errors. */
export async function buildCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
	const args = parseArgs(argv, ["json", "install-plugin"]);
	const seeds = stringOption(args, "seeds", true);
	const vaultDir = stringOption(args, "vault", true);
	const folder = stringOption(args, "folder") ?? "";
	if (!existsSync(seeds) || !statSync(seeds).isDirectory()) {
		err(`research-atlas: --seeds ${seeds}: no such folder`);
		return 2;
	}
	const install = args.options.has("install-plugin");
	// An installed vault keeps a copy of the pages in Sources/, where the plugin's own import reads them: name them
	// by that vault path, as the plugin does, so importing again inside Obsidian finds nothing to change.
	const inputs = readInputs(seeds).map((input) => (install ? { ...input, file: `${SOURCES_FOLDER}/${input.file}` } : input));
	const vault = new FsVault(vaultDir);
	const result = await importPages(inputs, vault, { root: folder, yaml: nodeYaml, generator: generatorVersion(), proseAnalyst: vault.proseAnalyst });
	const installProblems = install ? installPlugin(projectRoot(__dirname), vaultDir, seeds) : [];
	const problems = result.problems.filter((p) => p.severity !== "info").map((p) => ({ file: p.file, message: p.message, severity: p.severity, code: p.code }));
	if (args.options.has("json")) {
		out(
			JSON.stringify({
				counts: result.counts,
				files: {
					written: result.created.length + result.updated.length + result.refreshed.length,
					created: result.created.length,
					updated: result.updated.length,
					refreshed: result.refreshed.length,
					unchanged: result.unchanged.length,
					skipped: result.kept.length,
				},
				skipped: result.kept,
				refreshed: result.refreshed,
				rejected: result.rejected,
				problems,
			}),
		);
	} else {
		const notes = Object.values(result.counts).reduce((a, b) => a + (b ?? 0), 0);
		out(`Read ${inputs.length} files; ${inputs.length - result.rejected.length} imported, ${result.rejected.length} rejected.`);
		out(`${notes} notes: ${result.created.length} created, ${result.updated.length} updated, ${result.refreshed.length} with properties refreshed around your edits, ${result.unchanged.length} unchanged, ${result.kept.length} kept with your edits.`);
		for (const p of problems) err(`${p.severity}: ${p.message}`);
		for (const k of result.kept) err(`kept: ${k.path}: ${k.reason}`);
	}
	for (const p of installProblems) err(`install: ${p}`);
	return result.rejected.length > 0 || installProblems.length > 0 ? 1 : 0;
}

/** The tool's own code, hashed: any change to what it writes (even at the same version) makes a new import record. */
function generatorVersion(): string {
	return `cli ${hashText(readFileSync(__filename, "utf8"))}`;
}

/** The folder holding the plugin's release files: the nearest ancestor with a manifest.json. */
function projectRoot(start: string): string {
	for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, "manifest.json"))) return dir;
	}
	return start;
}
