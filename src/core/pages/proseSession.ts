/**
 * A prose analysis run on another thread (the command-line tool's writer thread, the plugin's analysis worker): the
 * messages the import's thread sends, the reply, and the analysing side, which takes the messages in order.
 */
import type { ProseAnalyser, ProseAnalysis, ProseCorpus, ProseTexts } from "./proseAnalysis";

/** One step of an analysis: started afresh, fed texts as the pages are read, then asked once. */
export type ProseMessage = { analysis: "start"; codePattern?: string } | { analysis: "texts"; batch: ProseTexts } | { analysis: "analyse"; corpus: ProseCorpus };

/** The answer to "analyse": the analysis, or why it failed. */
export type ProseReply = { analysis: ProseAnalysis } | { analysisFailed: string };

/** The analysing thread's side: one analysis at a time, whose failure on the way is kept until it is asked for. */
export class ProseSession {
	private analysis: Pick<ProseAnalyser, "add" | "analyse"> | null = null;
	private failed: string | null = null;

	constructor(private readonly analyser: (codePattern?: string) => Pick<ProseAnalyser, "add" | "analyse">) {}

	/** Takes one message; returns the reply to send, for "analyse" only. */
	receive(message: ProseMessage): ProseReply | null {
		try {
			if (message.analysis === "start") {
				this.analysis = this.analyser(message.codePattern);
				this.failed = null;
			} else if (message.analysis === "texts") {
				this.analysis?.add(message.batch);
			} else {
				if (this.failed !== null) throw new Error(this.failed);
				if (this.analysis === null) throw new Error("no prose analysis was started");
				const reply: ProseReply = { analysis: this.analysis.analyse(message.corpus) };
				this.analysis = null;
				return reply;
			}
		} catch (error) {
			// Texts are not answered one by one: a failure is told when the analysis is asked for.
			this.failed = error instanceof Error ? error.message : String(error);
			this.analysis = null;
			if (message.analysis === "analyse") return { analysisFailed: this.failed };
		}
		return null;
	}
}
