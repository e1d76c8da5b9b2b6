/**
 * New files written on one worker thread with plain synchronous writes, handed over in batches: an import renders the
 * next notes on the main thread while this one writes the last ones. Fewer system calls and wake-ups than libuv's
 * callback writes (open, write and close each a round trip through the event loop), which on a small machine took
 * more of its cores than the import itself. A batch travels as UTF-8 bytes in one transferred buffer (copying the
 * strings to the worker cost the main thread more than encoding them), and each answer carries the file's size and
 * modification time, so that recording them needs no second look at the disk.
 *
 * Where the build inlined the worker's own bundle (writerSource.ts), the thread also renders notes: a note travels as
 * its properties in JSON and its body as bytes, and the worker writes it as the import would have (its YAML, its
 * fingerprint), the body's bytes as they came. Rendering was a third of the main thread's import, and a machine with
 * two cores had the second mostly waiting.
 *
 * Before the first note, the bundle also finds the pages' gaps and their suggestions (the core's `ProseAnalyser`):
 * the texts come as the import parses its pages, and the answer goes back while the import plans its notes.
 */
import { Buffer } from "buffer";
import type * as Fs from "fs";
import type * as Path from "path";
import { setImmediate } from "timers";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "worker_threads";
import type { FileStat } from "../core";
import type { ProseAnalysis, ProseAnalyst } from "../core/pages/proseAnalysis";
import type { ProseMessage, ProseReply, ProseSession } from "../core/pages/proseSession";

/** Why one file of a batch was not written: the system error's code and message. */
interface WriteError {
	code: string;
	message: string;
}

/**
 * One batch: absolute paths, and where each file's bytes stand in `bytes` (start and end, two numbers a file). The
 * files listed in `notes` (by index, with where the body starts) are notes to render: their bytes are the properties
 * as JSON, then the body. The others' bytes are their text.
 */
interface Batch {
	files: string[];
	ranges: number[];
	bytes: Uint8Array;
	notes: [index: number, bodyStart: number][];
}

/**
 * What the worker is sent: a batch of files, or a step of the import's prose analysis (gaps and suggestions, the
 * core's `ProseAnalyser`), which the bundle runs while the import goes on to citations and paths.
 */
type Message = Batch | ProseMessage;

/** Per file: its size and modification time once written (and a rendered note's fingerprint), or why it was not. */
type Answer = [size: number, mtime: number, fingerprint?: string] | WriteError;

/** What the worker answers: a batch's answers, one per file, or a prose analysis (or why it failed). */
type Reply = Answer[] | ProseReply;

/**
 * Renders a note from its properties and its body's UTF-8 bytes as the import does: the text before and after those
 * bytes, and the fingerprint stamped into it (the core's `renderAroundBody`).
 */
export type NoteRenderer = (frontmatter: Record<string, unknown>, body: Uint8Array) => { before: string; after: string; fingerprint: string };

/** A written file as the writer saw it: its stat, and its fingerprint when the writer rendered it. */
export interface Written extends FileStat {
	fingerprint?: string;
}

/**
 * The worker's whole program: writes each batch's files in order and answers on `answers` with one entry per file.
 * The plain writer runs it from its source text, so it uses only what it is given; the inlined bundle passes `render` too.
 */
export function writerMain(parentPort: MessagePort, answers: MessagePort, fs: typeof Fs, path: typeof Path, render?: NoteRenderer, prose?: ProseSession): void {
	const folders = new Set<string>();
	const decoder = new TextDecoder();
	const encoder = new TextEncoder();
	let scratch = new Uint8Array(1 << 16);
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
	const writeNote = (file: string, bytes: Uint8Array, start: number, bodyStart: number, end: number): Answer => {
		if (render === undefined) throw new Error("this writer thread does not render notes");
		const frontmatter = JSON.parse(decoder.decode(bytes.subarray(start, bodyStart))) as Record<string, unknown>;
		const body = bytes.subarray(bodyStart, end);
		const note = render(frontmatter, body);
		// The note goes together in one buffer kept for the purpose (at most three bytes per UTF-16 unit of the text
		// around the body), not a new one per note: one write, and the body's bytes copied, never decoded.
		const size = (note.before.length + note.after.length) * 3 + body.length;
		if (scratch.length < size) scratch = new Uint8Array(size * 2);
		let at = encoder.encodeInto(note.before, scratch).written;
		scratch.set(body, at);
		at += body.length;
		at += encoder.encodeInto(note.after, scratch.subarray(at)).written;
		return [...write(file, scratch, 0, at), note.fingerprint];
	};
	const analyse = (message: ProseMessage): void => {
		const reply: Reply | null =
			prose !== undefined ? prose.receive(message) : message.analysis === "analyse" ? { analysisFailed: "this writer thread does not analyse prose" } : null;
		if (reply !== null) answers.postMessage(reply);
	};
	parentPort.on("message", (message: Message) => {
		// Only what this function is given is in scope here (the plain writer runs its text): no imported helpers.
		if ("analysis" in message) {
			analyse(message);
			return;
		}
		const { files, ranges, bytes, notes } = message;
		const bodyStarts = new Map(notes);
		const answered: Answer[] = files.map((file, i) => {
			const start = ranges[2 * i] ?? 0;
			const end = ranges[2 * i + 1] ?? 0;
			const bodyStart = bodyStarts.get(i);
			try {
				return bodyStart !== undefined ? writeNote(file, bytes, start, bodyStart, end) : write(file, bytes, start, end);
			} catch (error) {
				const code = (error as { code?: unknown }).code;
				return { code: typeof code === "string" ? code : "EIO", message: error instanceof Error ? error.message : "the file was not written" };
			}
		});
		const reply: Reply = answered;
		answers.postMessage(reply);
	});
}

