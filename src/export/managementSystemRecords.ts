// The records the evidence pack adds beside the registers: the scope (4.3), the AI objectives (6.2),
// the roles with who granted them (5.3), the policy-question log with the curated answers, and every
// incident's timeline. Each gives a full table (CSV, JSON) and the Markdown a person reads.
import type { PrismaClient } from "../generated/prisma/client.js";
import { incidentStatusLabels, roleLabels, channelLabels, severityLabels } from "../domain/labels.js";
import { objectiveStatusLabels, isOverdueObjective } from "../domain/objectiveStatus.js";
import { ScopeStore } from "../store/scopeRecords.js";
import { roleGrants } from "../people/roleGrants.js";
import type { Table } from "./recordExport.js";
import { dayText, labelled, momentText, plain, readingTable, shortened, type ReadingColumn } from "./readableText.js";

type Row = Record<string, unknown>;
export interface RecordContent {
  table: Table;
  /** The Markdown body under the file's title. */
  markdown: string;
}

const col = (header: string, cell: (row: Row, timeZone: string) => string): ReadingColumn => ({ header, cell });

export async function scopeRecord(prisma: PrismaClient, timeZone: string): Promise<RecordContent> {
  const scope = await new ScopeStore(prisma).current();
  const inScope = await prisma.aiSystem.count({ where: { status: { not: "retired" } } });
  const columns = ["reference", "version", "boundaries", "systemsInScope", "rolesInScope", "exclusions", "updatedAt"];
  if (!scope) return { table: { columns, rows: [] }, markdown: 'No scope of the AI management system is recorded yet. The governance team records it in chat with "edit scope".\n' };
  const exclusions = scope.exclusions.length === 0 ? "None.\n" : readingTable([col("Excluded", (row) => plain(row.what)), col("Why", (row) => plain(row.reason))], scope.exclusions as unknown as Row[], timeZone);
  return {
    table: { columns, rows: [{ ...scope, exclusions: scope.exclusions.map((exclusion) => `${exclusion.what}: ${exclusion.reason}`) }] },
    markdown: [
      `${scope.reference}, version ${scope.version}, last changed ${momentText(scope.updatedAt, timeZone)}. Every change is in the change history.`,
      "",
      "## Boundaries",
      "",
      scope.boundaries,
      "",
      "## AI systems in scope",
      "",
      `${scope.systemsInScope}\n\nThe inventory (ai-system-inventory) lists ${inScope} AI systems that are not retired.`,
      "",
      "## Roles in scope",
      "",
      scope.rolesInScope,
      "",
      "## Exclusions and why",
      "",
      exclusions,
    ].join("\n"),
  };
}

export async function objectivesRecord(prisma: PrismaClient, now: Date, timeZone: string): Promise<RecordContent> {
  const objectives = await prisma.aiObjective.findMany({ orderBy: [{ reference: "asc" }], include: { owner: { select: { displayName: true, email: true } } } });
  const rows = objectives.map(({ owner, ...objective }) => ({ ...objective, ownerName: owner.displayName, ownerEmail: owner.email, overdue: isOverdueObjective(objective, now) }));
  const columns = ["reference", "objective", "target", "measure", "ownerName", "ownerEmail", "dueOn", "status", "overdue", "progressNote", "createdAt", "updatedAt"];
  const reading = [
    col("Reference", (row) => plain(row.reference)),
    col("Objective", (row) => plain(row.objective)),
    col("Target", (row) => plain(row.target)),
    col("How measured", (row) => shortened(row.measure, 200)),
    col("Owner", (row) => plain(row.ownerName)),
    col("Due", (row) => dayText(row.dueOn)),
    col("Status", (row) => `${labelled(objectiveStatusLabels, row.status)}${row.overdue ? " (overdue)" : ""}`),
    col("Progress", (row) => plain(row.progressNote)),
  ];
  return { table: { columns, rows }, markdown: readingTable(reading, rows, timeZone, 'No AI objectives are recorded yet. The governance team records them in chat with "add objective".') };
}

export async function rolesRecord(prisma: PrismaClient, timeZone: string): Promise<RecordContent> {
  const grants = await roleGrants(prisma);
  const members = await prisma.person.count();
  const rows = grants.map((grant) => ({ ...grant, roleLabel: roleLabels[grant.role] }));
  const reading = [
    col("Name", (row) => plain(row.name)),
    col("Role", (row) => plain(row.roleLabel)),
    col("Responsible for", (row) => plain(row.responsibilities)),
    col("Since", (row, zone) => momentText(row.since, zone)),
    col("Granted by", (row) => (row.grantedBy ? `${plain(row.grantedBy)} (${labelled(channelLabels, row.grantedVia)})` : "not recorded (added with the role)")),
  ];
  return {
    table: { columns: ["name", "email", "role", "responsibilities", "since", "grantedBy", "grantedVia"], rows },
    markdown: `${grants.length} role assignments among ${members} people; everyone in the directory is also a member (reports incidents, asks policy questions). Everyone in the directory, with their managers, is in roles-and-responsibilities.\n\n${readingTable(reading, rows, timeZone)}`,
  };
}

