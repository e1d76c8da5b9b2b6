import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../helpers/browser";

describe("browser smoke test", () => {
	let browser: LaunchedBrowser;
	let server: StaticServer;
	let site: string;

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), "research-atlas-site-"));
		writeFileSync(
			join(site, "index.html"),
			'<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Smoke</title><body><h1 id="title">Research Atlas</h1><script src="app.js"></script></body>',
		);
		writeFileSync(join(site, "app.js"), 'document.getElementById("title").dataset.ready = "yes";');
		server = await serveDirectory(site);
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(site, { recursive: true, force: true });
	});

	it("loads a page, runs its script without console errors, and takes a screenshot", async () => {
		const page = await browser.newPage();
		const log = collectConsoleErrors(page);
		await page.goto(server.url);
		expect(await page.textContent("#title")).toBe("Research Atlas");
		expect(await page.getAttribute("#title", "data-ready")).toBe("yes");
		mkdirSync("artifacts", { recursive: true });
		const shot = join("artifacts", "browser-smoke.png");
		await page.screenshot({ path: shot });
		expect(statSync(shot).size).toBeGreaterThan(0);
		expect(log.errors).toEqual([]);
	});

	it("reports a missing file as 404 and refuses paths outside the directory", async () => {
		const missing = await fetch(`${server.url}nope.js`);
		expect(missing.status).toBe(404);
		const escape = await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`);
		expect([403, 404]).toContain(escape.status);
	});
});
