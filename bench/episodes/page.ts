/** The browser side of the post-processor benchmark: window.episodesBench.run(...) in headless Chromium. */
import { postProcessRuns, type PostProcessRuns } from "./postProcess";

declare global {
	interface Window {
		episodesBench: { run(files: Record<string, string>, path: string, runs: number): Promise<PostProcessRuns> };
	}
}

window.episodesBench = { run: (files, path, runs) => postProcessRuns(files, path, runs, () => performance.now()) };
