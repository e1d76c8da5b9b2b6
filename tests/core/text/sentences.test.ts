/**
 * Sentence spans: one rule for where a sentence ends, shared by the importer (the sentence quoted around a citation)
 * and the episode index (the passage of each mention), so both quote the same sentence.
 */
import { sentenceSpanAt, sentenceSpans } from "../../../src/core/text/sentences";
import { sentenceSpan } from "../../../src/core";

describe("sentence spans", () => {
	const text = "Rewards shape it (see E026.) Then “RLVR works.” And [a note.] Last one";

	it("end after . ! or ? and any closing quotes or brackets, before white space", () => {
		const spans = sentenceSpans(text).map(([from, to]) => text.slice(from, to).trim());
		expect(spans).toEqual(["Rewards shape it (see E026.)", "Then “RLVR works.”", "And [a note.]", "Last one"]);
	});

	it("give the importer and the episode index the same sentence around an offset", () => {
		// The index keeps the white space between sentences in its spans; the importer trims it.
		const trimmed = ([from, to]: [number, number]): [number, number] => {
			const part = text.slice(from, to);
			return [from + part.length - part.trimStart().length, to - (part.length - part.trimEnd().length)];
		};
		for (let offset = 0; offset < text.length; offset++) expect(sentenceSpanAt(text, offset)).toEqual(trimmed(sentenceSpan(text, offset)));
	});
});
