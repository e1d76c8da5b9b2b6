/** How serious a finding is: an error rejects the input, a warning is reported and the input still imports. */
export type Severity = "error" | "warning" | "info";

/** A finding about one input file; errors are data, never exceptions. */
export interface Diagnostic {
	/** Stable machine-readable code, e.g. `empty-file`. */
	code: string;
	/** The input file the finding is about (its name, as given). */
	file: string;
	severity: Severity;
	message: string;
	/** 1-based line in the input, where one applies. */
	line?: number;
}

/** Builds a diagnostic with the file name in front of the message, so every message names its file. */
export function diagnostic(code: string, file: string, severity: Severity, message: string, line?: number): Diagnostic {
	const where = line === undefined ? file : `${file}:${line}`;
	return { code, file, severity, message: `${where}: ${message}`, ...(line === undefined ? {} : { line }) };
}