/** Files per message, and characters: enough to make hand-over cheap, few enough to keep the worker fed. */
const BATCH_FILES = 64;
const BATCH_CHARS = 1 << 20;
/**
 * An idle worker is stopped after this long (a later write starts another). Long enough to outlast an import's own
 * pauses: after its last note, a 10,000-page import spends more than a second on the record before writing it, and
 * with one second here the record waited for a new thread, which loads its bundle anew. An idle worker holds the
 * process open for none of it.
 */
const IDLE_MS = 10000;

interface Waiter {
	done: (written: Written) => void;
	fail: (error: Error) => void;
}

/** Writes new files on a worker thread; each `create` resolves, with the file's stat, once it is on disk. */
export class WriterThread {
	private worker: Worker | null = null;
	/** Where the worker answers: a port of our own, so that `backlog` can take its answers without waiting. */
	private answers: MessagePort | null = null;
	private files: string[] = [];
	private texts: string[] = [];
	/** Each queued file's body when it is a note to render (its text is then its properties' JSON), else null. */
	private bodies: (string | null)[] = [];
	private chars = 0;
	private waiting: Waiter[] = [];
	/** The waiters of each batch sent, oldest first: the worker answers in order. */
	private readonly sent: Waiter[][] = [];
	/** How many files the sent batches hold. */
	private unanswered = 0;
	private flushQueued = false;
	/** The import waiting for a prose analysis, if one is. */
	private analysing: { done: (analysis: ProseAnalysis) => void; fail: (error: Error) => void } | null = null;
	private idleTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly encoder = new TextEncoder();

	/**
	 * `source`: the worker's inlined bundle, which renders notes too; null for the plain writer, started from
	 * `writerMain`'s own text.
	 */
	constructor(private readonly source: string | null = null) {}

	/** Files queued or handed over that the worker has not answered yet: how far behind it is. */
	get backlog(): number {
		// Answers are taken as they stand, not when this thread next waits: an import that never waits while the
		// worker keeps up would otherwise see it further behind with every note.
		this.takeAnswers();
		return this.waiting.length + this.unanswered;
	}

	/** Handles every answer the worker has sent so far, at once. */
	private takeAnswers(): void {
		for (;;) {
			const answer = this.answers === null ? undefined : receiveMessageOnPort(this.answers);
			if (answer === undefined) return;
			this.replied(answer.message as Reply);
		}
	}

	private replied(reply: Reply): void {
		if (Array.isArray(reply)) this.answered(reply);
		else this.analysed(reply);
	}

	/**
	 * A prose analysis on the worker, which has nothing else to do until the import writes its first note. Only the
	 * bundle analyses; one analysis at a time (an import's).
	 */
	proseAnalyst(codePattern?: string): ProseAnalyst {
		if (!this.renders) throw new Error("this writer thread does not analyse prose");
		const post = (message: ProseMessage): void => {
			this.start().postMessage(message);
			// Texts alone keep nothing waiting: an import that fails before it asks for the analysis must not hold the
			// process open.
			if (this.analysing === null && this.sent.length === 0) this.unrefWorker();
		};
		post({ analysis: "start", codePattern });
		return {
			add: (batch) => post({ analysis: "texts", batch }),
			analyse: (corpus) =>
				new Promise((done, fail) => {
					if (this.analysing !== null) {
						fail(new Error("a prose analysis is already running on the writer thread"));
						return;
					}
					this.analysing = { done, fail };
					post({ analysis: "analyse", corpus });
				}),
		};
	}

