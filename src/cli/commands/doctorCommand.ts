// `aims doctor`: checks what an installation needs (configuration, database, Slack and Teams, policy
// documents, the governance channel and team) and says how to fix what is missing. Exits 1 when
// something essential is missing, so it can gate a deployment.
import { ConfigError, loadConfig, type Config } from "../../config/config.js";
import { loadEnvironmentFile } from "../../config/environmentFile.js";
import { localSetupChecks, slackSetupChecks, type SetupCheck } from "../../setup/setupChecks.js";
import { openDatabase } from "../../store/database.js";
import { describeRoutes } from "../../routing/noticeRoutes.js";
import { policyAssistantFor } from "../../policy/policyAssistant.js";
import { loadAllPrompts } from "../../policy/prompts.js";

export async function doctor(options: { json?: boolean } = {}): Promise<void> {
  const checks = await runChecks();
  const policies = await policyDiagnostics();
  if (policies?.problems.length) checks.push({ title: "Policy files", ok: false, essential: false, detail: `${policies.problems.length} file(s) in ${policies.policyDir} could not be used`, fix: "convert or remove the files listed under the policy documents" });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ checks, policies })}\n`);
    if (checks.some((check) => !check.ok && check.essential) || policies?.problems.length) process.exitCode = 1;
    return;
  }
  for (const check of checks) {
    console.log(`${check.ok ? "✓" : check.essential ? "✗" : "!"} ${check.title}: ${check.detail}`);
    if (!check.ok && check.fix) console.log(`    fix: ${check.fix}`);
  }
  const essentialMissing = checks.filter((check) => !check.ok && check.essential);
  console.log(essentialMissing.length === 0 ? "\nReady: nothing essential is missing." : `\nNot ready: ${essentialMissing.length} essential item${essentialMissing.length === 1 ? "" : "s"} to fix (${essentialMissing.map((check) => check.title).join(", ")}).`);
  if (policies) printPolicyDocuments(policies);
  if (essentialMissing.length > 0 || policies?.problems.length) process.exitCode = 1;
}

type PolicyDiagnostics = Awaited<ReturnType<ReturnType<typeof policyAssistantFor>["diagnostics"]>>;

/** Each policy document as the assistant reads it, and every file it could not use and why. */
async function policyDiagnostics(): Promise<PolicyDiagnostics | undefined> {
  try {
    return await policyAssistantFor(loadConfig(), loadAllPrompts()["policy-answer"]).diagnostics();
  } catch {
    return undefined; // a missing folder or a configuration error is already a failed check above
  }
}

function printPolicyDocuments(diagnostics: PolicyDiagnostics): void {
  console.log(`\nPolicy documents in ${diagnostics.policyDir}: ${diagnostics.documents.length} read, ${diagnostics.passages} sections.`);
  for (const document of diagnostics.documents) console.log(`  ok   ${document.file} (${document.passages} ${document.passages === 1 ? "section" : "sections"})`);
  for (const { file, problem } of diagnostics.problems) console.log(`  not used  ${file}: ${problem}`);
  for (const { file, sameAs } of diagnostics.copies) console.log(`  copy ${file}: the same document as ${sameAs}; answers come from that file, so that no section is cited twice`);
}

async function runChecks(): Promise<SetupCheck[]> {
  loadEnvironmentFile();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ title: "Configuration", ok: false, essential: true, detail: error.problems.join("; "), fix: "set these in the environment or in .env (see .env.example)" }];
  }
  const checks: SetupCheck[] = [{ title: "Configuration", ok: true, essential: true, detail: "valid" }];
  let database;
  try {
    database = await openDatabase(config.database);
    await database.migrate();
  } catch (error) {
    await database?.close();
    return [...checks, { title: "Database", ok: false, essential: true, detail: error instanceof Error ? error.message : String(error), fix: "check DATABASE_URL (or AIMS_DATA_DIR for the embedded database) and that no other process holds it" }];
  }
  try {
    checks.push({ title: "Database", ok: true, essential: true, detail: `${database.backend}, migrations applied` });
    checks.push(...(await slackSetupChecks(config)), ...(await localSetupChecks(config, database.prisma)));
    checks.push({ title: "Notice routes", ok: true, essential: false, detail: (await describeRoutes(database.prisma, config.routes)).join("; ") });
  } finally {
    await database.close();
  }
  return checks;
}
