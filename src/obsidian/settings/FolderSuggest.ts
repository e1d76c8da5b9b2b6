/** Folder suggestions under a folder setting's text box, as Obsidian's own folder settings offer them. */
import { AbstractInputSuggest, TFolder, type App } from "obsidian";

/** How many folders are offered at once. */
const SHOWN = 50;

/** Suggests the vault's folders whose path holds what was typed (the best: those whose name starts with it). */
export class FolderSuggest extends AbstractInputSuggest<TFolder> {
	constructor(
		app: App,
		private readonly textBox: HTMLInputElement,
	) {
		super(app, textBox);
		this.limit = SHOWN;
	}

	protected getSuggestions(query: string): TFolder[] {
		const typed = query.trim().toLowerCase();
		const matches: { folder: TFolder; rank: number }[] = [];
		for (const file of this.app.vault.getAllLoadedFiles()) {
			if (!(file instanceof TFolder) || file.isRoot()) continue;
			const path = file.path.toLowerCase();
			const at = path.indexOf(typed);
			if (at < 0) continue;
			// A folder whose own name starts with the text first, then one whose path does, then any other.
			const rank = file.name.toLowerCase().startsWith(typed) ? 0 : at === 0 ? 1 : 2;
			matches.push({ folder: file, rank });
		}
		matches.sort((a, b) => a.rank - b.rank || a.folder.path.localeCompare(b.folder.path));
		return matches.map((m) => m.folder);
	}

	renderSuggestion(folder: TFolder, el: HTMLElement): void {
		el.setText(folder.path);
	}

	override selectSuggestion(folder: TFolder): void {
		this.setValue(folder.path);
		// The text box's own change handler saves the setting, as if the path had been typed.
		this.textBox.dispatchEvent(new Event("input"));
		this.close();
	}
}
