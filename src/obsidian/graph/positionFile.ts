/**
 * Where graph positions persist: a JSON file in the plugin's folder, through the vault adapter (works on mobile), so
 * reopening the graph shows the same picture at once and the settings file stays small.
 */
import { normalizePath, type DataAdapter } from "obsidian";
import { emptyPositions, parseStoredPositions, type StoredPositions } from "../../core/graph/storedPositions";

/** File name inside the plugin folder. */
export const POSITIONS_FILE = "graph-positions.json";

/** Somewhere positions persist (the plugin folder in Obsidian; memory or local storage in tests and the harness). */
export interface PositionStore {
	read(): Promise<StoredPositions>;
	write(positions: StoredPositions): Promise<void>;
}

/** Reads and writes the positions file. */
export class PositionFile implements PositionStore {
	private readonly path: string;

	constructor(
		private readonly adapter: DataAdapter,
		pluginDir: string,
	) {
		this.path = normalizePath(`${pluginDir}/${POSITIONS_FILE}`);
	}

	/** The stored positions (empty when the file is missing or unreadable). */
	async read(): Promise<StoredPositions> {
		try {
			if (!(await this.adapter.exists(this.path))) return emptyPositions();
			return parseStoredPositions(JSON.parse(await this.adapter.read(this.path)));
		} catch {
			return emptyPositions();
		}
	}

	/** Replaces the file's content. */
	async write(positions: StoredPositions): Promise<void> {
		await this.adapter.write(this.path, JSON.stringify(positions));
	}
}
