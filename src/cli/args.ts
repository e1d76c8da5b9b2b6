/** A small argv parser: `--name value`, `--flag`, and positionals. */

/** Parsed arguments. */
export interface Args {
	positionals: string[];
	options: Map<string, string | true>;
}

/** Parses argv; `booleans` names the flags that take no value. */
export function parseArgs(argv: string[], booleans: string[]): Args {
	const positionals: string[] = [];
	const options = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (!arg.startsWith("--")) {
			positionals.push(arg);
			continue;
		}
		const [name = "", inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (inline !== undefined) options.set(name, inline);
		else if (booleans.includes(name)) options.set(name, true);
		else {
			const value = argv[i + 1];
			if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
			options.set(name, value);
			i++;
		}
	}
	return { positionals, options };
}

/** A string option, or an error naming it when it is required and missing. */
export function stringOption(args: Args, name: string, required: true): string;
export function stringOption(args: Args, name: string, required?: false): string | undefined;
export function stringOption(args: Args, name: string, required = false): string | undefined {
	const value = args.options.get(name);
	if (value === undefined && required) throw new Error(`--${name} is required`);
	if (value === true) throw new Error(`--${name} needs a value`);
	return value;
}
