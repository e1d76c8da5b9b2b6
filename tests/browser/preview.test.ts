/**
 * `npm run preview` (its server, scripts/preview.mjs, after the build): serves the atlas graph over the demo vault on
 * 127.0.0.1, where a plain browser shows it; nothing outside the page's folder is served; Ctrl-C (SIGINT) stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { collectConsoleErrors, launchBrowser, type LaunchedBrowser } from "../helpers/browser";

describe("npm run preview", () => {
	let server: ChildProcess;
	let url: string;
	let browser: LaunchedBrowser;

	beforeAll(async () => {
		server = spawn(process.execPath, ["scripts/preview.mjs"], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
		url = await new Promise<string>((resolve, reject) => {
			let out = "";
			server.stdout?.on("data", (chunk: Buffer) => {
				out += chunk.toString();
				const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
				if (found !== null) resolve(found[0]);
			});
			server.on("exit", (code) => reject(new Error(`preview exited with ${String(code)} before serving`)));
		});
		browser = await launchBrowser();
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		if (server.exitCode === null) server.kill("SIGKILL");
	});

	it("serves the graph of the demo vault to a plain browser, with no console errors", async () => {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.goto(url);
		await page.waitForFunction(() => document.body.dataset.ready === "true" || document.body.dataset.error !== undefined, null, { timeout: 30000 });
		expect(await page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
		expect(await page.evaluate(() => window.atlasHarness.view().getPanel()?.canvas.draw().drawnNodes)).toBe(132);
		expect(log.errors).toEqual([]);
		await page.close();
	});

	it("serves nothing outside its folder, and stops on Ctrl-C", async () => {
		const outside = await fetch(new URL("/..%2F..%2Fpackage.json", url));
		expect([403, 404]).toContain(outside.status);
		const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
		server.kill("SIGINT");
		expect(await exited).toBe(0);
	});
});
