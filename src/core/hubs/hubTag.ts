/** Tag matching as Obsidian's tag search does it: case-insensitive, and a tag includes every tag nested under it. */

/** A tag without its `#`, trimmed, in lower case: the form tags are compared in. */
export function tagKey(tag: string): string {
	// Called for every tag of every note when a hub is planned: string tests rather than regular expressions.
	let key = tag.trim();
	if (key.startsWith("#")) key = key.slice(1);
	let end = key.length;
	while (end > 0 && key.charCodeAt(end - 1) === 47) end--;
	return (end === key.length ? key : key.slice(0, end)).toLowerCase();
}

/** A test for "is `parent` or nested below it", with the parent's key worked out once. */
export function tagUnder(parent: string): (tag: string) => boolean {
	const p = tagKey(parent);
	const prefix = `${p}/`;
	return (tag) => {
		const t = tagKey(tag);
		return t === p || t.startsWith(prefix);
	};
}

/** True when `tag` is `parent` or nested below it (`hub/x/y` is under `hub/x`, `hub/xy` is not). */
export function isTagUnder(tag: string, parent: string): boolean {
	const t = tagKey(tag);
	const p = tagKey(parent);
	return t === p || t.startsWith(`${p}/`);
}

/** True when any of `tags` is `parent` or nested below it. */
export function hasTagUnder(tags: readonly string[], parent: string): boolean {
	return tags.some((tag) => isTagUnder(tag, parent));
}

/** The first level below `parent` of a tag under it (`hub/x/a/b` below `hub/x` → `a`), "" for `parent` itself. */
export function nextTagLevel(tag: string, parent: string): string {
	const rest = tagKey(tag).slice(tagKey(parent).length + 1);
	return rest.split("/")[0] ?? "";
}
