/** The hub commands and file-menu items: build from a tag, update this hub, update all hubs, explore related notes. */
import { Notice, type Plugin, type TFile } from "obsidian";
import { countTags, headingFromSlug } from "../../core";
import { BuildHubModal } from "./BuildHubModal";
import { outcomeMessage, summaryMessage } from "./hubNotices";
import type { HubUpdater } from "./HubUpdater";
import { TagSuggestModal } from "./TagSuggestModal";
import type { VaultNotes } from "./VaultNotes";

/** What the commands need. */
export interface HubCommandContext {
	notes: VaultNotes;
	updater: HubUpdater;
	showRelated: (path: string) => Promise<void>;
}

/** Opens the tag picker, then the title-and-sections dialog; builds the hub and opens it. */
export function startBuildHub(plugin: Plugin, { notes, updater }: HubCommandContext): void {
	const app = plugin.app;
	const tags = countTags(notes.notes.values());
	if (tags.length === 0) {
		new Notice("No tags in this vault yet: tag some notes, then build a hub from the tag.");
		return;
	}
	new TagSuggestModal(app, tags, (chosen) => {
		const title = headingFromSlug(chosen.tag.split("/").pop() ?? chosen.tag);
		new BuildHubModal(app, chosen.tag, title, (choice) => {
			void (async () => {
				try {
					const { file, outcome } = await updater.buildHub({ tag: chosen.tag, ...choice });
					new Notice(outcomeMessage(outcome, file?.basename ?? choice.title));
					if (file !== null) await app.workspace.getLeaf(false).openFile(file);
				} catch (error) {
					new Notice(`Could not build the hub: ${error instanceof Error ? error.message : String(error)}`);
				}
			})();
		}, updater.defaults().sort).open();
	}).open();
}

async function updateOne(updater: HubUpdater, file: TFile): Promise<void> {
	const outcome = await updater.updateHub(file);
	new Notice(outcome === null ? `"${file.basename}" is not a hub: a hub records hub_tag in its properties.` : outcomeMessage(outcome, file.basename));
}

async function setFrozen(updater: HubUpdater, file: TFile, frozen: boolean): Promise<void> {
	try {
		const outcome = await updater.setFrozen(file, frozen);
		new Notice(frozen ? `Froze hub "${file.basename}": updates leave it as it is until you unfreeze it.` : outcome === null ? `Unfroze hub "${file.basename}".` : `Unfroze hub "${file.basename}". ${outcomeMessage(outcome, file.basename)}`);
	} catch (error) {
		new Notice(`Could not change hub "${file.basename}": ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Registers the commands and the file-menu items. */
export function registerHubCommands(plugin: Plugin, context: HubCommandContext): void {
	const { updater, showRelated } = context;
	const app = plugin.app;
	plugin.addCommand({
		id: "build-topic-hub",
		name: "Build topic hub from tag…",
		icon: "layout-list",
		callback: () => startBuildHub(plugin, context),
	});
	plugin.addCommand({
		id: "update-this-hub",
		name: "Update this hub",
		icon: "refresh-cw",
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			if (!updater.isHub(file)) return false;
			if (!checking) void updateOne(updater, file);
			return true;
		},
	});
	for (const frozen of [true, false]) {
		plugin.addCommand({
			id: frozen ? "freeze-this-hub" : "unfreeze-this-hub",
			name: frozen ? "Freeze this hub (stop updates)" : "Unfreeze this hub",
			icon: frozen ? "snowflake" : "refresh-cw",
			checkCallback: (checking) => {
				const file = app.workspace.getActiveFile();
				if (!updater.isHub(file) || updater.isFrozen(file) === frozen) return false;
				if (!checking) void setFrozen(updater, file, frozen);
				return true;
			},
		});
	}
	plugin.addCommand({
		id: "update-all-hubs",
		name: "Update all hubs",
		icon: "refresh-cw",
		callback: () => {
			void updater.updateAll().then((outcomes) => new Notice(summaryMessage(outcomes)));
		},
	});
	plugin.addCommand({
		id: "explore-related",
		name: "Explore related notes",
		icon: "git-fork",
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			if (file === null || file.extension !== "md") return false;
			if (!checking) void showRelated(file.path);
			return true;
		},
	});
	plugin.registerEvent(
		app.workspace.on("file-menu", (menu, file) => {
			if (!("extension" in file) || file.extension !== "md") return;
			const note = app.vault.getFileByPath(file.path);
			if (note === null) return;
			if (updater.isHub(note)) {
				const frozen = updater.isFrozen(note);
				if (!frozen) menu.addItem((item) => item.setTitle("Update this hub").setIcon("refresh-cw").setSection("action").onClick(() => void updateOne(updater, note)));
				menu.addItem((item) =>
					item
						.setTitle(frozen ? "Unfreeze this hub" : "Freeze this hub")
						.setIcon(frozen ? "refresh-cw" : "snowflake")
						.setSection("action")
						.onClick(() => void setFrozen(updater, note, !frozen)),
				);
			}
			menu.addItem((item) => item.setTitle("Explore related notes").setIcon("git-fork").setSection("action").onClick(() => void showRelated(note.path)));
		}),
	);
}
