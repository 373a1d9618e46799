// Incidents after the report, in chat: "incidents" lists the open ones a person may see,
// "incident INC-0007" shows one with its timeline and the actions that person may take, and the
// buttons (or typed "incident INC-0007 close") take them. One-click actions happen here; the rest
// start the short flows in flows/incidentFlows.ts.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { IncidentStatus, Severity } from "../generated/prisma/enums.js";
import { can, canSeeIncidentDetails, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { incidentDetailLines } from "../domain/governanceNotices.js";
import { availableActions, decide, incidentActionRules, incidentActions, parseIncidentReference, type IncidentAction } from "../domain/incidentLifecycle.js";
import { actionStatusLabels, incidentStatusLabels, incidentTypeLabels, severityLabels } from "../domain/labels.js";
import { IncidentWorkflow, type Acting } from "../store/incidentWorkflow.js";
import { incidentDossier, listIncidents, type IncidentDossier, type IncidentFilters } from "../store/incidentViews.js";
import { useCaseMessages as message, useCaseRefusal as refusal, type TextUseCases, type UseCaseOutcome, viewerOf, actorOfTurn } from "../conversations/useCaseOutcome.js";
import { flowForAction, oneClickActions } from "./flows/incidentFlows.js";
import { flowIds } from "../conversations/intents.js";
import type { OutgoingMessage, TimelineEntry, Turn } from "../conversations/messages.js";
import { lookUpWord } from "../domain/wordTable.js";
import { externalNotificationLines } from "../externalNotices/externalNoticeWording.js";
import { externalReporterContactLines, externalReporterLabel } from "../publicReport/publicReportSubmission.js";
import { displayDate, displayDateTime } from "../domain/dateDisplay.js";

export type IncidentCommand =
  | { kind: "list"; filters: IncidentFilters }
  | { kind: "show"; reference: string }
  | { kind: "act"; reference: string; action: IncidentAction | typeof registerSystem }
  | { kind: "note"; reference: string; text: string; link: string | null }
  | { kind: "complete_action"; reference: string }
  | { kind: "my_actions" };


/** Not a lifecycle step: registers the incident's unlisted system, which then links back (a set_system). */
const registerSystem = "register_system";

const referencePattern = String.raw`(inc[-\s]?\d{1,6})`;
const statusWords: Record<string, IncidentStatus> = { new: "reported", ...Object.fromEntries(Object.keys(incidentStatusLabels).map((status) => [status, status as IncidentStatus])) };
const actionWords: Record<string, IncidentAction | typeof registerSystem> = {
  ack: "acknowledge",
  investigate: "start_investigation",
  investigation: "start_investigation",
  severity: "change_severity",
  duplicate: "mark_duplicate",
  "not an ai incident": "decline",
  contained: "contain",
  system: "set_system",
  action: "raise_action",
  "corrective action": "raise_action",
  note: "add_note",
  nonconformity: "raise_nonconformity",
  nc: "raise_nonconformity",
  "register system": registerSystem,
  register: registerSystem,
  ...Object.fromEntries(incidentActions.map((action) => [action.replace(/_/g, " "), action])),
  ...Object.fromEntries(incidentActions.map((action) => [incidentActionRules[action].label.toLowerCase().replace("…", "").trim(), action])),
};

export function parseIncidentCommand(text: string): IncidentCommand | null {
  const typed = text.trim().replace(/^\//, "");
  const done = /^(?:action\s+)?(ca-\d{1,6})\s+(?:is\s+)?(?:done|complete|completed)[.!]?$/i.exec(typed);
  if (done) return { kind: "complete_action", reference: done[1]!.toUpperCase().replace(/^CA-0*(\d+)$/, (_, n: string) => `CA-${n.padStart(4, "0")}`) };
  if (/^(my\s+)?(corrective\s+)?actions$/i.test(typed)) return { kind: "my_actions" };
  const note = new RegExp(String.raw`^(note|evidence)\s+${referencePattern}[:\s]+([\s\S]+)$`, "i").exec(typed);
  if (note) return noteCommand(note[2]!, note[3]!);
  const one = new RegExp(String.raw`^(?:incident\s+)?${referencePattern}(?:\s+(.+?))?[.!]?$`, "i").exec(typed);
  if (one) {
    const reference = parseIncidentReference(one[1]!)!;
    if (!one[2]) return { kind: "show", reference };
    const action = lookUpWord(actionWords, one[2].toLowerCase().trim());
    return action ? { kind: "act", reference, action } : { kind: "show", reference };
  }
  const list = /^(?:open\s+)?incidents\b(.*)$/i.exec(typed);
  if (list) return { kind: "list", filters: listFilters(list[1]!) };
  return null;
}

function noteCommand(reference: string, body: string): IncidentCommand {
  // A link in the note becomes the entry's evidence link; the words around it are the note.
  const url = /https?:\/\/\S+/.exec(body)?.[0] ?? null;
  const words = (url ? body.replace(url, " ") : body).replace(/\s+/g, " ").trim();
  return { kind: "note", reference: parseIncidentReference(reference)!, text: words || "Evidence", link: url };
}

/** "sev1 investigating AIS-0003": filters in any order. */
function listFilters(words: string): IncidentFilters {
  const filters: Required<IncidentFilters> = { statuses: [], severities: [], system: "" };
  for (const word of words.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    if (/^sev[1-4]$/.test(word)) filters.severities.push(word as Severity);
    else if (lookUpWord(statusWords, word)) filters.statuses.push(lookUpWord(statusWords, word)!);
    else if (word === "all") filters.statuses.push(...(Object.keys(incidentStatusLabels) as IncidentStatus[]));
    else if (/^ais-\d+$/.test(word)) filters.system = word.toUpperCase();
  }
  return { statuses: filters.statuses, severities: filters.severities, ...(filters.system ? { system: filters.system } : {}) };
}

const actingOf = (turn: Turn, now: Date): Acting => ({
  actor: actorOfTurn(turn),
  viewer: viewerOf(turn),
  now,
});
/** A timeline moment as people read it: "30 November 2026, 10:05 GMT" on the organisation's clock. */
const stamp = (date: Date) => displayDateTime(date);

export class IncidentUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const command = parseIncidentCommand(text);
    return command ? this.run(command, turn) : null;
  }

  async run(command: IncidentCommand, turn: Turn): Promise<UseCaseOutcome> {
    try {
      switch (command.kind) {
        case "list":
          return message(await this.list(command.filters, turn));
        case "show":
          return this.show(command.reference, turn);
        case "act":
          return this.act(command.reference, command.action, turn);
        case "note":
          await this.workflow().apply(command.reference, { action: "add_note", text: command.text, link: command.link }, actingOf(turn, this.clock()));
          return this.show(command.reference, turn, `Added to the timeline of ${command.reference}.`);
        case "complete_action": {
          const action = await this.workflow().completeAction(command.reference, actingOf(turn, this.clock()));
          return message({ kind: "text", text: `${action.reference} is done. Thank you!` });
        }
        case "my_actions":
          return message(await this.myActions(turn));
      }
    } catch (error) {
      if (error instanceof ActionRefused) return refusal(error.message);
      throw error;
    }
  }

  /** A button or typed action on one incident: done at once, or the start of its short flow. */
  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    if (action === "view") return this.show(reference, turn);
    if (action === registerSystem) return this.registerSystem(reference, turn);
    if (!(incidentActions as readonly string[]).includes(action)) return refusal(`I don't know the action "${action}".`);
    const chosen = action as IncidentAction;
    const incident = await this.prisma.incident.findUnique({ where: { reference }, select: { reference: true, status: true, assigneeId: true } });
    if (!incident) return refusal(`There is no incident ${reference}.`);
    const decision = decide(chosen, incident, viewerOf(turn));
    if (!decision.allowed) return refusal(decision.reason);
    if (oneClickActions.includes(chosen)) {
      let recorded: string;
      try {
        ({ recorded } = await this.workflow().apply(reference, { action: chosen } as never, actingOf(turn, this.clock())));
      } catch (error) {
        if (error instanceof ActionRefused) return refusal(error.message);
        throw error;
      }
      // Said as the timeline records it: "INC-0007: Acknowledged; handled by Amara Okafor."
      return this.show(reference, turn, `${reference}: ${recorded}`);
    }
    return { start: { flowId: flowForAction(chosen)!, prefill: { incident: reference } } };
  }

  private async registerSystem(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const incident = await this.prisma.incident.findUnique({ where: { reference }, select: { reference: true, status: true, assigneeId: true, systemId: true, systemNameFreeText: true } });
    if (!incident) return refusal(`There is no incident ${reference}.`);
    if (incident.systemId) return refusal(`${reference} already names a system from the inventory.`);
    const decision = decide("set_system", incident, viewerOf(turn));
    if (!decision.allowed) return refusal(decision.reason);
    return { start: { flowId: flowIds.registerSystem, prefill: { linkIncident: reference, ...(incident.systemNameFreeText ? { name: incident.systemNameFreeText } : {}) } } };
  }

  private async list(filters: IncidentFilters, turn: Turn): Promise<OutgoingMessage> {
    const { shown, more, hidden } = await listIncidents(this.prisma, viewerOf(turn), filters);
    const notes = [
      ...(shown.length === 0 ? ["No incidents match."] : []),
      ...(more > 0 ? [`${more} more not shown: narrow the list, e.g. "incidents sev1" or "incidents investigating".`] : []),
      ...(hidden > 0 ? [`${hidden} confidential incident${hidden === 1 ? "" : "s"} not shown: only the governance team, the reporter and the assignee see them.`] : []),
    ];
    const age = (reportedAt: Date) => reportedAgo(Math.floor((this.clock().getTime() - reportedAt.getTime()) / 86_400_000));
    return {
      kind: "record_list",
      title: filters.statuses?.length || filters.severities?.length || filters.system ? "Incidents matching your filter" : "Open AI incidents",
      items: shown.map((incident) => ({
        reference: incident.reference,
        text: [
          `${severityLabels[incident.severity]}, ${incidentStatusLabels[incident.status].toLowerCase()}`,
          incidentTypeLabels[incident.type],
          incident.system?.name ?? incident.systemNameFreeText ?? "system not named",
          incident.assignee ? `handled by ${incident.assignee.displayName}` : "not assigned",
          age(incident.reportedAt),
        ].join(" · "),
      })),
      ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
      opensIncident: true,
    };
  }

  private async show(reference: string, turn: Turn, preface?: string): Promise<UseCaseOutcome> {
    const incident = await incidentDossier(this.prisma, reference);
    if (!incident) return refusal(`There is no incident ${reference}.`);
    if (!canSeeIncidentDetails(viewerOf(turn), incident)) {
      return refusal(`${reference} is confidential: only the governance team, its reporter and its assignee can see it.`);
    }
    return message(...(preface ? [{ kind: "text", text: preface } as const] : []), incidentView(incident, viewerOf(turn)));
  }

  private async myActions(turn: Turn): Promise<OutgoingMessage> {
    const actions = await this.prisma.correctiveAction.findMany({
      where: { ownerId: turn.speaker.personId, status: "open" },
      include: { incident: { select: { reference: true } }, nonconformity: { select: { reference: true } } },
      orderBy: { dueDate: "asc" },
    });
    return {
      kind: "record_list",
      title: "Your open corrective actions",
      items: actions.map((action) => ({
        reference: action.reference,
        text: `${action.description} · due ${displayDate(action.dueDate)}${action.incident ?? action.nonconformity ? ` · for ${(action.incident ?? action.nonconformity)!.reference}` : ""}`,
      })),
      note: actions.length === 0 ? "You have no open corrective actions." : 'When one is done, type e.g. "CA-0001 done".',
    };
  }

  private workflow() {
    return new IncidentWorkflow(this.prisma);
  }
}

