import { importPages, MemoryVault } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { verifyApproved } from "../../helpers/approvals";
import { loadSeeds } from "../../helpers/seeds";

describe("the demo vault, note by note", () => {
	it("matches the approved vault (review changes in tests/approved/demo-vault.received.md)", async () => {
		const vault = new MemoryVault();
		await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
		// The import record (Import report.json) holds hashes of these very notes: tested on its own, not approved.
		const notes = [...vault.files.entries()].filter(([path]) => path.endsWith(".md"));
		const text = notes
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([path, content]) => `\n\n======== ${path} ========\n\n${content}`)
			.join("");
		verifyApproved("demo-vault", `# Demo vault written from seeds/ (${notes.length} files)${text}`);
	});
});
