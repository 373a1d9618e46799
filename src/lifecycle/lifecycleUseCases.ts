// The AI system life cycle in chat: "lifecycle AIS-0001" (its records and what its tier still needs),
// "lifecycle LCR-0004" (one record and its versions), "add monitoring plan AIS-0001" and the other
// kinds, "update LCR-0004" (a new version), and "accept LCR-0004" (governance accepts test results).
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LifecycleRecord } from "../generated/prisma/client.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { riskTierLabels } from "../domain/labels.js";
import type { Answers } from "../conversations/flowDefinition.js";
import type { NoticeAction, Turn } from "../conversations/messages.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import { acceptVerification, currentVersion, lifecycleGapsOf } from "./lifecycleRecords.js";
import { lifecycleKindFacts, lifecycleKinds, lifecycleNeeds, measureText, thresholdText, type LifecycleGap } from "../domain/lifecycleRules.js";
import { kindNamed, kindPattern, lifecycleRecordFlowId, watchLabels } from "./lifecycleWords.js";
import { displayDate } from "../domain/dateDisplay.js";

const padded = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** The line a system's approval view shows about its life cycle. */
export function lifecycleLine(reference: string, gaps: readonly LifecycleGap[]): string {
  return gaps.length === 0 ? `Life-cycle records: what its tier needs is on file (lifecycle ${reference}).` : `Life-cycle records missing for its tier: ${gaps.map((gap) => lifecycleKindFacts[gap.kind].words).join(", ")} (lifecycle ${reference}).`;
}

export const lifecycleCommandPattern = new RegExp(String.raw`^(?:(?:life[- ]?cycle(?: records?)?) (?:ais|lcr)[-\s]?\d{1,6}|add (?:${kindPattern}) ais[-\s]?\d{1,6}|(?:update|edit|revise|accept) lcr[-\s]?\d{1,6})$`);

