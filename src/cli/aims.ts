// The `aims` command line: operations on the same store the service uses.
import { Command, Option } from "commander";
import { exportFormats, exportKinds } from "../export/recordExport.js";
import { CliError } from "./cliContext.js";
import { evidencePackRegister, exportRecords } from "./commands/exportCommand.js";
import { importKinds, importRecords, soaCsvColumns, trainingCsvColumns } from "./commands/importCommand.js";
import { inventoryColumns } from "../inventory/inventoryRows.js";
import { chat } from "./commands/chatCommand.js";
import { ask } from "./commands/askCommand.js";
import { doctor } from "./commands/doctorCommand.js";
import { loadDemoData } from "./commands/demoDataCommand.js";
import { digestCommand } from "./commands/digestCommand.js";
import { grantRoleCommand, importPeopleFile, listPeopleCommand, revokeRoleCommand } from "./commands/peopleCommand.js";
import { checkMigrations, migrate, newMigration } from "./commands/migrationCommands.js";
import { readinessCommand } from "./commands/readinessCommand.js";
import { printProcessWarnings } from "../logging/processWarnings.js";

printProcessWarnings();

const program = new Command("aims").description("AIMS Assistant: your ISO/IEC 42001 AI management system");

program.command("migrate").description("apply pending database migrations").action(migrate);

program
  .command("new-migration")
  .description("write a migration for the changes in prisma/schema.prisma")
  .argument("<name>", "a few words saying what changes, e.g. add_training_records")
  .action(newMigration);

program
  .command("check-migrations")
  .description("fail when prisma/schema.prisma has changes no migration covers")
  .action(checkMigrations);

program
  .command("export")
  .description("export a register with every column and its latest change, or the whole evidence pack (pack --out DIR)")
  .addArgument(new Command().createArgument("<register>", "which register, or \"pack\" for all of them").choices([...exportKinds, evidencePackRegister]))
  .addOption(new Option("--format <format>", "output format of one register").choices(exportFormats).default("csv"))
  .option("--out <path>", "write to a file instead of standard output (for pack: the folder)")
  .option("--by <email>", "for pack: the person exporting it, named in its manifest and the change history (default: this operator account)")
  .action(exportRecords);

program
  .command("import")
  .description(`import records from a CSV file, all or none (training columns: ${trainingCsvColumns.join(", ")}; soa columns: ${soaCsvColumns.join(", ")}; systems: a CSV or .xlsx with ${inventoryColumns.join(", ")})`)
  .addArgument(new Command().createArgument("<register>", "which register").choices(importKinds))
  .argument("<file>", "the CSV file (or .xlsx for systems)")
  .action(importRecords);

const people = program.command("people").description("the organisation's people and their roles (member, owner, manager, auditor, governance)");
people
  .command("import")
  .description("add or update people from a CSV (email,name,roles,manager_email,time_zone[,slack_user_id,teams_aad_object_id]; roles separated by ;), all or none")
  .argument("<file>", "the CSV file")
  .action(importPeopleFile);
people
  .command("list")
  .description("everyone with their roles, manager and time zone")
  .addOption(new Option("--format <format>", "output format").choices(exportFormats).default("md"))
  .action(listPeopleCommand);
people.command("grant").description("give someone a role").argument("<email>").argument("<role>").action(grantRoleCommand);
people.command("revoke").description("take a role away from someone").argument("<email>").argument("<role>").action(revokeRoleCommand);

program
  .command("doctor")
  .description("check the installation (configuration, database, Slack, Teams, policy documents, governance channel and team) and say what to fix")
  .option("--json", "print one JSON object: the checks and the policy documents read")
  .action(doctor);

program
  .command("readiness")
  .description("the road to ISO/IEC 42001 certification: each implementation phase, what the records show done and missing, and the command that fills it")
  .option("--json", "print the phases and the stage-1 checklist as JSON")
  .action(readinessCommand);

program
  .command("demo-data")
  .description("load a demo organisation (people, ~20 AI systems, a few incidents) to try things out")
  .action(loadDemoData);

program
  .command("digest")
  .description("the weekly governance digest: --preview shows it as it stands now (Markdown, and its chart with --out); --send-now sends this week's digest now")
  .option("--preview", "show the digest here instead of sending it")
  .option("--send-now", "queue this week's digest for every governance member, manager and subscribed channel now, instead of at Monday's hour")
  .option("--out <dir>", "also write DIR/digest.md and DIR/digest-chart.png (the folder is created)")
  .addOption(new Option("--for <reader>", "whose copy: governance (overdue items named), manager (confidential ones counted), channel (counts only)").choices(["governance", "manager", "channel"]).default("governance"))
  .option("--time-zone <zone>", "IANA time zone the week starts in (Monday 00:00); default AIMS_DIGEST_TIME_ZONE, itself UTC unless set")
  .action(digestCommand);

program
  .command("ask")
  .description("ask the AI policy assistant a question")
  .argument("<question>", "e.g. \"can I paste customer data into ChatGPT?\"")
  .option("--json", "print one JSON object: answered, answer, citations")
  .action(ask);

program
  .command("chat")
  .description("talk to the bot in this terminal (register systems, report incidents, ask about the AI policy); notices are printed as they arrive")
  .option("--as <who>", "member, owner, auditor, manager, governance, or a person's name or email", "member")
  .option("--files <dir>", "where files you receive (the evidence pack) are saved", ".")
  .action(chat);

try {
  await program.parseAsync();
} catch (error) {
  console.error(error instanceof CliError ? error.message : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
