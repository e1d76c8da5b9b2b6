/** `research-atlas citations --vault DIR [--code E026] [--folder F] [--episode-folder F] [--pattern RE] [--json]` */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative, sep } from "path";
import { CitationIndex, episodeFolderOf, isValidCodePattern, DEFAULT_CODE_PATTERN } from "../../core";
import { parseArgs, stringOption } from "../args";

/** Prints the citation index of a vault: every code (or one) with its citing passages. Exit 0, or 1 when `--code` is cited nowhere, 2 on usage errors. */
export function citationsCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
	const args = parseArgs(argv, ["json"]);
	const vaultDir = stringOption(args, "vault", true);
	const only = stringOption(args, "code");
	const pattern = stringOption(args, "pattern") ?? DEFAULT_CODE_PATTERN;
	if (!existsSync(vaultDir) || !statSync(vaultDir).isDirectory()) {
		err(`research-atlas: --vault ${vaultDir}: no such folder`);
		return Promise.resolve(2);
	}
	if (!isValidCodePattern(pattern)) {
		err(`research-atlas: --pattern ${pattern}: not a usable regular expression`);
		return Promise.resolve(2);
	}
	const episodeFolder = episodeFolderOf({ atlasFolder: stringOption(args, "folder") ?? "", episodeFolder: stringOption(args, "episode-folder") ?? "" });
	const index = new CitationIndex({ codePattern: pattern, episodeFolder });
	for (const file of markdownFiles(vaultDir)) {
		index.setNote(relative(vaultDir, file).split(sep).join("/"), readFileSync(file, "utf8"), statSync(file).mtimeMs);
	}
	const codes = only === undefined ? index.codes() : [only];
	const report = codes.map((code) => ({
		code,
		episode: index.episodePath(code) ?? null,
		notes: index.count(code, "notes"),
		occurrences: index.count(code, "occurrences"),
		citations: index.citations(code).map((c) => ({ file: c.path, line: c.line, column: c.ch + 1, form: c.form, sentence: c.sentence, headings: c.headings, ...(c.blockId === undefined ? {} : { block: c.blockId }) })),
	}));
	if (args.options.has("json")) {
		out(JSON.stringify({ notes: index.noteCount, episodeFolder, codes: report }));
	} else {
		for (const entry of report) {
			const where = entry.episode === null ? "no episode note" : entry.episode;
			out(`${entry.code}: ${entry.notes} ${entry.notes === 1 ? "note" : "notes"}, ${entry.occurrences} ${entry.occurrences === 1 ? "citation" : "citations"} (${where})`);
			for (const c of entry.citations) out(`  ${c.file}:${c.line}  ${c.sentence}`);
		}
		if (report.length === 0) out(`No episode codes found in ${index.noteCount} notes.`);
	}
	return Promise.resolve(only !== undefined && report[0]?.occurrences === 0 ? 1 : 0);
}

/** Every Markdown file below `dir`, skipping hidden folders such as `.obsidian`. */
function markdownFiles(dir: string): string[] {
	const outFiles: string[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) outFiles.push(full);
		}
	};
	walk(dir);
	return outFiles.sort();
}
