// `npm run preview`: the atlas graph in a plain browser, without Obsidian. Builds the harness page over the demo
// vault (seeds/ imported by the CLI) and serves it on 127.0.0.1 until Ctrl-C. PORT=… picks the port (default 4173).
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { buildGraphHarness } from "./graphHarness.mjs";

const SITE = resolve("dist", "graph-preview");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json" };

const notes = await buildGraphHarness(SITE, { minify: false });
const server = createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
	const file = normalize(join(SITE, path.endsWith("/") ? `${path}index.html` : path));
	if (req.method !== "GET" || !file.startsWith(SITE + sep)) {
		res.writeHead(403).end();
		return;
	}
	try {
		if (!statSync(file).isFile()) throw new Error("not a file");
		res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
		res.end(readFileSync(file));
	} catch {
		res.writeHead(404).end();
	}
});
const port = Number(process.env.PORT ?? 4173);
server.on("error", (error) => {
	console.error(error.code === "EADDRINUSE" ? `Port ${port} is in use: try PORT=0 npm run preview` : error.message);
	process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
	console.log(`Atlas graph preview of the demo vault (${notes} notes): http://127.0.0.1:${server.address().port}/`);
	console.log("Add ?dark to the address for the dark theme. Press Ctrl-C to stop.");
});
const stop = () => {
	server.closeAllConnections();
	server.close(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
