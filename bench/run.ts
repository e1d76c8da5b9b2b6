/** `npm run bench`: every suite in turn; one table and, last, one JSON line with all figures. */
import { printFigures, type Figure } from "./report";
import { episodesSuite } from "./suites/episodes";
import { hubsSuite } from "./suites/hubs";
import { importSuite } from "./suites/import";

/** A benchmark suite: returns its figures. */
export type Suite = () => Promise<Figure[]>;

const SUITES: Suite[] = [importSuite, episodesSuite, hubsSuite];

async function main(): Promise<void> {
	const only = process.argv[2];
	const figures: Figure[] = [];
	for (const suite of SUITES) {
		if (only !== undefined && !suite.name.toLowerCase().includes(only.toLowerCase())) continue;
		figures.push(...(await suite()));
	}
	printFigures("Research Atlas benchmarks", figures);
}

void main();
