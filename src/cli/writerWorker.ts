/**
 * Entry of the writer thread's own bundle (built apart by esbuild and inlined into the command-line tool as a
 * string): the plain writer, with the core's renderer and the tool's YAML, so that it writes notes as the import would.
 */
import * as fs from "fs";
import * as path from "path";
import { parentPort, workerData, type MessagePort } from "worker_threads";
import { renderAroundBody } from "../core/markdown/frontmatter";
import { pairwiseYaml } from "../core/markdown/yaml";
import { writerMain } from "./writerThread";
import { nodeYaml } from "./yaml";

const yaml = pairwiseYaml(nodeYaml);
if (parentPort !== null) writerMain(parentPort, (workerData as { answers: MessagePort }).answers, fs, path, (frontmatter, body) => renderAroundBody(frontmatter, body, yaml));
