/**
 * Entry of the writer thread's own bundle (built apart by esbuild and inlined into the command-line tool as a
 * string): the plain writer, with the core's renderer and the tool's YAML, so that it writes notes as the import would,
 * and the core's prose analyser, so that an import's gaps and suggestions are found here while it plans its notes.
 */
import * as fs from "fs";
import * as path from "path";
import { parentPort, workerData, type MessagePort } from "worker_threads";
import { renderAroundBody } from "../core/markdown/frontmatter";
import { pairwiseYaml } from "../core/markdown/yaml";
import { ProseAnalyser } from "../core/pages/proseAnalysis";
import { ProseSession } from "../core/pages/proseSession";
import { writerMain } from "./writerThread";
import { nodeYaml } from "./yaml";

const yaml = pairwiseYaml(nodeYaml);
if (parentPort !== null)
	writerMain(
		parentPort,
		(workerData as { answers: MessagePort }).answers,
		fs,
		path,
		(frontmatter, body) => renderAroundBody(frontmatter, body, yaml),
		// Texts come while the import parses its pages, and this thread has nothing else to do: scan them then.
		new ProseSession((codePattern) => new ProseAnalyser(codePattern, true)),
	);
