/** Entry of the layout worker bundle (built apart by esbuild and inlined into main.js as a string). */
import { LayoutLoop } from "./layoutLoop";
import type { ToLayoutWorker } from "./protocol";

interface WorkerScope {
	setTimeout(work: () => void, ms: number): number;
	postMessage(message: unknown, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ToLayoutWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const loop = new LayoutLoop({
	post: (message, transfer) => scope.postMessage(message, transfer),
	schedule: (work) => scope.setTimeout(work, 0),
	now: () => performance.now(),
});
scope.onmessage = (event) => loop.receive(event.data);
