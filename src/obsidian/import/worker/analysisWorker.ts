/**
 * Entry of the import's analysis worker bundle (built apart by esbuild and inlined into main.js as a string): finds
 * the pages' gaps and suggestions with the core's analyser while the import reads its pages and plans its notes.
 */
import { ProseAnalyser } from "../../../core/pages/proseAnalysis";
import { ProseSession, type ProseMessage } from "../../../core/pages/proseSession";

interface WorkerScope {
	postMessage(message: unknown): void;
	onmessage: ((event: MessageEvent<ProseMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// Texts come while the pages are read, and this thread has nothing else to do: scan them then.
const session = new ProseSession((codePattern) => new ProseAnalyser(codePattern, true));
scope.onmessage = (event) => {
	const reply = session.receive(event.data);
	if (reply !== null) scope.postMessage(reply);
};
