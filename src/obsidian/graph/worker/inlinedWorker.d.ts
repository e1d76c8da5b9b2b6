/** The layout worker's bundled code, inlined at build time by scripts/layoutWorkerPlugin.mjs. */
declare module "atlas-layout-worker" {
	const source: string;
	export default source;
}
