/** File-name rules that hold on Windows, macOS, Linux, and inside Obsidian wiki links. */

const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;
// Windows reserves these device names whatever follows the first dot ("nul.md", "lpt1.txt.md").
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;
/** C0 controls and DEL: invisible, and refused by Windows. */
function isControl(ch: string): boolean {
	const code = ch.charCodeAt(0);
	return code < 0x20 || code === 0x7f;
}

/** Well under every file system's 255-byte limit, leaving room for " (2)", a hash and ".md". */
const MAX_BYTES = 150;

function isAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
	return true;
}

function hasControl(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (isControl(text.charAt(i))) return true;
	return false;
}

function utf8Length(text: string): number {
	if (isAscii(text)) return text.length;
	let bytes = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

function cutToBytes(text: string, limit: number): string {
	if (utf8Length(text) <= limit) return text;
	let out = "";
	for (const ch of text) {
		if (utf8Length(out + ch) > limit) break;
		out += ch;
	}
	const space = out.lastIndexOf(" ");
	return space > limit / 2 ? out.slice(0, space) : out;
}

/** `\ / : * ? " < > | # ^ [ ]`, by code: what no plain title holds. */
const UNSAFE_CODES = new Set([..."\\/:*?\"<>|#^[]"].map((ch) => ch.charCodeAt(0)));

/**
 * The length of a title that every rule of `safeBaseName` leaves as it is but for a final `?` (most question
 * titles): printable ASCII without the characters it removes or replaces, single spaces, no space or dot at either
 * end, short enough; -1 for any other title, which goes through the rules.
 */
function plainLength(title: string): number {
	const length = title.endsWith("?") ? title.length - 1 : title.length;
	if (length === 0 || length > MAX_BYTES) return -1;
	for (let i = 0; i < length; i++) {
		const code = title.charCodeAt(i);
		if (code < 0x20 || code > 0x7e || UNSAFE_CODES.has(code)) return -1;
		if (code === 0x20 && (i === 0 || i === length - 1 || title.charCodeAt(i - 1) === 0x20)) return -1;
		if (code === 0x2e && (i === 0 || i === length - 1)) return -1;
	}
	return length;
}

/** Turns any title into a safe file base name (no extension); the exact title lives in frontmatter. */
export function safeBaseName(title: string): string {
	const plain = plainLength(title);
	if (plain >= 0) return title.slice(0, plain).replace(RESERVED, "$1_");
	let name = title
		.normalize("NFC")
		.replace(/[/\\|]/g, "-")
		.replace(/:/g, " -")
		.replace(/"/g, "'")
		.replace(FORBIDDEN, "");
	// Most titles hold no control character: the character-by-character filter runs only on those that do.
	if (hasControl(name)) name = name.split("").filter((ch) => !isControl(ch)).join("");
	name = name
		.replace(/\s+/g, " ")
		.trim();
	name = cutToBytes(name, MAX_BYTES);
	name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
	if (name === "") name = "Untitled";
	name = name.replace(RESERVED, "$1_");
	return name;
}
