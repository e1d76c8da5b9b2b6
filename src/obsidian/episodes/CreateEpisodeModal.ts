/** Asks before creating a missing episode note, then creates it in the episode folder and opens it. */
import { Modal, normalizePath, Notice, Setting, type App, type PaneType } from "obsidian";
import { episodeNotePath, newEpisodeNote } from "../../core";

/** "Create episode note E026?" with Create and Cancel. */
export class CreateEpisodeModal extends Modal {
	constructor(
		app: App,
		private readonly code: string,
		private readonly folder: string,
		private readonly newLeaf: PaneType | boolean,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle(`Create episode note ${this.code}?`);
		this.contentEl.createEl("p", { text: `No note exists for ${this.code} yet. It will be created as "${episodeNotePath(this.folder, this.code)}".` });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText("Create")
					.setCta()
					.onClick(() => {
						this.close();
						void createEpisodeNote(this.app, this.code, this.folder, this.newLeaf);
					}),
			);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

/** Creates the episode note (and its folder) unless it exists, then opens it. */
export async function createEpisodeNote(app: App, code: string, folder: string, newLeaf: PaneType | boolean = false): Promise<void> {
	const path = normalizePath(episodeNotePath(folder, code));
	try {
		let file = app.vault.getFileByPath(path);
		if (file === null) {
			const parent = normalizePath(folder);
			if (folder.trim() !== "" && app.vault.getFolderByPath(parent) === null) await app.vault.createFolder(parent);
			file = await app.vault.create(path, newEpisodeNote(code));
		}
		await app.workspace.getLeaf(newLeaf).openFile(file);
	} catch (error) {
		new Notice(`Could not create ${path}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
