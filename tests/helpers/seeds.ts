/** The five real seed pages, read from seeds/, as the importer's input files. */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { InputFile } from "../../src/core";

/** The project's seeds directory. */
export const SEEDS_DIR = join(__dirname, "..", "..", "seeds");

/** Every seed page, sorted by file name. */
export function loadSeeds(): InputFile[] {
	return readdirSync(SEEDS_DIR)
		.sort()
		.map((file) => ({ file, text: readFileSync(join(SEEDS_DIR, file), "utf8") }));
}

/** One seed's text, by the page kind's position in the seeds (000…004). */
export function seedText(prefix: string): { file: string; text: string } {
	const found = loadSeeds().find((s) => s.file.startsWith(prefix));
	if (found === undefined) throw new Error(`no seed ${prefix}`);
	return found;
}
