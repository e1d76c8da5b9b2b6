/** Jest runs unit tests in Node, DOM tests in jsdom (per-file docblock) and browser tests through playwright-core. */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	transform: { "^.+\\.(ts|js|mjs)$": "<rootDir>/tests/helpers/esbuild-transform.cjs" },
	transformIgnorePatterns: ["/node_modules/(?!(d3|d3-[^/]+|internmap|delaunator|robust-predicates)/)"],
	moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
	moduleNameMapper: { "^obsidian$": "<rootDir>/tests/obsidian-stub/obsidian.ts" },
	testTimeout: 60000,
};
