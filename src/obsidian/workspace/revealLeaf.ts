/** Showing a leaf the plugin opened or found: a leaf restored at start-up holds a deferred view until it is shown. */
import { requireApiVersion, type Workspace, type WorkspaceLeaf } from "obsidian";

/** Reveals `leaf` and loads its view if it is deferred (Obsidian 1.7.2 and later); earlier, makes it the active leaf. */
export async function revealLeaf(workspace: Workspace, leaf: WorkspaceLeaf): Promise<void> {
	if (requireApiVersion("1.7.2")) {
		await workspace.revealLeaf(leaf);
		await leaf.loadIfDeferred();
	} else workspace.setActiveLeaf(leaf, { focus: true });
}
