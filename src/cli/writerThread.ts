/**
 * New files written on one worker thread with plain synchronous writes, handed over in batches: an import renders the
 * next notes on the main thread while this one writes the last ones. Fewer system calls and wake-ups than libuv's
 * callback writes (open, write and close each a round trip through the event loop), which on a small machine took
 * more of its cores than the import itself. A batch travels as UTF-8 bytes in one transferred buffer (copying the
 * strings to the worker cost the main thread more than encoding them), and each answer carries the file's size and
 * modification time, so that recording them needs no second look at the disk.
 */
import { Buffer } from "buffer";
import type * as Fs from "fs";
import type * as Path from "path";
import { setImmediate } from "timers";
import { Worker, type MessagePort } from "worker_threads";
import type { FileStat } from "../core";

/** Why one file of a batch was not written: the system error's code and message. */
interface WriteError {
	code: string;
	message: string;
}

/** One batch: absolute paths, and where each file's bytes stand in `bytes` (start and end, two numbers a file). */
interface Batch {
	files: string[];
	ranges: number[];
	bytes: Uint8Array;
}

/** Per file: its size and modification time once written, or why it was not. */
type Answer = [size: number, mtime: number] | WriteError;

/**
 * The worker's whole program: writes each batch's files in order and answers with one entry per file. The worker
 * runs it from its source text, so it uses only what it is given.
 */
function writerMain(parentPort: MessagePort, fs: typeof Fs, path: typeof Path): void {
	const folders = new Set<string>();
	const open = (file: string): number => {
		const folder = path.dirname(file);
		if (!folders.has(folder)) {
			fs.mkdirSync(folder, { recursive: true });
			folders.add(folder);
		}
		try {
			// `wx`: a file that appeared meanwhile is never replaced.
			return fs.openSync(file, "wx");
		} catch (error) {
			if ((error as { code?: unknown }).code !== "ENOENT") throw error;
			// The folder went away after it was made (another program removed it): make it again.
			fs.mkdirSync(folder, { recursive: true });
			return fs.openSync(file, "wx");
		}
	};
	const write = (file: string, bytes: Uint8Array, start: number, end: number): [number, number] => {
		const fd = open(file);
		try {
			for (let at = start; at < end; ) at += fs.writeSync(fd, bytes, at, end - at);
			const stat = fs.fstatSync(fd);
			return [stat.size, stat.mtimeMs];
		} finally {
			fs.closeSync(fd);
		}
	};
	parentPort.on("message", ({ files, ranges, bytes }: Batch) => {
		const answers: Answer[] = files.map((file, i) => {
			try {
				return write(file, bytes, ranges[2 * i] ?? 0, ranges[2 * i + 1] ?? 0);
			} catch (error) {
				const code = (error as { code?: unknown }).code;
				return { code: typeof code === "string" ? code : "EIO", message: error instanceof Error ? error.message : "the file was not written" };
			}
		});
		parentPort.postMessage(answers);
	});
}

/** Files per message, and characters: enough to make hand-over cheap, few enough to keep the worker fed. */
const BATCH_FILES = 64;
const BATCH_CHARS = 1 << 20;
/** An idle worker is stopped after this long (a later write starts another). */
const IDLE_MS = 1000;

interface Waiter {
	done: (stat: FileStat) => void;
	fail: (error: Error) => void;
}

/** Writes new files on a worker thread; each `create` resolves, with the file's stat, once it is on disk. */
export class WriterThread {
	private worker: Worker | null = null;
	private files: string[] = [];
	private texts: string[] = [];
	private chars = 0;
	private waiting: Waiter[] = [];
	/** The waiters of each batch sent, oldest first: the worker answers in order. */
	private readonly sent: Waiter[][] = [];
	private flushQueued = false;
	private idleTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly encoder = new TextEncoder();

	/** Queues a new file (`file` absolute, its folder made as needed); rejects when it exists or cannot be written. */
	create(file: string, text: string): Promise<FileStat> {
		return new Promise((done, fail) => {
			this.files.push(file);
			this.texts.push(text);
			this.chars += text.length;
			this.waiting.push({ done, fail });
			if (this.waiting.length >= BATCH_FILES || this.chars >= BATCH_CHARS) this.flush();
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
		// At most three bytes per UTF-16 unit; encoded one after another into one buffer. Not zeroed first (a zeroed
		// buffer three times the batch's size, for each batch, was most of handing it over): only the encoded ranges
		// are ever read. Large enough to have its own memory, never a slice of Node's shared pool, so it can move.
		const bytes = Buffer.allocUnsafe(Math.max(this.chars * 3, Buffer.poolSize));
		const ranges: number[] = [];
		let at = 0;
		for (const text of this.texts) {
			ranges.push(at);
			at += this.encoder.encodeInto(text, bytes.subarray(at)).written;
			ranges.push(at);
		}
		const batch: Batch = { files: this.files, ranges, bytes };
		this.start().postMessage(batch, [bytes.buffer]);
		this.sent.push(this.waiting);
		this.files = [];
		this.texts = [];
		this.chars = 0;
		this.waiting = [];
	}

	private start(): Worker {
		if (this.idleTimer !== null) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		if (this.worker === null) {
			const program = `(${writerMain.toString()})(require("worker_threads").parentPort, require("fs"), require("path"))`;
			const worker = new Worker(program, { eval: true });
			worker.on("message", (answers: Answer[]) => this.answered(answers));
			worker.on("error", (error) => this.crashed(worker, error));
			// A worker that stops without an error (killed from outside) must not leave its writes waiting forever.
			worker.on("exit", (code) => this.crashed(worker, new Error(`the writer thread stopped (exit code ${code})`)));
			this.worker = worker;
		}
		this.worker.ref();
		return this.worker;
	}

	private answered(answers: Answer[]): void {
		const waiters = this.sent.shift() ?? [];
		waiters.forEach((waiter, i) => {
			const answer = answers[i];
			if (Array.isArray(answer)) waiter.done({ size: answer[0], mtime: answer[1] });
			else waiter.fail(Object.assign(new Error(answer?.message ?? "the file was not written"), { code: answer?.code }));
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

	private crashed(worker: Worker, error: Error): void {
		// The idle timer's own stop, or a worker already replaced: nothing of ours was waiting on it.
		if (this.worker !== worker) return;
		this.worker = null;
		for (const waiters of this.sent.splice(0)) for (const waiter of waiters) waiter.fail(error);
	}
}
