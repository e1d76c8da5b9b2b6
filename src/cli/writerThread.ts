/**
 * New files written on one worker thread with plain synchronous writes, handed over in batches: an import renders the
 * next notes on the main thread while this one writes the last ones. Fewer system calls and wake-ups than libuv's
 * callback writes (open, write and close each a round trip through the event loop), which on a small machine took
 * more of its cores than the import itself.
 */
import type * as Fs from "fs";
import type * as Path from "path";
import { setImmediate } from "timers";
import { Worker, type MessagePort } from "worker_threads";

/** Why one file of a batch was not written: the system error's code and message. */
interface WriteError {
	code: string;
	message: string;
}

/**
 * The worker's whole program: each message is a flat list of `absolute path, text` pairs; it answers with one entry
 * per file, null when written. The worker runs it from its source text, so it uses only what it is given.
 */
function writerMain(parentPort: MessagePort, fs: typeof Fs, path: typeof Path): void {
	const folders = new Set<string>();
	const write = (file: string, text: string): void => {
		const folder = path.dirname(file);
		if (!folders.has(folder)) {
			fs.mkdirSync(folder, { recursive: true });
			folders.add(folder);
		}
		try {
			// `wx`: a file that appeared meanwhile is never replaced.
			fs.writeFileSync(file, text, { encoding: "utf8", flag: "wx" });
		} catch (error) {
			if ((error as { code?: unknown }).code !== "ENOENT") throw error;
			// The folder went away after it was made (another program removed it): make it again.
			fs.mkdirSync(folder, { recursive: true });
			fs.writeFileSync(file, text, { encoding: "utf8", flag: "wx" });
		}
	};
	parentPort.on("message", (batch: string[]) => {
		const answers: ({ code: string; message: string } | null)[] = [];
		for (let i = 0; i + 1 < batch.length; i += 2) {
			try {
				write(batch[i] ?? "", batch[i + 1] ?? "");
				answers.push(null);
			} catch (error) {
				const code = (error as { code?: unknown }).code;
				answers.push({ code: typeof code === "string" ? code : "EIO", message: error instanceof Error ? error.message : "the file was not written" });
			}
		}
		parentPort.postMessage(answers);
	});
}

/** Files per message, and characters: enough to make hand-over cheap, few enough to keep the worker fed. */
const BATCH_FILES = 64;
const BATCH_CHARS = 1 << 20;
/** An idle worker is stopped after this long (a later write starts another). */
const IDLE_MS = 1000;

interface Waiter {
	done: () => void;
	fail: (error: Error) => void;
}

/** Writes new files on a worker thread; each `create` resolves once its file is on disk. */
export class WriterThread {
	private worker: Worker | null = null;
	private batch: string[] = [];
	private batchChars = 0;
	private waiting: Waiter[] = [];
	/** The waiters of each batch sent, oldest first: the worker answers in order. */
	private readonly sent: Waiter[][] = [];
	private flushQueued = false;
	private idleTimer: ReturnType<typeof setTimeout> | null = null;

	/** Queues a new file (`file` absolute, its folder made as needed); rejects when it exists or cannot be written. */
	create(file: string, text: string): Promise<void> {
		return new Promise((done, fail) => {
			this.batch.push(file, text);
			this.batchChars += text.length;
			this.waiting.push({ done, fail });
			if (this.waiting.length >= BATCH_FILES || this.batchChars >= BATCH_CHARS) this.flush();
			else if (!this.flushQueued) {
				// A lone write is not held back: whatever was queued in this turn of the event loop goes together.
				this.flushQueued = true;
				setImmediate(() => this.flush());
			}
		});
	}

	private flush(): void {
		this.flushQueued = false;
		if (this.waiting.length === 0) return;
		const worker = this.start();
		worker.postMessage(this.batch);
		this.sent.push(this.waiting);
		this.batch = [];
		this.batchChars = 0;
		this.waiting = [];
	}

	private start(): Worker {
		if (this.idleTimer !== null) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		if (this.worker === null) {
			const program = `(${writerMain.toString()})(require("worker_threads").parentPort, require("fs"), require("path"))`;
			const worker = new Worker(program, { eval: true });
			worker.on("message", (answers: (WriteError | null)[]) => this.answered(answers));
			worker.on("error", (error) => this.crashed(error));
			this.worker = worker;
		}
		this.worker.ref();
		return this.worker;
	}

	private answered(answers: (WriteError | null)[]): void {
		const waiters = this.sent.shift() ?? [];
		waiters.forEach((waiter, i) => {
			const error = answers[i];
			if (error === null) waiter.done();
			else waiter.fail(Object.assign(new Error(error?.message ?? "the file was not written"), { code: error?.code }));
		});
		if (this.sent.length === 0 && this.worker !== null) this.idle(this.worker);
	}

	/** Lets the process exit while nothing is being written, and stops the worker if nothing comes for a while. */
	private idle(worker: Worker): void {
		worker.unref();
		this.idleTimer = setTimeout(() => {
			if (this.worker !== worker || this.sent.length > 0) return;
			this.worker = null;
			void worker.terminate();
		}, IDLE_MS);
		this.idleTimer.unref();
	}

	private crashed(error: Error): void {
		this.worker = null;
		for (const waiters of this.sent.splice(0)) for (const waiter of waiters) waiter.fail(error);
	}
}