	private analysed(reply: Exclude<Reply, Answer[]>): void {
		const waiter = this.analysing;
		this.analysing = null;
		if ("analysis" in reply) waiter?.done(reply.analysis);
		else waiter?.fail(new Error(`the writer thread could not analyse the prose: ${reply.analysisFailed}`));
		if (this.sent.length === 0 && this.worker !== null) this.idle(this.worker);
	}

	/** True when `createNote` is available: the worker renders notes. */
	get renders(): boolean {
		return this.source !== null;
	}

	/** Queues a new file (`file` absolute, its folder made as needed); rejects when it exists or cannot be written. */
	create(file: string, text: string): Promise<Written> {
		return this.queue(file, text);
	}

	/** Queues a note for the worker to render and write; resolves with its stat and fingerprint. */
	createNote(file: string, frontmatter: Record<string, unknown>, body: string): Promise<Written> {
		if (!this.renders) return Promise.reject(new Error("this writer thread does not render notes"));
		// The core's properties are strings, finite numbers, booleans and lists of them: JSON carries them exactly. The
		// body goes as it is: in JSON it was escaped here and parsed there, most of what handing a note over cost.
		return this.queue(file, JSON.stringify(frontmatter), body);
	}

	private queue(file: string, text: string, body: string | null = null): Promise<Written> {
		return new Promise((done, fail) => {
			this.files.push(file);
			this.texts.push(text);
			this.bodies.push(body);
			this.chars += text.length + (body?.length ?? 0);
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
		const notes: Batch["notes"] = [];
		let at = 0;
		this.texts.forEach((text, i) => {
			ranges.push(at);
			at += this.encoder.encodeInto(text, bytes.subarray(at)).written;
			const body = this.bodies[i];
			if (body !== null && body !== undefined) {
				notes.push([i, at]);
				at += this.encoder.encodeInto(body, bytes.subarray(at)).written;
			}
			ranges.push(at);
		});
		const batch: Batch = { files: this.files, ranges, bytes, notes };
		this.start().postMessage(batch, [bytes.buffer]);
		this.sent.push(this.waiting);
		this.unanswered += this.waiting.length;
		this.files = [];
		this.texts = [];
		this.bodies = [];
		this.chars = 0;
		this.waiting = [];
	}

	private start(): Worker {
		if (this.idleTimer !== null) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		if (this.worker === null) {
			const threads = `require("worker_threads")`;
			const program = this.source ?? `(${writerMain.toString()})(${threads}.parentPort, ${threads}.workerData.answers, require("fs"), require("path"))`;
			const { port1, port2 } = new MessageChannel();
			const worker = new Worker(program, { eval: true, workerData: { answers: port2 }, transferList: [port2] });
			port1.on("message", (reply: Reply) => this.replied(reply));
			this.answers = port1;
			worker.on("error", (error) => this.crashed(worker, error));
			// A worker that stops without an error (killed from outside) must not leave its writes waiting forever.
			worker.on("exit", (code) => this.crashed(worker, new Error(`the writer thread stopped (exit code ${code})`)));
			this.worker = worker;
		}
		this.worker.ref();
		this.answers?.ref();
		return this.worker;
	}

	private answered(answers: Answer[]): void {
		const waiters = this.sent.shift() ?? [];
		this.unanswered -= waiters.length;
		waiters.forEach((waiter, i) => {
			const answer = answers[i];
			if (Array.isArray(answer)) waiter.done({ size: answer[0], mtime: answer[1], fingerprint: answer[2] });
			else waiter.fail(Object.assign(new Error(answer?.message ?? "the file was not written"), { code: answer?.code }));
		});
		if (this.sent.length === 0 && this.analysing === null && this.worker !== null) this.idle(this.worker);
	}

	/** Lets the process exit while nothing is being written, and stops the worker if nothing comes for a while. */
	private idle(worker: Worker): void {
		this.unrefWorker();
		this.idleTimer = setTimeout(() => {
			if (this.worker !== worker || this.sent.length > 0 || this.analysing !== null) return;
			this.worker = null;
			this.closeAnswers();
			void worker.terminate();
		}, IDLE_MS);
		this.idleTimer.unref();
	}

	private unrefWorker(): void {
		this.worker?.unref();
		this.answers?.unref();
	}

	private crashed(worker: Worker, error: Error): void {
		// The idle timer's own stop, or a worker already replaced: nothing of ours was waiting on it.
		if (this.worker !== worker) return;
		// What it answered before it stopped still stands: its own port does not order those answers before its exit.
		this.takeAnswers();
		this.worker = null;
		this.closeAnswers();
		this.unanswered = 0;
		for (const waiters of this.sent.splice(0)) for (const waiter of waiters) waiter.fail(error);
		this.analysing?.fail(error);
		this.analysing = null;
	}

	private closeAnswers(): void {
		this.answers?.close();
		this.answers = null;
	}
}
