/** @jest-environment jsdom */
import { Notice } from "../../obsidian-stub/obsidian";
import { generatePages } from "../../../bench/corpus";
import { READING_SLICE_MS, readingPace } from "../../../src/obsidian/import/readingPace";
import { runCommand, seedSources, startImport } from "./harness";

beforeEach(() => Notice.clear());

describe("readingPace", () => {
	it("says how far the reading is and pauses once per slice, and always after the last page", async () => {
		let clock = 0;
		let pauses = 0;
		const notice = new Notice("start", 0);
		const hook = readingPace(notice, () => clock, () => {
			pauses++;
			return Promise.resolve();
		});
		const results: (Promise<void> | undefined)[] = [];
		for (let read = 1; read <= 2000; read++) {
			clock += 1;
			results.push(hook(read, 2000));
			await results.at(-1);
		}
		// A page a millisecond: a pause every slice of pages, the last one included.
		const paused = results.map((r, i) => (r === undefined ? -1 : i + 1)).filter((i) => i > 0);
		expect(paused.length).toBe(pauses);
		expect(paused.slice(0, 3)).toEqual([READING_SLICE_MS, 2 * READING_SLICE_MS, 3 * READING_SLICE_MS]);
		expect(paused.at(-1)).toBe(2000);
		expect(Notice.messages[1]).toBe(`Research Atlas: reading pages… ${READING_SLICE_MS} of 2,000`);
		expect(Notice.messages.at(-2)).toMatch(/^Research Atlas: reading pages… 1,9\d\d of 2,000$/);
		expect(Notice.messages.at(-1)).toBe("Research Atlas: finding gaps and suggestions in 2,000 pages…");
	});

	it("does not pause a fast reading until its last page", () => {
		let pauses = 0;
		const hook = readingPace(new Notice("start", 0), () => 0, () => {
			pauses++;
			return Promise.resolve();
		});
		expect([1, 2, 3, 4].map((read) => hook(read, 5))).toEqual([undefined, undefined, undefined, undefined]);
		expect(hook(5, 5)).toBeInstanceOf(Promise);
		expect(pauses).toBe(1);
	});
});

describe("a long import in Obsidian", () => {
	it("keeps the app's event loop running while it reads the pages, with the notice counting them", async () => {
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
		const reading = seen.filter((m) => m.startsWith("Research Atlas: reading pages…"));
		expect(reading.length).toBeGreaterThan(0);
		const counts = [...new Set(reading)].map((m) => Number(/… ([\d,]+) of/.exec(m)?.[1]?.replace(/,/g, "")));
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(seen).toContain(`Research Atlas: finding gaps and suggestions in ${files} pages…`);
		expect(Notice.messages.at(-1)).toMatch(/^Research Atlas: [\d,]+ notes created, 0 updated, 0 unchanged\./);
	});
});