export async function policyQuestionsRecord(prisma: PrismaClient, timeZone: string): Promise<RecordContent> {
  const [questions, curated] = await Promise.all([
    prisma.policyQuestion.findMany({ orderBy: { createdAt: "asc" } }),
    prisma.curatedPolicyAnswer.findMany({ orderBy: { reference: "asc" } }),
  ]);
  const curatedById = new Map(curated.map((answer) => [answer.id, answer]));
  const rows = questions.map((question) => {
    const answer = question.curatedAnswerId ? curatedById.get(question.curatedAnswerId) : undefined;
    return {
      askedAt: question.createdAt,
      question: question.question,
      answeredFromPolicy: question.answered,
      source: question.source,
      citations: (question.citations as { document?: string; section?: string }[]).map((citation) => [citation.document, citation.section].filter(Boolean).join(" §")),
      channel: question.channel,
      feedback: question.feedback,
      passedToGovernance: question.reference,
      routedAt: question.routedAt,
      curatedAnswer: answer?.reference ?? null,
      curatedAnswerText: answer?.answer ?? null,
      curatedAnswerBy: answer?.answeredByLabel ?? null,
      answeredAt: question.answeredAt,
    };
  });
  const feedbackLabels: Record<string, string> = { helpful: "Helpful", not_helpful: "Not helpful" };
  const reading = [
    col("Asked", (row, zone) => momentText(row.askedAt, zone)),
    col("Question", (row) => shortened(row.question, 200)),
    col("Answer", (row) => (row.curatedAnswer ? `${plain(row.curatedAnswer)} by ${plain(row.curatedAnswerBy)}` : row.answeredFromPolicy ? `from the policy: ${plain(row.citations) || "no section cited"}` : "not covered by the policy")),
    col("Passed to governance", (row, zone) => (row.passedToGovernance ? `${plain(row.passedToGovernance)} (${momentText(row.routedAt, zone)})` : "")),
    col("Rated", (row) => labelled(feedbackLabels, row.feedback)),
  ];
  const curatedReading = [
    col("Reference", (row) => plain(row.reference)),
    col("Question", (row) => shortened(row.question, 160)),
    col("Curated answer", (row) => shortened(row.answer, 300)),
    col("Policy section", (row) => plain(row.sectionRef)),
    col("Answered by", (row, zone) => `${plain(row.answeredByLabel)}, ${momentText(row.answeredAt, zone)}`),
    col("In use", (row, zone) => (row.retiredAt ? `retired ${momentText(row.retiredAt, zone)}` : `yes, given ${plain(row.timesGiven)} times since`)),
  ];
  return {
    table: { columns: Object.keys(rows[0] ?? { askedAt: null, question: null, answeredFromPolicy: null, source: null, citations: null, channel: null, feedback: null, passedToGovernance: null, routedAt: null, curatedAnswer: null, curatedAnswerText: null, curatedAnswerBy: null, answeredAt: null }), rows },
    markdown: [
      `${questions.length} questions asked of the policy assistant, oldest first; ${questions.filter((question) => question.reference).length} passed to the governance team. Who asked is left out: the log shows what people need to know, not who asked.`,
      "",
      readingTable(reading, rows, timeZone, "No policy questions have been asked yet."),
      "## Curated answers",
      "",
      "Answers the governance team wrote for questions the policy did not cover; the assistant gives them to later questions that match.",
      "",
      readingTable(curatedReading, curated as unknown as Row[], timeZone, "No curated answers yet."),
    ].join("\n"),
  };
}

export async function incidentTimelinesRecord(prisma: PrismaClient, timeZone: string): Promise<RecordContent> {
  const incidents = await prisma.incident.findMany({
    orderBy: { reference: "asc" },
    include: { events: { orderBy: { id: "asc" } }, system: { select: { reference: true, name: true } }, reporter: { select: { displayName: true } } },
  });
  const rows = incidents.flatMap((incident) => {
    const events = incident.events.map((event) => ({ incident: incident.reference, at: event.at, who: event.actorLabel, channel: event.channel, kind: event.kind, text: event.text, link: event.link }));
    // Incidents imported or loaded without a "reported" entry still start with their report.
    if (events.some((event) => event.kind === "reported")) return events;
    const reporter = incident.anonymous ? "anonymous" : (incident.reporter?.displayName ?? "not recorded");
    return [{ incident: incident.reference, at: incident.reportedAt, who: reporter, channel: incident.createdVia, kind: "reported", text: `Reported (${labelled(severityLabels, incident.severity)}).`, link: null }, ...events];
  });
  const reading = [
    col("When", (row, zone) => momentText(row.at, zone)),
    col("Who", (row) => plain(row.who)),
    col("What", (row) => plain(row.text)),
    col("Evidence", (row) => plain(row.link)),
  ];
  const sections = incidents.map((incident) => {
    const events = rows.filter((row) => row.incident === incident.reference);
    const system = incident.system ? `${incident.system.reference} ${incident.system.name}` : (incident.systemNameFreeText ?? "no system named");
    return [`## ${incident.reference}: ${labelled(severityLabels, incident.severity)}, ${labelled(incidentStatusLabels, incident.status)}`, "", `${system}. Reported ${momentText(incident.reportedAt, timeZone)}.`, "", readingTable(reading, events, timeZone, "No entries.")].join("\n");
  });
  return {
    table: { columns: ["incident", "at", "who", "channel", "kind", "text", "link"], rows },
    markdown: `${incidents.length} incidents, ${rows.length} timeline entries: status changes, assignments, notes and evidence links, each with who and when.\n\n${sections.join("\n")}`,
  };
}
