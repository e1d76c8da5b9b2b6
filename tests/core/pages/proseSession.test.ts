import { ProseAnalyser, type ProseTexts } from "../../../src/core/pages/proseAnalysis";
import { ProseSession } from "../../../src/core/pages/proseSession";

const batch: ProseTexts = { texts: ["RL on . works", "RL on policy gradients works"], search: [0, 1] };
const corpus = { names: ["a.txt", "A", "b.txt", "B"], corpus: [0, 0, 1, 1, 2, 3], prose: [0, 0, 1, 2] };

describe("ProseSession", () => {
	it("answers only the request for the analysis, with what the analyser in place gives", () => {
		const session = new ProseSession((codePattern) => new ProseAnalyser(codePattern));
		expect(session.receive({ analysis: "start" })).toBeNull();
		expect(session.receive({ analysis: "texts", batch })).toBeNull();
		const inPlace = new ProseAnalyser();
		inPlace.add(batch);
		expect(session.receive({ analysis: "analyse", corpus })).toEqual({ analysis: inPlace.analyse(corpus) });
		// One analysis per start.
		expect(session.receive({ analysis: "analyse", corpus })).toEqual({ analysisFailed: "no prose analysis was started" });
	});

	it("keeps a failure on the way until the analysis is asked for, and a new start clears it", () => {
		let fail = true;
		const session = new ProseSession(() => ({
			add: () => {
				if (fail) throw new Error("no memory for the texts");
			},
			analyse: () => ({ gaps: [], suggestions: [] }),
		}));
		session.receive({ analysis: "start" });
		expect(session.receive({ analysis: "texts", batch })).toBeNull();
		expect(session.receive({ analysis: "analyse", corpus })).toEqual({ analysisFailed: "no memory for the texts" });
		fail = false;
		session.receive({ analysis: "start" });
		session.receive({ analysis: "texts", batch });
		expect(session.receive({ analysis: "analyse", corpus })).toEqual({ analysis: { gaps: [], suggestions: [] } });
	});
});