export function incidentView(incident: IncidentDossier, viewer: Viewer): OutgoingMessage {
  const reporterName = incident.anonymous ? null : (incident.reporter?.displayName ?? (incident.createdVia === "public_form" ? externalReporterLabel : null));
  const lines = [
    // The details' first line repeats what the title says: the view starts at the system.
    ...incidentDetailLines({ ...incident, status: incidentStatusLabels[incident.status].toLowerCase(), systemName: incident.system?.name ?? incident.systemNameFreeText, reporterName }).slice(1),
    `Handled by: ${incident.assignee?.displayName ?? "nobody yet"}.`,
    ...externalReporterContactLines(incident.externalReporter, viewer),
    ...optionalLine("Duplicate of", incident.duplicateOf?.reference),
    ...optionalLine("Declined because", incident.declineReason),
    ...optionalLine("Containment", incident.containmentNote),
    ...optionalLine("Root cause", incident.rootCause),
    ...optionalLine("Correction", incident.correction),
    // Everyone may see most incidents, but an action's wording only its owner and oversight (the access policy).
    ...incident.correctiveActions.map((action) =>
      can(viewer, "view", "corrective_action", { ownerId: action.ownerId })
        ? `Corrective action ${action.reference} (${actionStatusLabels[action.status].toLowerCase()}): ${action.description}, owner ${action.owner.displayName}, due ${displayDate(action.dueDate)}.`
        : `Corrective action ${action.reference} (${actionStatusLabels[action.status].toLowerCase()}), owner ${action.owner.displayName}, due ${displayDate(action.dueDate)}.`,
    ),
    ...optionalLine("Effectiveness check", incident.effectivenessCheck),
    ...externalNotificationLines(incident.externalNotifications),
    ...(incident.lessonsWhatHappened ? [`Lessons learned: what happened: ${incident.lessonsWhatHappened} Why: ${incident.lessonsWhy} What changes: ${incident.lessonsChanges}`] : []),
  ];
  const timeline: TimelineEntry[] = [
    { at: stamp(incident.reportedAt), who: reporterName ?? "anonymous", text: "Reported." },
    ...incident.events.map((event) => ({ at: stamp(event.at), who: event.actorLabel, text: event.text, ...(event.link ? { link: event.link } : {}) })),
  ];
  return {
    kind: "incident",
    reference: incident.reference,
    title: `${incident.reference}${incident.confidential ? " (confidential)" : ""}: ${incidentTypeLabels[incident.type]} · ${severityLabels[incident.severity]} · ${incidentStatusLabels[incident.status].toLowerCase()}`,
    lines,
    timeline,
    actions: [
      ...availableActions(incident, viewer).map((action) => ({ action, label: incidentActionRules[action].label })),
      ...(!incident.systemId && availableActions(incident, viewer).includes("set_system") ? [{ action: registerSystem, label: "Register its AI system" }] : []),
    ],
  };
}

/** "reported today", "reported yesterday", "reported 5 days ago". */
function reportedAgo(days: number): string {
  if (days <= 0) return "reported today";
  return days === 1 ? "reported yesterday" : `reported ${days} days ago`;
}

const optionalLine = (label: string, value: string | null | undefined) => (value ? [`${label}: ${value}`] : []);

export { parseIncidentReference };
