/** The `research-atlas` command-line entry: argv → core → files. */
import { buildCommand } from "./commands/build";
import { citationsCommand } from "./commands/citations";
import { hubsCommand } from "./commands/hubs";

type Command = (argv: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

/** Subcommands by name; each returns its exit code. */
const COMMANDS: Record<string, Command> = {
	build: buildCommand,
	citations: citationsCommand,
	hubs: hubsCommand,
};

const USAGE = `Usage:
  research-atlas build --seeds DIR --vault DIR [--folder F] [--json] [--install-plugin]
  research-atlas citations --vault DIR [--code E026] [--folder F] [--episode-folder F] [--pattern RE] [--json]
  research-atlas hubs --vault DIR [--tag TAG [--title T] [--sections nested|frontmatter:KEY|subtopic|auto] [--description D]
                      [--folder F] [--hubs-folder F]] [--sort title|modified|citations] [--exclude-folders A,B] [--exclude-key K] [--json]`;

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[], out = (line: string) => console.log(line), err = (line: string) => console.error(line)): Promise<number> {
	const [name, ...rest] = argv;
	const command = name === undefined ? undefined : COMMANDS[name];
	if (command === undefined) {
		err(name === undefined || name === "--help" ? USAGE : `research-atlas: unknown command "${name}"\n${USAGE}`);
		return name === "--help" ? 0 : 2;
	}
	try {
		return await command(rest, out, err);
	} catch (error) {
		err(`research-atlas ${name}: ${error instanceof Error ? error.message : String(error)}`);
		return 2;
	}
}
