import { readFileSync, rmSync, statSync } from "fs";
import { join } from "path";
import { FsVault } from "../../src/cli/fsVault";
import { tempDir } from "../helpers/tempDir";

describe("FsVault.create", () => {
	it("makes folders as needed, and again when one was removed after it was made", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		await vault.create("Questions/A.md", "a");
		rmSync(join(dir, "Questions"), { recursive: true });
		await vault.create("Questions/B.md", "b");
		expect(readFileSync(join(dir, "Questions", "B.md"), "utf8")).toBe("b");
	});

	it("answers each create with the file's size and modification time, as the disk tells them", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		const stats = await Promise.all(["A.md", "Q/B.md"].map((path, i) => vault.create(path, "é".repeat(i + 1))));
		for (const [i, path] of ["A.md", "Q/B.md"].entries()) {
			const disk = statSync(join(dir, ...path.split("/")));
			expect(stats[i]).toEqual({ size: disk.size, mtime: disk.mtimeMs });
			expect(stats[i]?.size).toBe(2 * (i + 1));
		}
	});

	it("never overwrites a file and never writes outside the vault", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		await vault.create("A.md", "mine");
		await expect(async () => vault.create("A.md", "theirs")).rejects.toThrow();
		expect(readFileSync(join(dir, "A.md"), "utf8")).toBe("mine");
		await expect(async () => vault.create("../outside.md", "x")).rejects.toThrow(/outside the vault/);
	});

	it("writes many files at once (batched to its writer thread): each lands with its text, and only the bad one fails", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		await vault.create("Taken.md", "mine");
		const names = Array.from({ length: 300 }, (_, i) => `F${i % 7}/N${i}.md`);
		const results = await Promise.allSettled([...names.map((name, i) => vault.create(name, `text ${i} ✓`)), vault.create("Taken.md", "theirs")]);
		expect(results.slice(0, -1).every((r) => r.status === "fulfilled")).toBe(true);
		expect(results.at(-1)).toMatchObject({ status: "rejected", reason: { code: "EEXIST" } });
		names.forEach((name, i) => expect(readFileSync(join(dir, ...name.split("/")), "utf8")).toBe(`text ${i} ✓`));
		expect(readFileSync(join(dir, "Taken.md"), "utf8")).toBe("mine");
	});

	it("never leaves a write waiting when its writer thread is stopped from outside, and writes again afterwards", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		// 200 files: three full batches are handed over at once, the rest on the next turn.
		const creates = Array.from({ length: 200 }, (_, i) => vault.create(`N${i}.md`, `text ${i}`));
		const thread = (vault as unknown as { writer: { worker: { terminate(): Promise<number> } | null } }).writer.worker;
		expect(thread).not.toBeNull();
		await thread?.terminate();
		const results = await Promise.allSettled(creates);
		for (const r of results) if (r.status === "rejected") expect(String(r.reason)).toMatch(/writer thread stopped/);
		await vault.create("After.md", "again");
		expect(readFileSync(join(dir, "After.md"), "utf8")).toBe("again");
	});

	it("tells a file it wrote by the size and modification time the disk holds", async () => {
		const dir = tempDir("atlas-fs-");
		const vault = new FsVault(dir);
		await vault.create("Q/É.md", "café ✓");
		const disk = statSync(join(dir, "Q", "É.md"));
		expect(await vault.stat("Q/É.md")).toEqual({ size: disk.size, mtime: disk.mtimeMs });
		expect(disk.size).toBe(Buffer.byteLength("café ✓"));
	});

	it("rejects, never throws, for a path outside the vault, whatever the call", () => {
		const vault = new FsVault(tempDir("atlas-fs-"));
		// Called without await: a synchronous throw would escape here instead of rejecting the promise.
		const calls = [vault.create("../x.md", "x"), vault.read("../x.md"), vault.stat("../x.md"), vault.replace("../x.md", "", "x"), vault.list("../")];
		return Promise.all(calls.map((call) => expect(call).rejects.toThrow(/outside the vault/)));
	});
});
