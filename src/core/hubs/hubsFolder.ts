/** Where "Build topic hub" writes: the setting, or `<atlas folder>/Hubs` when it is empty. */
export function hubsFolderOf(settings: { atlasFolder: string; hubsFolder: string }): string {
	const trim = (path: string): string => path.trim().replace(/^\/+|\/+$/g, "");
	const chosen = trim(settings.hubsFolder);
	if (chosen !== "") return chosen;
	const atlas = trim(settings.atlasFolder);
	return atlas === "" ? "Hubs" : `${atlas}/Hubs`;
}
