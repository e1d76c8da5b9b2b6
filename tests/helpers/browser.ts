/** Real-browser helpers for tests: Debian's chromium through playwright-core, a static file server, console capture. */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";

/** Exactly these flags; a fresh user-data dir is created per launch and removed on close. */
export const CHROMIUM_FLAGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

export interface LaunchedBrowser {
	context: BrowserContext;
	newPage(): Promise<Page>;
	close(): Promise<void>;
}

/** Launches chromium ($CHROMIUM_PATH or /usr/bin/chromium) headless in a fresh temporary profile. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
	const userDataDir = mkdtempSync(join(tmpdir(), "research-atlas-chromium-"));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
		headless: true,
		args: CHROMIUM_FLAGS,
	});
	return {
		context,
		newPage: () => context.newPage(),
		close: async () => {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json",
	".svg": "image/svg+xml",
	".png": "image/png",
	".md": "text/markdown; charset=utf-8",
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a random free port (GET only, no directory listings, no path escapes). */
export async function serveDirectory(dir: string): Promise<StaticServer> {
	const root = resolve(dir);
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
		const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
		if (req.method !== "GET" || (file !== root && !file.startsWith(root + sep))) {
			res.writeHead(403).end();
			return;
		}
		try {
			if (!statSync(file).isFile()) throw new Error("not a file");
			res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
			res.end(readFileSync(file));
		} catch {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise<void>((ok, fail) => server.close((error) => (error ? fail(error) : ok()))),
	};
}

/** Collects console errors and uncaught page errors; read `errors` after the page has run. */
export function collectConsoleErrors(page: Page): { errors: string[] } {
	const errors: string[] = [];
	page.on("console", (message: ConsoleMessage) => {
		if (message.type() === "error") errors.push(message.text());
	});
	page.on("pageerror", (error: Error) => errors.push(error.message));
	return { errors };
}
