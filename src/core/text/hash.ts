/** A fast, stable 53-bit string hash (cyrb53) as 14 hex digits: content fingerprints, not security. */
export function hashText(text: string, seed = 0): string {
	const [h1, h2] = mix(text, 0xdeadbeef ^ seed, 0x41c6ce57 ^ seed);
	return finish(h1, h2);
}

/** The two running hashes after `text`'s characters are mixed into them. */
function mix(text: string, h1: number, h2: number): [number, number] {
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	return [h1, h2];
}

/**
 * `hashText(head + tail + end)` and `hashText(tail + end)` in one pass over `tail`, without joining them: a note's
 * whole text and its body are fingerprinted together, and the body is most of the note. `end` (a note's final line
 * break, where its body lacks one) is hashed after the tail: a body joined to it would be copied out to be read.
 */
export function hashHeadAndTail(head: string, tail: string, end = ""): { whole: string; tail: string } {
	let [h1, h2] = mix(head, 0xdeadbeef, 0x41c6ce57);
	let t1 = 0xdeadbeef;
	let t2 = 0x41c6ce57;
	for (let i = 0; i < tail.length; i++) {
		const ch = tail.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
		t1 = Math.imul(t1 ^ ch, 2654435761);
		t2 = Math.imul(t2 ^ ch, 1597334677);
	}
	[h1, h2] = mix(end, h1, h2);
	[t1, t2] = mix(end, t1, t2);
	return { whole: finish(h1, h2), tail: finish(t1, t2) };
}

/** Two hex digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function finish(a: number, b: number): string {
	const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
	const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	// The 53-bit value 2^32 × (21 bits of h2) + (h1 as unsigned), as 14 hex digits: seven bytes looked up, where
	// formatting the number in base 16 was a slow path (a double, not a small integer) on every note's three hashes.
	const high = 2097151 & h2;
	return HEX[(high >>> 16) & 255]! + HEX[(high >>> 8) & 255]! + HEX[high & 255]! + HEX[h1 >>> 24]! + HEX[(h1 >>> 16) & 255]! + HEX[(h1 >>> 8) & 255]! + HEX[h1 & 255]!;
}