export class LifecycleUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^LCR-\d+$/.test(reference);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (!lifecycleCommandPattern.test(typed)) return null;
    const system = /^life[- ]?cycle(?: records?)? ais[-\s]?(\d{1,6})$/.exec(typed);
    const record = /^(?:life[- ]?cycle(?: records?)?|update|edit|revise|accept) lcr[-\s]?(\d{1,6})$/.exec(typed);
    const add = /^add (.+) ais[-\s]?(\d{1,6})$/.exec(typed);
    try {
      if (system) return await this.overview(padded("AIS", system[1]!), turn);
      if (add) return await this.startAdding(add[1]!, padded("AIS", add[2]!), turn);
      const verb = typed.split(" ")[0]!;
      return await this.act(padded("LCR", record![1]!), ["update", "edit", "revise"].includes(verb) ? "update" : verb === "accept" ? "accept" : "view", turn);
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    try {
      if (action === "view") return await this.showRecord(reference, turn);
      if (action === "update") return await this.startRevising(reference, turn);
      if (action === "accept") {
        const accepted = await acceptVerification(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
        return useCaseMessages({ kind: "text", text: `${reference} version ${accepted.version} is accepted by you today.` });
      }
      return useCaseRefusal(`I can't "${action}" ${reference}.`);
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async systemFor(reference: string, viewer: Viewer) {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference }, select: { id: true, reference: true, name: true, riskTier: true, ownerId: true, status: true } });
    if (!system) throw new ActionRefused(`${reference} is not in the AI system inventory.`);
    if (!can(viewer, "view", "lifecycle_record", { ownerId: system.ownerId })) throw new ActionRefused(`Only the governance team, auditors, managers and the owner of ${reference} can see its life-cycle records.`);
    return system;
  }

  private async startAdding(words: string, reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const kind = kindNamed(words);
    if (!kind) return useCaseRefusal(`I don't know the life-cycle record "${words}". Try ${lifecycleKinds.map((each) => `"add ${lifecycleKindFacts[each].addWord} ${reference}"`).join(", ")}.`);
    const system = await this.systemFor(reference, viewerOf(turn));
    if (!can(viewerOf(turn), "create", "lifecycle_record", { ownerId: system.ownerId })) return useCaseRefusal(`Only the owner of ${reference} or the governance team can keep its life-cycle records.`);
    return { start: { flowId: lifecycleRecordFlowId(kind), prefill: { system: reference } } };
  }

  private async startRevising(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const current = await currentVersion(this.prisma, reference);
    if (!current) return useCaseRefusal(`There is no life-cycle record ${reference}.`);
    if (!can(viewerOf(turn), "edit", "lifecycle_record", { ownerId: current.system.ownerId })) return useCaseRefusal(`Only the owner of ${current.system.reference} or the governance team can keep its life-cycle records.`);
    const responsible = current.responsibleId ? await this.prisma.person.findUnique({ where: { id: current.responsibleId }, select: { id: true, displayName: true } }) : null;
    return { start: { flowId: lifecycleRecordFlowId(current.kind), prefill: answersOf(current, responsible) } };
  }

  private async overview(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.systemFor(reference, viewerOf(turn));
    const records = await this.prisma.lifecycleRecord.findMany({ where: { systemId: system.id, supersededAt: null }, orderBy: { reference: "asc" }, include: { recordedBy: { select: { displayName: true } } } });
    const gaps = await lifecycleGapsOf(this.prisma, system);
    const needed = new Set(lifecycleNeeds[system.riskTier ?? "high"].map((need) => need.kind));
    const lines = [`Risk tier: ${system.riskTier ? riskTierLabels[system.riskTier] : "not derived (held to the high tier)"}.`];
    for (const kind of lifecycleKinds) {
      const mine = records.filter((record) => record.kind === kind);
      const heading = `${capitalised(lifecycleKindFacts[kind].words)} (${lifecycleKindFacts[kind].control})${needed.has(kind) ? ", needed for its tier" : ""}:`;
      if (mine.length === 0) lines.push(`${heading} none yet (add ${lifecycleKindFacts[kind].addWord} ${reference})`);
      else lines.push(heading, ...mine.map((record) => `• ${record.reference} v${record.version}: ${recordGist(record)} (${record.recordedBy?.displayName ?? "system"}, ${displayDate(record.createdAt)})`));
    }
    lines.push(gaps.length === 0 ? `Everything its ${system.riskTier ?? "high"} tier needs is on file.` : `Still needed: ${gaps.map((gap) => gap.text).join("; ")}.`);
    const accept = can(viewerOf(turn), "approve", "lifecycle_record") ? records.filter((record) => record.kind === "verification" && record.passed && !record.acceptedAt && record.recordedById !== turn.speaker.personId) : [];
    return useCaseMessages({ kind: "notice", subject: `Life cycle of ${reference} ${system.name}`, text: lines.join("\n"), actions: accept.map((record) => acceptButton(record.reference)) });
  }

  private async showRecord(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const versions = await this.prisma.lifecycleRecord.findMany({ where: { reference }, orderBy: { version: "asc" }, include: { recordedBy: { select: { displayName: true } }, acceptedBy: { select: { displayName: true } }, responsible: { select: { displayName: true } }, system: { select: { reference: true, name: true, ownerId: true } } } });
    const current = versions.find((version) => version.supersededAt === null);
    if (!current) return useCaseRefusal(`There is no life-cycle record ${reference}.`);
    await this.systemFor(current.system.reference, viewerOf(turn));
    const lines = [...detailLines(current), "Versions:", ...versions.map((version) => `• v${version.version} recorded by ${version.recordedBy?.displayName ?? "system"} on ${displayDate(version.createdAt)}${version.supersededAt ? `, replaced on ${displayDate(version.supersededAt)}` : " (current)"}`)];
    const viewer = viewerOf(turn);
    const actions: NoticeAction[] = [];
    if (can(viewer, "edit", "lifecycle_record", { ownerId: current.system.ownerId })) actions.push({ label: "New version", input: { kind: "record_action", reference, action: "update" } });
    if (current.kind === "verification" && current.passed && !current.acceptedAt && can(viewer, "approve", "lifecycle_record") && current.recordedById !== viewer.personId) actions.push(acceptButton(reference));
    return useCaseMessages({ kind: "notice", subject: `${reference} ${lifecycleKindFacts[current.kind].words} of ${current.system.reference} ${current.system.name}, version ${current.version}`, text: lines.join("\n"), actions });
  }
}

