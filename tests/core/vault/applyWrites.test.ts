import { MemoryVault, WriteApplier, type FileStat, type VaultPort, type WriteAction, type WriteOutcome } from "../../../src/core";

/** A MemoryVault whose creates finish out of order, several at once, like a file system's threads. */
class SlowVault extends MemoryVault {
	readonly parallelCreates = 4;
	inFlight = 0;
	most = 0;

	override async create(path: string, content: string): Promise<FileStat | null> {
		this.inFlight++;
		this.most = Math.max(this.most, this.inFlight);
		await new Promise((resolve) => setTimeout(resolve, path.length % 3));
		this.inFlight--;
		if (path.includes("bad")) throw new Error(`${path}: refused`);
		return super.create(path, content);
	}
}

const creates = (paths: string[]): WriteAction[] => paths.map((path) => ({ kind: "create", path, content: path }));

/** Applies the actions one after another, as an import does, and waits for the last writes. */
async function applyWrites(vault: VaultPort, root: string, actions: WriteAction[]): Promise<WriteOutcome> {
	const applier = new WriteApplier(vault, root);
	for (const action of actions) await applier.apply(action);
	await applier.finish();
	return applier.outcome;
}

describe("WriteApplier with parallel creates", () => {
	it("keeps at most parallelCreates writes in flight and reports them in plan order", async () => {
		const vault = new SlowVault();
		const paths = Array.from({ length: 20 }, (_, i) => `n${"x".repeat(i % 5)}${i}.md`);
		const outcome = await applyWrites(vault, "", [...creates(paths), { kind: "unchanged", path: "same.md" }]);
		expect(outcome.created).toEqual(paths);
		expect(outcome.unchanged).toEqual(["same.md"]);
		expect([...vault.files.keys()].sort()).toEqual([...paths].sort());
		expect(vault.most).toBeLessThanOrEqual(4);
		expect(vault.most).toBeGreaterThan(1);
	});

	it("fails with the first failed write's error, caught even while another write was awaited", async () => {
		const vault = new SlowVault();
		await expect(applyWrites(vault, "", creates(["a.md", "bad.md", "b.md", "c.md", "d.md", "e.md", "f.md"]))).rejects.toThrow("bad.md: refused");
	});
});
