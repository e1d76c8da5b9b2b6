// ESLint 9 flat config. Run from the project root: eslint-plugin-obsidianmd reads ./manifest.json.
//  - src/**/*.ts: the Obsidian plugin guidelines (eslint-plugin-obsidianmd recommended) with
//    typescript-eslint type-aware linting, plus the layering rule obsidian → core ← cli.
//  - tests, bench, scripts and config files: Node code, type-aware TypeScript rules, no Obsidian rules.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import obsidianmd from "eslint-plugin-obsidianmd";
import { DEFAULT_BRANDS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js";
import tseslint from "typescript-eslint";
import { defineConfig, globalIgnores } from "eslint/config";

const SRC = ["src/**/*.ts"];
const NODE_TS = ["tests/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"];
const NODE_JS = ["**/*.{js,mjs,cjs}"];

const isTsBlock = (block) => JSON.stringify(block.files ?? []).includes("ts,cts,mts,tsx");
const isJsBlock = (block) => JSON.stringify(block.files ?? []).includes("js,cjs,mjs,jsx");

// The plugin's recommended config, with its TypeScript blocks narrowed to src/ (the code that runs in
// Obsidian) and its JavaScript blocks dropped (our only JS files are Node tooling, linted below).
// Global blocks (package.json, manifest checks, comment rules) are kept as they are.
const obsidianRecommended = obsidianmd.configs.recommended
	.filter((block) => !isJsBlock(block) || isTsBlock(block))
	.map((block) => (isTsBlock(block) && !JSON.stringify(block.files).includes("js,cjs") ? { ...block, files: SRC } : block));

// The plugin's own restricted imports (axios, moment, ...) so that our layer rules extend, not replace, them.
const tsRulesBlock = obsidianmd.configs.recommended.find((block) => isTsBlock(block) && block.rules?.["@typescript-eslint/no-restricted-imports"]);
const obsidianRestrictedPaths = tsRulesBlock.rules["@typescript-eslint/no-restricted-imports"].slice(1);

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));
const builtinPaths = nodeBuiltins.map((name) => ({ name, message: "Node built-ins do not exist on Obsidian mobile: keep Node code in src/cli." }));
const nodePrefix = { group: ["node:*"], message: "Node built-ins do not exist on Obsidian mobile: keep Node code in src/cli." };

const restrictImports = (paths, patterns) => ["error", { paths: [...obsidianRestrictedPaths, ...paths], patterns }];

const nodeGlobals = Object.fromEntries(
	["process", "console", "require", "module", "exports", "__dirname", "__filename", "Buffer", "URL", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "structuredClone", "globalThis"].map((name) => [name, "readonly"]),
);
const jestGlobals = Object.fromEntries(["describe", "it", "test", "expect", "beforeEach", "afterEach", "beforeAll", "afterAll", "jest"].map((name) => [name, "readonly"]));

export default defineConfig([
	globalIgnores(["main.js", "dist/**", "demo-vault/**", "node_modules/**", "coverage/**", "artifacts/**", "bench/.corpus/**", "**/*.d.mts"]),

	...obsidianRecommended,
	// The plugins the recommended blocks register (import, depend, eslint-comments, ...), made available to
	// every file: the global comment rules (no inline disables without reasons) need them everywhere.
	{ plugins: tsRulesBlock.plugins },

	{
		files: ["**/*.ts"],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},

	// package.json, depend/ban-dependencies with two packages allowed by name:
	//  - builtin-modules: the list of Node built-ins that esbuild.config.mjs marks external, exactly as in the
	//    official obsidian-sample-plugin; swapping it for node:module's list would change the build's externals.
	//  - js-yaml: the CLI's YAML port (src/cli/yaml.ts) and the tests' obsidian stand-in; it is the YAML
	//    library behind Obsidian's own parseYaml/stringifyYaml, so CLI output matches what the app writes.
	{
		files: ["package.json"],
		rules: {
			"depend/ban-dependencies": ["error", { presets: ["native", "microutilities", "preferred"], allowed: ["builtin-modules", "js-yaml"] }],
		},
	},

	// UI text in sentence case, with the plugin's own name kept as a brand ("Import into Research Atlas").
	// The option replaces the plugin's brand list, so extend its defaults (Obsidian, GitHub, ...), less
	// "Cursor" (an editor's name): our commands mean the text cursor ("the episode under the cursor").
	{
		files: SRC,
		rules: {
			"obsidianmd/ui/sentence-case": ["warn", { enforceCamelCaseLower: true, brands: [...DEFAULT_BRANDS.filter((brand) => brand !== "Cursor"), "Research Atlas"] }],
		},
	},

	// Layering: obsidian → core ← cli. The core is pure; the adapters never import each other.
	{
		files: ["src/core/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": restrictImports(
				[{ name: "obsidian", message: "src/core is pure: only src/obsidian may import 'obsidian'." }, ...builtinPaths],
				[
					nodePrefix,
					{ group: ["**/obsidian", "**/obsidian/**", "**/cli", "**/cli/**"], message: "src/core must not import the adapters (src/obsidian, src/cli)." },
				],
			),
		},
	},
	{
		files: ["src/obsidian/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": restrictImports(builtinPaths, [
				nodePrefix,
				{ group: ["**/cli", "**/cli/**"], message: "src/obsidian must not import src/cli; share code through src/core." },
			]),
		},
	},
	{
		files: ["src/cli/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": restrictImports(
				[{ name: "obsidian", message: "The CLI runs in Node without Obsidian: use src/core." }],
				[{ group: ["**/obsidian", "**/obsidian/**"], message: "src/cli must not import src/obsidian; share code through src/core." }],
			),
			// The CLI is a Node program (bundled with platform: node), not plugin code: it may use Node
			// built-ins, print to the console and write a vault's config folder (it installs the plugin).
			"obsidianmd/no-nodejs-modules": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/rule-custom-message": "off",
			"no-console": "off",
		},
		languageOptions: { globals: nodeGlobals },
	},

	// Tests, benchmarks and scripts: Node + Jest, type-aware TypeScript rules, no Obsidian guidelines.
	{
		files: NODE_TS,
		extends: [tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			globals: { ...nodeGlobals, ...jestGlobals },
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			"@typescript-eslint/no-unused-vars": ["warn", { args: "none", ignoreRestSiblings: true }],
			// The obsidian stand-in mirrors Obsidian's own signatures, e.g. Plugin.onload(): Promise<void> | void
			// overriding Component.onload(): void.
			"@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { inheritedMethods: false } }],
		},
	},
	// The bundle harness evaluates the shipped main.js as a CommonJS module body, as Obsidian loads a plugin
	// (new Function("module", "exports", "require", source)); that is what the page is for.
	{
		files: ["tests/harness/plugin/main.ts"],
		rules: { "@typescript-eslint/no-implied-eval": "off" },
	},
	// Config files and Node scripts in JavaScript.
	{
		files: NODE_JS,
		extends: [js.configs.recommended],
		languageOptions: { globals: nodeGlobals, sourceType: "module" },
	},
	{
		files: ["**/*.cjs"],
		languageOptions: { sourceType: "commonjs" },
	},
]);
