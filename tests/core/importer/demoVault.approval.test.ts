import { importPages, MemoryVault } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { verifyApproved } from "../../helpers/approvals";
import { loadSeeds } from "../../helpers/seeds";

describe("the demo vault, note by note", () => {
	it("matches the approved vault (review changes in tests/approved/demo-vault.received.md)", async () => {
		const vault = new MemoryVault();
		await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
		const text = [...vault.files.entries()]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([path, content]) => `\n\n======== ${path} ========\n\n${content}`)
			.join("");
		verifyApproved("demo-vault", `# Demo vault written from seeds/ (${vault.files.size} files)${text}`);
	});
});
