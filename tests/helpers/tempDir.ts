/** Temporary folders for tests that touch the disk, removed once the test file's tests have run. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

// Registered as the test file loads this module: every folder `tempDir` made for the file goes when it is done.
afterAll(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty folder under the system's temporary folder (`prefix` names it), removed after the file's tests. */
export function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}
