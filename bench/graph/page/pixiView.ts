/** Baseline: one scene object per element like Obsidian's core graph (pixi.js v8: a Graphics per node, a Sprite per link). */
import { Application, Container, Graphics, Sprite, Texture } from "pixi.js";
import type { Graph } from "../../../src/core/graph/model";
import { LINK_COLOR, nodeColor, nodeRadius } from "./palette";
import { HEIGHT, WIDTH, type BenchView } from "./view";

/** Mounts the pixi view; `renderer` says which backend pixi picked (WebGL through SwiftShader here, or its fallback). */
export async function pixiView(container: HTMLElement, graph: Graph): Promise<BenchView & { renderer: string }> {
	const app = new Application();
	// No ticker: the benchmark calls render() itself, once per frame, so only drawing is measured.
	await app.init({ width: WIDTH, height: HEIGHT, preference: "webgl", autoStart: false, sharedTicker: false, antialias: false, background: "#ffffff" });
	container.appendChild(app.canvas);
	const scene = new Container();
	app.stage.addChild(scene);
	const links = graph.links.map(() => {
		const sprite = new Sprite(Texture.WHITE);
		sprite.tint = LINK_COLOR;
		sprite.alpha = 0.6;
		sprite.anchor.set(0, 0.5);
		scene.addChild(sprite);
		return sprite;
	});
	const nodes = graph.nodes.map((node) => {
		const g = new Graphics().circle(0, 0, nodeRadius(node)).fill(nodeColor(node));
		scene.addChild(g);
		return g;
	});
	let scale = 1;
	const placeLinks = (p: Float32Array): void => {
		graph.links.forEach((link, i) => {
			const sprite = links[i];
			if (!sprite) return;
			const x1 = p[link.source * 2] ?? 0;
			const y1 = p[link.source * 2 + 1] ?? 0;
			const dx = (p[link.target * 2] ?? 0) - x1;
			const dy = (p[link.target * 2 + 1] ?? 0) - y1;
			sprite.position.set(x1, y1);
			sprite.rotation = Math.atan2(dy, dx);
			// A one-pixel line on screen whatever the zoom, as the core graph draws it.
			sprite.setSize(Math.hypot(dx, dy), 1 / scale);
		});
	};
	let last: Float32Array = new Float32Array(graph.nodes.length * 2);
	return {
		renderer: app.renderer.name,
		frame(p) {
			last = p;
			nodes.forEach((g, i) => g.position.set(p[i * 2] ?? 0, p[i * 2 + 1] ?? 0));
			placeLinks(p);
			app.render();
		},
		view(x, y, k) {
			if (k !== scale) {
				scale = k;
				placeLinks(last);
			}
			scene.position.set(x, y);
			scene.scale.set(k);
			app.render();
		},
		destroy() {
			app.destroy(true, { children: true });
		},
	};
}
