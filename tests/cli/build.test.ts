import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, cpSync, utimesSync } from "fs";
import { execFileSync } from "child_process";
import { join } from "path";
import { main } from "../../src/cli/main";
import { SEEDS_DIR } from "../helpers/seeds";
import { tempDir } from "../helpers/tempDir";

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
	return { code, out, err };
}

function walk(dir: string, base = dir): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = join(dir, e.name);
		return e.isDirectory() ? walk(full, base) : [full.slice(base.length + 1)];
	});
}

describe("research-atlas build", () => {
	it("imports the seeds and prints one JSON object with counts, files and problems", async () => {
		const vault = tempDir("atlas-cli-");
		const { code, out } = await run(["build", "--seeds", SEEDS_DIR, "--vault", vault, "--json"]);
		expect(code).toBe(0);
		expect(out).toHaveLength(1);
		const json = JSON.parse(out[0] ?? "{}") as Record<string, unknown>;
		expect(json.counts).toEqual({ cluster: 1, subtopic: 8, hub: 1, section: 8, question: 86, review: 3, episode: 25, index: 3, report: 1 });
		expect(json.files).toEqual({ written: 136, created: 136, updated: 0, refreshed: 0, unchanged: 0, skipped: 0 });
		expect(json.problems).toEqual([
			{ file: "000_976495f420f669d2.txt", severity: "warning", code: "cut-anchor-list", message: '000_976495f420f669d2.txt: "Episodes anchoring this topic" lists no episodes (the header declares 6); the page was cut there' },
		]);
		expect(walk(vault).filter((f) => f.endsWith(".md"))).toHaveLength(136);
		expect(walk(vault).filter((f) => !f.endsWith(".md"))).toEqual(["Import report.json"]);
	});

	it("writes nothing on a second run: contents and modification times unchanged", async () => {
		const vault = tempDir("atlas-cli-");
		await run(["build", "--seeds", SEEDS_DIR, "--vault", vault]);
		const old = new Date("2020-01-01T00:00:00Z");
		const files = walk(vault);
		for (const f of files) utimesSync(join(vault, f), old, old);
		const { code, out } = await run(["build", "--seeds", SEEDS_DIR, "--vault", vault, "--json"]);
		expect(code).toBe(0);
		expect((JSON.parse(out[0] ?? "{}") as { files: unknown }).files).toEqual({ written: 0, created: 0, updated: 0, refreshed: 0, unchanged: 136, skipped: 0 });
		expect(files.filter((f) => statSync(join(vault, f)).mtimeMs !== old.getTime())).toEqual([]);
	});

	it("refreshes only the generated properties of a note whose text the user edited on disk", async () => {
		const seeds = tempDir("atlas-seeds-");
		cpSync(SEEDS_DIR, seeds, { recursive: true });
		const vault = tempDir("atlas-cli-");
		await run(["build", "--seeds", seeds, "--vault", vault]);
		const note = join(vault, "Questions", "Can a single training example unlock mathematical reasoning.md");
		const edited = readFileSync(note, "utf8").replace("## In the atlas", "My own notes.\n\n## In the atlas");
		writeFileSync(note, edited);
		for (const page of ["003_8bbdbf8163614206.txt", "004_56aa102100d15266.txt"]) {
			writeFileSync(join(seeds, page), readFileSync(join(seeds, page), "utf8").replace("Does minimal data suffice", "Does very little data suffice"));
		}
		const { code, out } = await run(["build", "--seeds", seeds, "--vault", vault, "--json"]);
		expect(code).toBe(0);
		const json = JSON.parse(out[0] ?? "{}") as { files: Record<string, number>; refreshed: string[] };
		expect(json.files).toMatchObject({ refreshed: 1, skipped: 0 });
		expect(json.refreshed).toEqual(["Questions/Can a single training example unlock mathematical reasoning.md"]);
		const after = readFileSync(note, "utf8");
		expect(after.slice(after.indexOf("\n---\n"))).toBe(edited.slice(edited.indexOf("\n---\n")));
		expect(after).toContain("description: Does very little data suffice");
	});

	it("exits non-zero when an input is rejected, after importing all the good ones", async () => {
		const seeds = tempDir("atlas-seeds-");
		cpSync(SEEDS_DIR, seeds, { recursive: true });
		writeFileSync(join(seeds, "broken.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
		writeFileSync(join(seeds, "empty.txt"), "");
		const vault = tempDir("atlas-cli-");
		const { code, out } = await run(["build", "--seeds", seeds, "--vault", vault, "--json"]);
		expect(code).toBe(1);
		const json = JSON.parse(out[0] ?? "{}") as { rejected: string[]; problems: { file: string; message: string }[]; counts: { question: number } };
		expect(json.rejected).toEqual(["broken.bin", "empty.txt"]);
		expect(json.problems.map((p) => p.file)).toEqual(["000_976495f420f669d2.txt", "broken.bin", "empty.txt"]);
		expect(json.problems[1]?.message).toBe("broken.bin: this is a binary file, not a text page; it was skipped");
		expect(json.counts.question).toBe(86);
	});

	it("writes the same notes from the built tool, whose writer thread renders them (bin → dist/cli.js, built by npm test)", async () => {
		const root = join(__dirname, "..", "..");
		// The build inlined the writer thread's own bundle (else the tool renders every note itself).
		expect(readFileSync(join(root, "dist", "cli.js"), "utf8")).toMatch(/WRITER_WORKER_SOURCE = [`"']/);
		const fromSource = tempDir("atlas-cli-");
		const fromBuild = tempDir("atlas-cli-");
		await run(["build", "--seeds", SEEDS_DIR, "--vault", fromSource]);
		const out = execFileSync(process.execPath, [join(root, "bin", "research-atlas.mjs"), "build", "--seeds", SEEDS_DIR, "--vault", fromBuild, "--json"], { encoding: "utf8" });
		expect((JSON.parse(out) as { files: unknown }).files).toEqual({ written: 136, created: 136, updated: 0, refreshed: 0, unchanged: 0, skipped: 0 });
		const notes = walk(fromSource).filter((f) => f.endsWith(".md")).sort();
		expect(walk(fromBuild).filter((f) => f.endsWith(".md")).sort()).toEqual(notes);
		for (const f of notes) expect(readFileSync(join(fromBuild, f), "utf8")).toBe(readFileSync(join(fromSource, f), "utf8"));
	});

	it("explains usage errors with exit code 2", async () => {
		expect((await run(["build", "--vault", "x"])).err.join("\n")).toContain("--seeds is required");
		expect((await run(["build", "--vault", "x"])).code).toBe(2);
		expect((await run(["frobnicate"])).code).toBe(2);
		expect((await run(["build", "--seeds", "/no/such/dir", "--vault", "x"])).err[0]).toBe("research-atlas: --seeds /no/such/dir: no such folder");
	});

	it("installs and enables the plugin when asked, with the source pages beside the notes", async () => {
		const vault = tempDir("atlas-cli-");
		const { code } = await run(["build", "--seeds", SEEDS_DIR, "--vault", vault, "--install-plugin"]);
		expect(code).toBe(0);
		const plugin = join(vault, ".obsidian", "plugins", "research-atlas");
		for (const f of ["main.js", "manifest.json", "styles.css"]) expect(existsSync(join(plugin, f))).toBe(true);
		expect(JSON.parse(readFileSync(join(vault, ".obsidian", "community-plugins.json"), "utf8"))).toEqual(["research-atlas"]);
		expect(readdirSync(join(vault, "Sources"))).toHaveLength(5);
	});
});
