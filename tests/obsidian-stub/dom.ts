// Obsidian's DOM helpers (createEl, createDiv, setText, addClass, ...) installed on the DOM prototypes,
// so that code written against Obsidian's global augmentations runs in jsdom and in a real browser.
// The signatures come from the `declare global` block of the real `obsidian` declarations: assigning
// these functions to the prototypes is type-checked against them. Never uses innerHTML.
import type {} from "obsidian";

type Info = DomElementInfo | string | undefined;

function applyInfo(el: HTMLElement, o: Info): void {
	if (o === undefined) return;
	const info: DomElementInfo = typeof o === "string" ? { text: o } : o;
	if (info.cls !== undefined) {
		const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
		el.classList.add(...classes.filter((c) => c.length > 0));
	}
	if (info.text !== undefined) setTextOf(el, info.text);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttrOf(el, k, v);
	if (info.title !== undefined) el.title = info.title;
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
}

function setTextOf(el: Element, text: string | DocumentFragment): void {
	while (el.firstChild) el.removeChild(el.firstChild);
	if (typeof text === "string") el.appendChild(el.ownerDocument.createTextNode(text));
	else el.appendChild(text);
}

function setAttrOf(el: Element, name: string, value: string | number | boolean | null): void {
	if (value === null || value === false) el.removeAttribute(name);
	else el.setAttribute(name, value === true ? "" : String(value));
}

function docOf(node: Node): Document {
	return node.ownerDocument ?? (node as Document);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
	doc: Document,
	parent: Node | null,
	tag: K,
	o?: Info,
	callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	const el = doc.createElement(tag);
	applyInfo(el, o);
	const target = typeof o === "object" && o.parent ? o.parent : parent;
	if (target) {
		if (typeof o === "object" && o.prepend) target.insertBefore(el, target.firstChild);
		else target.appendChild(el);
	}
	callback?.(el);
	return el;
}

function nodeCreateEl<K extends keyof HTMLElementTagNameMap>(
	this: Node,
	tag: K,
	o?: Info,
	callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	return makeEl(docOf(this), this, tag, o, callback);
}

/** Installs the helpers once; safe to call again. Does nothing where there is no DOM (plain Node). */
export function installDomHelpers(win: typeof globalThis = globalThis): boolean {
	if (typeof win.Node === "undefined" || typeof win.Element === "undefined") return false;
	const nodeProto = win.Node.prototype;
	const elProto = win.Element.prototype;
	if (Object.prototype.hasOwnProperty.call(nodeProto, "createEl")) return true;

	const node: Pick<Node, "createEl" | "createDiv" | "createSpan" | "empty" | "detach" | "appendText"> = {
		appendText(this: Node, val: string) {
			this.appendChild(docOf(this).createTextNode(val));
		},
		createEl: nodeCreateEl,
		createDiv(this: Node, o?: Info, callback?: (el: HTMLDivElement) => void) {
			return makeEl(docOf(this), this, "div", o, callback);
		},
		createSpan(this: Node, o?: Info, callback?: (el: HTMLSpanElement) => void) {
			return makeEl(docOf(this), this, "span", o, callback);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
	};
	const htmlElement: Pick<HTMLElement, "isShown" | "show" | "hide" | "toggle"> = {
		show(this: HTMLElement) {
			this.style.removeProperty("display");
		},
		hide(this: HTMLElement) {
			this.style.setProperty("display", "none");
		},
		toggle(this: HTMLElement, show: boolean) {
			if (show) this.style.removeProperty("display");
			else this.style.setProperty("display", "none");
		},
		/** Attached to the document and not inside an element hidden with display: none (jsdom has no layout). */
		isShown(this: HTMLElement) {
			if (!this.isConnected || this.style.display === "none" || this.hidden) return false;
			for (let el = this.parentElement; el !== null; el = el.parentElement) {
				if (el.style.display === "none" || el.hidden) return false;
			}
			return true;
		},
	};
	const element: Pick<Element, "setText" | "addClass" | "addClasses" | "removeClass" | "removeClasses" | "toggleClass" | "hasClass" | "setAttr" | "setAttrs" | "getText"> = {
		setText(this: Element, val: string | DocumentFragment) {
			setTextOf(this, val);
		},
		getText(this: Element) {
			return this.textContent ?? "";
		},
		addClass(this: Element, ...classes: string[]) {
			this.classList.add(...classes);
		},
		addClasses(this: Element, classes: string[]) {
			this.classList.add(...classes);
		},
		removeClass(this: Element, ...classes: string[]) {
			this.classList.remove(...classes);
		},
		removeClasses(this: Element, classes: string[]) {
			this.classList.remove(...classes);
		},
		toggleClass(this: Element, classes: string | string[], value: boolean) {
			for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
		},
		hasClass(this: Element, cls: string) {
			return this.classList.contains(cls);
		},
		setAttr(this: Element, name: string, value: string | number | boolean | null) {
			setAttrOf(this, name, value);
		},
		setAttrs(this: Element, obj: { [key: string]: string | number | boolean | null }) {
			for (const [k, v] of Object.entries(obj)) setAttrOf(this, k, v);
		},
	};
	for (const [name, fn] of Object.entries(node)) {
		Object.defineProperty(nodeProto, name, { value: fn, configurable: true, writable: true });
	}
	for (const [name, fn] of Object.entries(element)) {
		Object.defineProperty(elProto, name, { value: fn, configurable: true, writable: true });
	}
	for (const [name, fn] of Object.entries(htmlElement)) {
		Object.defineProperty(win.HTMLElement.prototype, name, { value: fn, configurable: true, writable: true });
	}

	const globals: Pick<typeof globalThis, "createEl" | "createDiv" | "createSpan" | "createFragment"> = {
		createEl: (tag, o, callback) => makeEl(win.document, null, tag, o, callback),
		createDiv: (o, callback) => makeEl(win.document, null, "div", o, callback),
		createSpan: (o, callback) => makeEl(win.document, null, "span", o, callback),
		createFragment: (callback) => {
			const frag = win.document.createDocumentFragment();
			callback?.(frag);
			return frag;
		},
	};
	for (const [name, fn] of Object.entries(globals)) {
		Object.defineProperty(win, name, { value: fn, configurable: true, writable: true });
	}
	return true;
}

installDomHelpers();
