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
