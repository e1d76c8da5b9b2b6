import { generatePages } from "../../../bench/corpus";
import { buildAtlas } from "../../../src/core";
import { startAtlas } from "../../../src/core/atlas/build";
import { ProseAnalyser } from "../../../src/core/pages/proseAnalysis";
import { ProseSession, type ProseMessage, type ProseReply } from "../../../src/core/pages/proseSession";
import { WorkerProseAnalyst, type AnalysisWorker } from "../../../src/obsidian/import/worker/WorkerProseAnalyst";
import { loadSeeds } from "../../helpers/seeds";

const inputs = [...loadSeeds(), ...generatePages(150, 4)];
const expected = buildAtlas(inputs);

/**
 * A worker as the browser runs one: the analysis worker's session on its own "thread" (a later task), every message
 * and reply copied across. `breakOn` makes it fail at a step, as a worker that errors does.
 */
function fakeWorker(breakOn?: ProseMessage["analysis"]): AnalysisWorker & { posted: string[]; closed: number } {
	const session = new ProseSession((codePattern) => new ProseAnalyser(codePattern, true));
	let reply: (reply: ProseReply) => void = () => undefined;
	let error: (message: string) => void = () => undefined;
	const worker = {
		posted: [] as string[],
		closed: 0,
		post: (message: ProseMessage) => {
			worker.posted.push(message.analysis);
			const copy = structuredClone(message);
			setTimeout(() => {
				if (worker.closed > 0) return;
				if (copy.analysis === breakOn) {
					error("out of memory");
					return;
				}
				const answer = session.receive(copy);
				if (answer !== null) reply(structuredClone(answer));
			}, 0);
		},
		listen: (onReply: (r: ProseReply) => void, onError: (m: string) => void) => {
			reply = onReply;
			error = onError;
		},
		close: () => {
			worker.closed++;
		},
	};
	return worker;
}

async function importWith(analyst: WorkerProseAnalyst): Promise<void> {
	const started = startAtlas(inputs, {}, analyst);
	expect(started.complete(await analyst.analyse(started.corpus))).toEqual(expected);
}

describe("WorkerProseAnalyst", () => {
	it("finds the gaps and suggestions on the worker, the same as in place, and closes the worker once answered", async () => {
		const worker = fakeWorker();
		const analyst = new WorkerProseAnalyst(undefined, () => worker);
		await importWith(analyst);
		expect(analyst.ranOn).toBe("worker");
		expect(worker.posted[0]).toBe("start");
		expect(worker.posted.filter((m) => m === "texts").length).toBeGreaterThan(1);
		expect(worker.posted.at(-1)).toBe("analyse");
		expect(worker.closed).toBe(1);
		analyst.close();
		expect(worker.closed).toBe(1);
	});

	it("does the analysis in place when the worker stops on the way or while analysing, with the same answer", async () => {
		for (const step of ["texts", "analyse"] as const) {
			const worker = fakeWorker(step);
			const analyst = new WorkerProseAnalyst(undefined, () => worker);
			await importWith(analyst);
			expect(analyst.ranOn).toBe("in place");
			expect(analyst.workerFailure).toBe("out of memory");
			expect(worker.closed).toBe(1);
		}
	});

	it("does the analysis in place when no worker starts, or starting one throws", async () => {
		const none = new WorkerProseAnalyst(undefined, () => null);
		await importWith(none);
		expect(none.ranOn).toBe("in place");
		const throwing = new WorkerProseAnalyst(undefined, () => {
			throw new Error("workers are blocked");
		});
		await importWith(throwing);
		expect(throwing.ranOn).toBe("in place");
		expect(throwing.workerFailure).toBe("workers are blocked");
	});

});
