/** Release files agree with each other and with what Obsidian's community plugin directory requires. */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const readJson = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, name), "utf8")) as Record<string, unknown>;

describe("release files", () => {
	const manifest = readJson("manifest.json");
	const pkg = readJson("package.json");
	const versions = readJson("versions.json");

	it("package.json, manifest.json and versions.json agree on the version", () => {
		expect(manifest.version).toBe(pkg.version);
		expect(versions[String(manifest.version)]).toBe(manifest.minAppVersion);
	});

	it("manifest.json has the fields the community directory requires", () => {
		for (const field of ["id", "name", "version", "minAppVersion", "description", "author", "isDesktopOnly"]) {
			expect(manifest).toHaveProperty(field);
		}
		expect(manifest.id).toBe("research-atlas");
		expect(String(manifest.id)).not.toMatch(/obsidian/i);
		expect(String(manifest.id)).toMatch(/^[a-z0-9-]+$/);
		expect(String(manifest.name)).not.toMatch(/obsidian/i);
		expect(String(manifest.description)).toMatch(/\.$/);
		expect(String(manifest.description)).not.toMatch(/obsidian/i);
		expect(String(manifest.description).length).toBeLessThanOrEqual(250);
		expect(manifest.isDesktopOnly).toBe(false);
		expect(String(manifest.version)).toMatch(/^\d+\.\d+\.\d+$/);
		expect(String(manifest.minAppVersion)).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it("LICENSE, README.md and CHANGELOG.md exist", () => {
		const missing = ["LICENSE", "README.md", "CHANGELOG.md"].filter((name) => !existsSync(join(root, name)));
		expect(missing).toEqual([]);
		expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/MIT License/);
		expect(readFileSync(join(root, "CHANGELOG.md"), "utf8")).toMatch(/## \[Unreleased\]/);
	});

	it("tags carry no v prefix", () => {
		expect(readFileSync(join(root, ".npmrc"), "utf8")).toMatch(/^tag-version-prefix=""$/m);
	});

	it("version-bump.mjs copies the version into manifest.json and records it in versions.json", () => {
		const dir = mkdtempSync(join(tmpdir(), "research-atlas-bump-"));
		try {
			for (const name of ["version-bump.mjs", "manifest.json", "versions.json"]) copyFileSync(join(root, name), join(dir, name));
			writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
			execFileSync(process.execPath, ["version-bump.mjs"], { cwd: dir, env: { ...process.env, npm_package_version: "9.8.7" } });
			const bumped = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
			const bumpedVersions = JSON.parse(readFileSync(join(dir, "versions.json"), "utf8")) as Record<string, unknown>;
			expect(bumped.version).toBe("9.8.7");
			expect({ ...bumped, version: manifest.version }).toEqual(manifest);
			expect(bumpedVersions).toEqual({ ...versions, "9.8.7": manifest.minAppVersion });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("version-bump.mjs refuses to run outside npm version", () => {
		expect(() => execFileSync(process.execPath, [join(root, "version-bump.mjs")], { cwd: tmpdir(), env: { ...process.env, npm_package_version: "" }, stdio: "pipe" })).toThrow();
	});
});
