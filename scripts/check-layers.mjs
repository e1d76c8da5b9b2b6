// Layer check, run by `npm test`: src/core imports neither 'obsidian' nor Node built-ins, the adapters
// (src/obsidian, src/cli) never import each other, and no import cycle exists anywhere under src/.
// A small import-graph walker over the TypeScript sources; relative imports only are followed.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";

const root = resolve(process.argv[2] ?? "src");
const builtins = new Set(builtinModules);

function walk(dir) {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(full));
		else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
	}
	return out;
}

/** Import specifiers of a file: static imports/exports, dynamic import(), require(). Whole-statement
 * `import type`/`export type` are erased by the compiler and create no runtime edge, so they are skipped
 * for the cycle check (a plugin's modules naming the Plugin class as a type is fine); they still count
 * for the purity rules. */
function specifiers(source) {
	const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
	const out = [];
	for (const m of text.matchAll(/\b(?:import|export)\s+type\s+[\w*${}\s,]+?\s+from\s+["']([^"']+)["']/g)) {
		out.push({ spec: m[1], typeOnly: true });
	}
	const patterns = [
		/\b(?:import|export)\s+(?!type\s)(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']/g,
		/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
		/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
	];
	for (const pattern of patterns) for (const m of text.matchAll(pattern)) out.push({ spec: m[1], typeOnly: false });
	return out;
}

function resolveRelative(from, spec) {
	const base = resolve(dirname(from), spec);
	const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), base.replace(/\.js$/, ".ts")];
	return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const rel = (file) => relative(process.cwd(), file).split(sep).join("/");
const layerOf = (file) => relative(root, file).split(sep)[0];

const files = existsSync(root) ? walk(root) : [];
const graph = new Map();
const problems = [];

for (const file of files) {
	const edges = [];
	const layer = layerOf(file);
	for (const { spec, typeOnly } of specifiers(readFileSync(file, "utf8"))) {
		const bare = spec.startsWith("node:") ? spec.slice(5) : spec.split("/")[0];
		if (layer === "core" && (spec === "obsidian" || spec.startsWith("node:") || builtins.has(bare))) {
			problems.push(`${rel(file)}: the core must stay pure, but it imports "${spec}"`);
		}
		if (layer === "cli" && spec === "obsidian") problems.push(`${rel(file)}: the CLI imports "obsidian"`);
		if (!spec.startsWith(".")) continue;
		const target = resolveRelative(file, spec);
		if (target === null) {
			problems.push(`${rel(file)}: cannot resolve "${spec}"`);
			continue;
		}
		const targetLayer = layerOf(target);
		if (layer === "core" && (targetLayer === "obsidian" || targetLayer === "cli")) {
			problems.push(`${rel(file)}: the core imports the ${targetLayer} adapter via "${spec}"`);
		}
		if ((layer === "obsidian" && targetLayer === "cli") || (layer === "cli" && targetLayer === "obsidian")) {
			problems.push(`${rel(file)}: src/${layer} imports src/${targetLayer} via "${spec}" (share code through src/core)`);
		}
		if (!typeOnly) edges.push(target);
	}
	graph.set(file, edges);
}

// Cycles: depth-first search with colours; each cycle is reported once, by its node set.
const state = new Map();
const stack = [];
const seenCycles = new Set();
function visit(file) {
	state.set(file, "active");
	stack.push(file);
	for (const next of graph.get(file) ?? []) {
		if (state.get(next) === "active") {
			const cycle = stack.slice(stack.indexOf(next)).concat(next);
			const key = [...new Set(cycle)].sort().join("|");
			if (!seenCycles.has(key)) {
				seenCycles.add(key);
				problems.push(`import cycle: ${cycle.map(rel).join(" → ")}`);
			}
		} else if (!state.has(next)) visit(next);
	}
	stack.pop();
	state.set(file, "done");
}
for (const file of files) if (!state.has(file)) visit(file);

if (problems.length > 0) {
	console.error(`check-layers: ${problems.length} problem(s) (layering is obsidian → core ← cli, no cycles):`);
	for (const problem of problems) console.error(`  - ${problem}`);
	process.exit(1);
}
const edgeCount = [...graph.values()].reduce((n, edges) => n + edges.length, 0);
console.log(`check-layers: OK — ${files.length} files, ${edgeCount} runtime relative imports, core pure, no import cycles.`);
