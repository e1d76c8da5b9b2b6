/** Reads input pages from a folder: every non-hidden file, decoded leniently so bad bytes become visible; unreadable files are named. */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, sep } from "path";
import type { InputFile } from "../core";

const decoder = new TextDecoder("utf-8", { fatal: false });

/** All files below `dir` (sorted), as input files named by their path relative to `dir`. */
export function readInputs(dir: string): InputFile[] {
	const out: InputFile[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile() || statSync(full).isFile()) out.push(readInput(full, relative(dir, full).split(sep).join("/")));
		}
	};
	walk(dir);
	return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** One input; a file that cannot be read is named with the reason, so the rest still import. */
function readInput(full: string, file: string): InputFile {
	try {
		return { file, text: decoder.decode(readFileSync(full)) };
	} catch (error) {
		return { file, text: "", unreadable: error instanceof Error ? error.message : String(error) };
	}
}
