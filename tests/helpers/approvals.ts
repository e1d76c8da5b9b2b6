/**
 * Approval testing (as in obsidian-tasks): the output is compared with an approved file kept in the repo; on a
 * difference the new output is written beside it as `.received.` for review, and the test fails.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "fs";
import { join } from "path";

const DIR = join(__dirname, "..", "approved");

/** Asserts `text` equals the approved file `name`; set APPROVE=1 to accept a new output. */
export function verifyApproved(name: string, text: string): void {
	const approved = join(DIR, `${name}.approved.md`);
	const received = join(DIR, `${name}.received.md`);
	if (process.env.APPROVE === "1" || !existsSync(approved)) writeFileSync(approved, text);
	const expected = readFileSync(approved, "utf8");
	if (text === expected) {
		if (existsSync(received)) unlinkSync(received);
		return;
	}
	writeFileSync(received, text);
	expect(text).toBe(expected);
}