const acceptButton = (reference: string): NoticeAction => ({ label: `Accept ${reference}`, input: { kind: "record_action", reference, action: "accept" } });

type RecordWithPeople = LifecycleRecord & { acceptedBy?: { displayName: string } | null; responsible?: { displayName: string } | null };

/** One line for a list: the point of the record. */
function recordGist(record: LifecycleRecord): string {
  const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);
  if (record.kind === "verification") return `${record.metric}: ${measureText(record.resultValue!, record.unit)} against ${verificationThreshold(record)}, ${record.passed ? "passed" : "did not pass"}${record.acceptedAt ? `, accepted ${displayDate(record.acceptedAt)}` : record.passed ? ", not yet accepted" : ""}`;
  if (record.kind === "monitoring_plan") return `watches ${record.watches.map((watch) => watchLabels[watch as keyof typeof watchLabels]?.toLowerCase() ?? watch).join(", ")}, ${record.frequency}`;
  if (record.kind === "technical_documentation") return `${record.link}`;
  if (record.kind === "event_logging") return `${short(record.summary).replace(/[.;,:]+$/, "")}; kept in ${record.logLocation} for ${record.retention}`;
  return short(record.summary);
}

const verificationThreshold = (record: LifecycleRecord) => thresholdText({ comparison: record.thresholdComparison!, value: record.thresholdValue!, unit: record.unit });

function detailLines(record: RecordWithPeople): string[] {
  const lines: (string | null)[] = [
    record.kind === "verification" ? `Metric: ${record.metric}. Threshold ${verificationThreshold(record)}, result ${measureText(record.resultValue!, record.unit)}: ${record.passed ? "passed" : "did not pass"}.` : null,
    record.kind === "verification" ? (record.acceptedAt ? `Accepted by ${record.acceptedBy?.displayName ?? "unknown"} on ${displayDate(record.acceptedAt)}.` : "Not accepted yet.") : null,
    record.kind === "monitoring_plan" ? `Watches: ${record.watches.map((watch) => watchLabels[watch as keyof typeof watchLabels] ?? watch).join(", ")}; ${record.frequency}; by ${record.responsible?.displayName ?? "nobody named"}.` : null,
    `${record.kind === "verification" ? "How tested" : record.kind === "monitoring_plan" ? "Triggers" : "Record"}: ${record.summary}`,
    record.rationale ? `Rationale: ${record.rationale}` : null,
    record.kind === "event_logging" ? `Kept in ${record.logLocation} for ${record.retention}.` : null,
    record.link ? `Link: ${record.link}` : null,
  ];
  return lines.filter((line): line is string => line !== null);
}

/** The current version's answers, so a new version starts from what is recorded. */
function answersOf(record: LifecycleRecord & { system: { reference: string } }, responsible: { id: string; displayName: string } | null): Answers {
  const given = (entries: [string, unknown][]) => Object.fromEntries(entries.filter(([, value]) => value !== null && value !== undefined));
  // The link is the one optional answer: given even when empty, so the conversation opens on the summary.
  return { link: record.link, ...given([
    ["system", record.system.reference],
    ["revises", record.reference],
    ["summary", record.summary],
    ["link", record.link],
    ["rationale", record.kind === "design_decision" ? record.rationale : null],
    ["metric", record.metric],
    ["threshold", record.thresholdComparison ? { comparison: record.thresholdComparison, value: record.thresholdValue, unit: record.unit } : null],
    ["result", record.resultValue !== null ? { value: record.resultValue, unit: record.unit } : null],
    ["watches", record.kind === "monitoring_plan" ? record.watches : null],
    ["frequency", record.frequency],
    ["responsible", responsible ? { personId: responsible.id, displayName: responsible.displayName } : null],
    ["logLocation", record.logLocation],
    ["retention", record.retention],
  ]) };
}
