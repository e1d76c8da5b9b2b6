/** Frame timing in the page: main-thread cost of a frame, rAF deltas, and the longest main-thread task. */

/** One frame's cost: the work's own JS time, and the main thread's time until that frame's rendering is done. */
export interface FrameCost {
	js: number;
	main: number;
}

/** Resolves once the current task and the rendering it triggered (style, layout, paint, canvas raster) are done. */
export function afterRendering(): Promise<void> {
	// A message posted from a rAF callback runs in the next task, after the frame's rendering steps.
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(0);
	});
}

/** Runs `work` in the next animation frame and measures it. */
export function timedFrame(work: () => void): Promise<FrameCost> {
	return new Promise((resolve) => {
		requestAnimationFrame(() => {
			const start = performance.now();
			work();
			const js = performance.now() - start;
			void afterRendering().then(() => resolve({ js, main: performance.now() - start }));
		});
	});
}

/** Calls `step(i)` in each of `count` consecutive animation frames; gives rAF deltas and per-frame main-thread cost. */
export function frameLoop(count: number, step: (i: number) => void): Promise<{ deltas: number[]; main: number[] }> {
	return new Promise((resolve) => {
		const deltas: number[] = [];
		const main: number[] = [];
		let last = -1;
		let i = 0;
		const tick = (time: number): void => {
			if (last >= 0) deltas.push(time - last);
			last = time;
			if (i === count) {
				resolve({ deltas, main });
				return;
			}
			requestAnimationFrame(tick);
			const start = performance.now();
			step(i++);
			void afterRendering().then(() => main.push(performance.now() - start));
		};
		requestAnimationFrame(tick);
	});
}

/** Watches the main thread: the longest gap between back-to-back tiny tasks (≈ the longest other task), and 'longtask' entries. */
export function watchTasks(): { stop(): { longest: number; longTasks: number } } {
	let running = true;
	let longest = 0;
	let longTasks = 0;
	let last = performance.now();
	const channel = new MessageChannel();
	channel.port1.onmessage = () => {
		const t = performance.now();
		longest = Math.max(longest, t - last);
		last = t;
		if (running) channel.port2.postMessage(0);
	};
	channel.port2.postMessage(0);
	const observer = new PerformanceObserver((list) => {
		longTasks += list.getEntries().length;
	});
	observer.observe({ type: "longtask" });
	return {
		stop() {
			running = false;
			observer.disconnect();
			return { longest, longTasks };
		},
	};
}
