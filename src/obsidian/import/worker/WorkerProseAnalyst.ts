/**
 * The import's prose analysis (gaps and suggestions) on a web worker, so that Obsidian's thread reads the pages and
 * plans the notes meanwhile; in place, with the same answer, where no worker starts or the worker fails.
 */
import { ProseAnalyser, type ProseAnalysis, type ProseAnalyst, type ProseCorpus, type ProseTexts } from "../../../core/pages/proseAnalysis";
import type { ProseMessage, ProseReply } from "../../../core/pages/proseSession";
import { startInlineWorker } from "../../workers/inlineWorker";

/** What the analyst needs of a worker: the web worker started from the inlined bundle (`startAnalysisWorker`), or a test's. */
export interface AnalysisWorker {
	post(message: ProseMessage): void;
	/** Hands over each reply, or the message of the error that stopped the worker. */
	listen(onReply: (reply: ProseReply) => void, onError: (message: string) => void): void;
	close(): void;
}

/** The analysis worker started from its inlined bundle; null where none can start. */
export function startAnalysisWorker(source: string): AnalysisWorker | null {
	const started = startInlineWorker(source);
	if (started === null) return null;
	const { worker } = started;
	return {
		post: (message) => worker.postMessage(message),
		listen: (onReply, onError) => {
			worker.onmessage = (event: MessageEvent<ProseReply>) => onReply(event.data);
			worker.onerror = (event: ErrorEvent) => {
				event.preventDefault();
				onError(event.message === "" ? "the analysis worker stopped" : event.message);
			};
		},
		close: () => started.stop(),
	};
}

/**
 * A `ProseAnalyst` on a worker. It keeps the batches it hands over (the texts are the atlas's own strings, not
 * copies), so that if the worker cannot answer, the analysis is done in place from them. The worker is closed once
 * it has answered, or by `close` (an import that stops early).
 */
export class WorkerProseAnalyst implements ProseAnalyst {
	private readonly batches: ProseTexts[] = [];
	private worker: AnalysisWorker | null;
	private failure: string | null = null;
	private answer: ((reply: ProseReply) => void) | null = null;
	/** Where the last analysis was done: on the worker, or in place (none started, or it failed: see `workerFailure`). */
	ranOn: "worker" | "in place" | null = null;

	constructor(
		private readonly codePattern: string | undefined,
		start: () => AnalysisWorker | null,
	) {
		let worker: AnalysisWorker | null = null;
		try {
			worker = start();
		} catch (error) {
			this.failure = error instanceof Error ? error.message : String(error);
		}
		this.worker = worker;
		worker?.listen(
			(reply) => this.answer?.(reply),
			(message) => {
				this.failure = message;
				this.answer?.({ analysisFailed: message });
			},
		);
		this.post({ analysis: "start", codePattern });
	}

	/** Why the worker could not be used, if it could not. */
	get workerFailure(): string | null {
		return this.failure;
	}

	add(batch: ProseTexts): void {
		this.batches.push(batch);
		this.post({ analysis: "texts", batch });
	}

	async analyse(corpus: ProseCorpus): Promise<ProseAnalysis> {
		try {
			if (this.worker !== null && this.failure === null) {
				const reply = await new Promise<ProseReply>((resolve) => {
					this.answer = resolve;
					this.post({ analysis: "analyse", corpus });
					// A post that failed has no answer coming.
					if (this.failure !== null) resolve({ analysisFailed: this.failure });
				});
				if ("analysis" in reply) {
					this.ranOn = "worker";
					return reply.analysis;
				}
				this.failure = reply.analysisFailed;
			}
			const analyser = new ProseAnalyser(this.codePattern);
			for (const batch of this.batches) analyser.add(batch);
			this.ranOn = "in place";
			return analyser.analyse(corpus);
		} finally {
			this.close();
		}
	}

	/** Stops the worker (idempotent). */
	close(): void {
		this.worker?.close();
		this.worker = null;
		this.answer = null;
	}

	private post(message: ProseMessage): void {
		if (this.worker === null || this.failure !== null) return;
		try {
			this.worker.post(message);
		} catch (error) {
			this.failure = error instanceof Error ? error.message : String(error);
		}
	}
}
