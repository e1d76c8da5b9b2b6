#!/usr/bin/env node
// Launcher for the built command-line tool (npm run build writes dist/cli.js).
import { createRequire } from "module";
import { existsSync } from "fs";
import { fileURLToPath } from "url";
import { dirname, join } from "path";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
if (!existsSync(cli)) {
	console.error("research-atlas: dist/cli.js is missing; run `npm run build` first.");
	process.exit(2);
}
const require = createRequire(import.meta.url);
const { main } = require(cli);
main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});
