import { hashText } from "../../../src/core";
import { hashHeadAndTail } from "../../../src/core/text/hash";

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
