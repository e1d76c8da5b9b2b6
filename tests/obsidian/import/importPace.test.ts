/** @jest-environment jsdom */
import { Notice } from "../../obsidian-stub/obsidian";
import { generatePages } from "../../../bench/corpus";
import { IMPORT_SLICE_MS, ImportPace, LONG_IMPORT } from "../../../src/obsidian/import/importPace";
import { runCommand, seedSources, startImport } from "./harness";

beforeEach(() => Notice.clear());

/** A pace on a clock the test moves, counting its pauses. */
function paceOnClock(files: number): { pace: ImportPace; tick: (ms: number) => void; pauses: () => number } {
	let clock = 0;
	let pauses = 0;
	const pace = new ImportPace(
		files,
		() => clock,
		() => {
			pauses++;
			return Promise.resolve();
		},
	);
	return { pace, tick: (ms) => (clock += ms), pauses: () => pauses };
}

describe("ImportPace", () => {
	it("says how far the reading is and pauses once per slice, and always after the last page", async () => {
		const { pace, tick, pauses } = paceOnClock(2000);
		const paused: number[] = [];
		for (let read = 1; read <= 2000; read++) {
			tick(1);
			const pause = pace.pageRead(read, 2000);
			if (pause !== undefined) paused.push(read);
			await pause;
		}
		// A page a millisecond: a pause every slice of pages, the last one included.
		expect(paused.length).toBe(pauses());
		expect(paused.slice(0, 3)).toEqual([IMPORT_SLICE_MS, 2 * IMPORT_SLICE_MS, 3 * IMPORT_SLICE_MS]);
		expect(paused.at(-1)).toBe(2000);
		expect(Notice.messages[0]).toBe("Research Atlas: loading 2,000 files…");
		expect(Notice.messages[1]).toBe(`Research Atlas: reading pages… ${IMPORT_SLICE_MS} of 2,000`);
		expect(Notice.messages.at(-2)).toMatch(/^Research Atlas: reading pages… 1,9\d\d of 2,000$/);
		expect(Notice.messages.at(-1)).toBe("Research Atlas: finding gaps and suggestions in 2,000 pages…");
	});

	it("does not pause a fast phase until its last step", () => {
		const { pace, pauses } = paceOnClock(LONG_IMPORT + 1);
		expect([1, 2, 3, 4].map((read) => pace.pageRead(read, 5))).toEqual([undefined, undefined, undefined, undefined]);
		expect(pace.pageRead(5, 5)).toBeInstanceOf(Promise);
		expect(pauses()).toBe(1);
	});

	it("opens its notice for a few files with many notes once the notes take a slice, and never just for the last", async () => {
		const few = paceOnClock(3);
		expect(Notice.messages).toEqual([]);
		// Quick throughout: no notice at all, and nothing waits.
		expect(few.pace.noteWritten(500, 500)).toBeUndefined();
		few.tick(IMPORT_SLICE_MS);
		expect(few.pace.noteWritten(499, 500)).toBeInstanceOf(Promise);
		expect(Notice.messages).toEqual(["Research Atlas: importing… 499 of 500 notes done"]);
		await few.pace.noteWritten(500, 500);
		expect(Notice.messages.at(-1)).toBe("Research Atlas: importing… 500 of 500 notes done");
		// An import of few notes never shows one.
		const small = paceOnClock(3);
		small.tick(1000);
		expect(small.pace.noteWritten(50, LONG_IMPORT)).toBeUndefined();
		small.pace.hide();
		few.pace.hide();
	});
});

describe("a long import in Obsidian", () => {
	it("keeps the app's event loop running while it reads the pages and writes the notes, the notice counting them", async () => {
		const pages = generatePages(300, 3);
		const h = await startImport({ ...seedSources(), ...Object.fromEntries(pages.map((p) => [`Sources/generated/${p.file}`, p.text])) });
		// What a user would see at each turn of the event loop (a timer stands for a frame being drawn).
		const seen: string[] = [];
		let ticking = true;
		const tick = () => {
			seen.push(Notice.messages.at(-1) ?? "");
			if (ticking) window.setTimeout(tick, 0);
		};
		window.setTimeout(tick, 0);
		await runCommand(h);
		ticking = false;
		const files = (pages.length + 5).toLocaleString("en-US");
		expect(Notice.messages[0]).toBe(`Research Atlas: loading ${files} files…`);
		const counted = (prefix: string) => [...new Set(seen.filter((m) => m.startsWith(prefix)))].map((m) => Number(/… ([\d,]+) of/.exec(m)?.[1]?.replace(/,/g, "")));
		const reading = counted("Research Atlas: reading pages…");
		expect(reading.length).toBeGreaterThan(0);
		expect(reading).toEqual([...reading].sort((a, b) => a - b));
		expect(seen).toContain(`Research Atlas: finding gaps and suggestions in ${files} pages…`);
		const writing = counted("Research Atlas: importing…");
		expect(writing.length).toBeGreaterThan(1);
		expect(writing).toEqual([...writing].sort((a, b) => a - b));
		expect(Notice.messages.at(-1)).toMatch(/^Research Atlas: [\d,]+ notes created, 0 updated, 0 unchanged\./);
	});
});
