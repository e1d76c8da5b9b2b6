import { hashText } from "../../../src/core";
import { hashHeadAndTail, hashHeadAndUtf8Tail } from "../../../src/core/text/hash";
import { rng } from "../../helpers/random";

describe("hashHeadAndTail", () => {
	it.each([
		["", ""],
		["---\ntitle: A\n---\n", ""],
		["", "Body\n"],
		["---\ntitle: Ünïcödé → ⟨…⟩\n---\n", "Body with 😀 and E026.\n"],
		["x".repeat(1000), "y".repeat(5000)],
	])("hashes %j + its tail as hashText does each", (head, tail) => {
		expect(hashHeadAndTail(head, tail)).toEqual({ whole: hashText(head + tail), tail: hashText(tail) });
	});
});

describe("hashHeadAndTail with an end", () => {
	it.each([
		["---\n", "Body", "\n"],
		["", "", "\n"],
		["head", "tail", "😀 end"],
	])("hashes %j + %j + %j as if joined", (head, tail, end) => {
		expect(hashHeadAndTail(head, tail, end)).toEqual({ whole: hashText(head + tail + end), tail: hashText(tail + end) });
	});
});

describe("hashHeadAndUtf8Tail", () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);

	it.each([
		["", "", ""],
		["---\n", "Body\n", ""],
		["---\ntitle: Ünïcödé\n---\n", "é ß → ⟨…⟩ 中文 😀 𝔸 E026.", "\n"],
		["head", "😀😀😀", "😀 end"],
		["x".repeat(1000), "y".repeat(5000), ""],
	])("hashes %j + the string its bytes are + %j as hashHeadAndTail does", (head, tail, end) => {
		expect(hashHeadAndUtf8Tail(head, utf8(tail), end)).toEqual(hashHeadAndTail(head, tail, end));
	});

	it("agrees with hashHeadAndTail on random text of one-, two-, three- and four-byte characters", () => {
		const random = rng(11);
		// Code points from every UTF-8 length, surrogates left out (a string TextEncoder writes has none alone).
		const ranges: [number, number][] = [
			[0x20, 0x7f],
			[0x80, 0x7ff],
			[0x800, 0xd7ff],
			[0xe000, 0xffff],
			[0x10000, 0x10ffff],
		];
		for (let n = 0; n < 200; n++) {
			let text = "";
			const length = Math.floor(random() * 60);
			for (let i = 0; i < length; i++) {
				const [low, high] = ranges[Math.floor(random() * ranges.length)]!;
				text += String.fromCodePoint(low + Math.floor(random() * (high - low)));
			}
			expect(hashHeadAndUtf8Tail("h", utf8(text), "\n")).toEqual(hashHeadAndTail("h", text, "\n"));
		}
	});

	it("hashes only the view it is given, not the buffer around it", () => {
		const bytes = utf8("before|Body é|after");
		expect(hashHeadAndUtf8Tail("", bytes.subarray(7, 14))).toEqual(hashHeadAndTail("", "Body é"));
	});
});

describe("hashText", () => {
	// Notes already in vaults carry these fingerprints: the values must never change.
	it.each([
		["", 0, "0bdcb81aee8d83"],
		["", 7, "0bbc3b73a987c9"],
		["a", 0, "1c2ba782c97901"],
		["Research Atlas", 0, "0a134b7da23385"],
		["Research Atlas", 7, "044c5e0fb4a788"],
		["⟨…⟩ E026 😀", 0, "017899e26b6107"],
		["⟨…⟩ E026 😀", 7, "1ae37b44514897"],
	])("hashes %j (seed %d) as it always has", (text, seed, hash) => {
		expect(hashText(text, seed)).toBe(hash);
	});
});
