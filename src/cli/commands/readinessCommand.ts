// `aims readiness`: the road to certification as the chat shows it, for an operator or a script.
import { readinessReport, readinessText } from "../../readiness/readinessReport.js";
import { withStore } from "../cliContext.js";

export async function readinessCommand(options: { json?: boolean }): Promise<void> {
  const report = await withStore((_store, database, config) => readinessReport(database.prisma, { policyDir: config.policyDir, now: new Date() }));
  console.log(options.json ? JSON.stringify(report, null, 2) : readinessText(report));
}
