// Builds the conversation engine with every flow, over the store. Channels receive this.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import type { ReviewIntervals } from "../domain/reviewSchedule.js";
import { ConversationStateStore } from "../store/conversationStates.js";
import { ConversationEngine, type EngineOptions } from "./engine.js";
import { registerAiSystemFlow } from "./flows/registerAiSystemFlow.js";
import { reportIncidentFlow, type IncidentProposer } from "./flows/reportIncidentFlow.js";
import { reportShadowAiFlow } from "./flows/reportShadowAiFlow.js";
import { storeLookups } from "./storeLookups.js";
import { incidentFlows } from "./flows/incidentFlows.js";
import { IncidentDesk } from "./incidentDesk.js";
import { TrainingDesk } from "./trainingDesk.js";
import { ReminderDesk } from "../reminders/reminderDesk.js";
import { ScheduleDesk } from "../reminders/scheduleDesk.js";
import { DigestDesk } from "../digest/digestDesk.js";
import { defaultReviewIntervals } from "../domain/reviewSchedule.js";
import { recordTrainingFlow } from "./flows/recordTrainingFlow.js";
import { EvidencePackDesk } from "../export/evidencePackDesk.js";
import { assessImpactFlow } from "./flows/assessImpactFlow.js";
import { rejectSystemFlow } from "./flows/rejectSystemFlow.js";
import { AssessmentDesk } from "./assessmentDesk.js";
import { ApprovalDesk } from "./approvalDesk.js";
import { assessRiskFlow, rejectRiskAcceptanceFlow } from "./flows/assessRiskFlow.js";
import { RiskDesk } from "./riskDesk.js";
import { nonconformityFlows } from "./flows/nonconformityFlows.js";
import { recordReviewResultsFlow } from "./flows/reviewFlows.js";
import { NonconformityDesk } from "./nonconformityDesk.js";
import { ReviewDesk } from "../reviews/reviewDesk.js";
import { editSoaControlFlow } from "./flows/editSoaControlFlow.js";
import { gapAnalysisFlow } from "./flows/gapAnalysisFlow.js";
import { SoaDesk } from "./soaDesk.js";
import { GapDesk } from "../gap/gapDesk.js";
import { SystemInventory } from "../systems/systemInventory.js";
import { chatCommands } from "../commands/commandRegistry.js";
import type { UseCases } from "../commands/useCases.js";

export interface ConversationSettings {
  reviewIntervals?: ReviewIntervals;
  draftTtlMs?: number;
  clock?: () => Date;
  logger?: Logger;
  answerQuestion?: EngineOptions["answerQuestion"];
  policyFeedback?: EngineOptions["policyFeedback"];
  /** The weekly digest's time zone, for its preview in chat. */
  digestTimeZone?: string;
  /** For the reminder buttons (Still accurate sets the next confirmation this many months ahead). */
  attestationMonths?: number;
  /** Reads a first message the offline rules are unsure of (OpenAI, when configured). */
  classifyMessage?: EngineOptions["classify"];
  /** Proposes incident fields from a one-line report (OpenAI, when configured). */
  proposeIncident?: IncidentProposer;
}

export function createConversationEngine(prisma: PrismaClient, settings: ConversationSettings = {}): ConversationEngine {
  const clock = settings.clock ?? (() => new Date());
  const incidentDesk = new IncidentDesk(prisma, clock);
  const assessmentDesk = new AssessmentDesk(prisma);
  const approvalDesk = new ApprovalDesk(prisma, clock);
  const riskDesk = new RiskDesk(prisma, clock);
  const nonconformityDesk = new NonconformityDesk(prisma, clock);
  const useCases: UseCases = {
    incidents: incidentDesk,
    training: new TrainingDesk(prisma, clock),
    risks: riskDesk,
    impact: assessmentDesk,
    approvals: approvalDesk,
    soa: new SoaDesk(prisma),
    gap: new GapDesk(prisma),
    schedule: new ScheduleDesk(prisma, clock),
    reviews: new ReviewDesk(prisma, clock),
    nonconformities: nonconformityDesk,
    digest: new DigestDesk(prisma, clock, { timeZone: settings.digestTimeZone ?? "UTC", attestationMonths: settings.attestationMonths ?? 6 }),
    evidencePack: new EvidencePackDesk(prisma, clock),
    inventory: new SystemInventory(prisma),
    menu: (text, speaker) => engine.menu(text, speaker),
    commands: () => chatCommands,
  };
  const engine: ConversationEngine = new ConversationEngine({
    states: new ConversationStateStore(prisma),
    flows: [
      registerAiSystemFlow(settings.reviewIntervals),
      reportIncidentFlow(settings.proposeIncident),
      reportShadowAiFlow(),
      ...incidentFlows(),
      recordTrainingFlow(),
      assessImpactFlow(clock),
      rejectSystemFlow(),
      assessRiskFlow(),
      rejectRiskAcceptanceFlow(),
      recordReviewResultsFlow(),
      ...nonconformityFlows(),
      editSoaControlFlow(),
      gapAnalysisFlow(),
    ],
    lookups: storeLookups(prisma),
    incidentDesk,
    commands: chatCommands,
    useCases,
    recordDesks: [approvalDesk, assessmentDesk, riskDesk, nonconformityDesk],
    reminderDesk: new ReminderDesk(prisma, clock, { reviewIntervals: settings.reviewIntervals ?? defaultReviewIntervals, attestationMonths: settings.attestationMonths ?? 6 }),
    ...(settings.clock ? { clock: settings.clock } : {}),
    ...(settings.draftTtlMs ? { draftTtlMs: settings.draftTtlMs } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.answerQuestion ? { answerQuestion: settings.answerQuestion } : {}),
    ...(settings.policyFeedback ? { policyFeedback: settings.policyFeedback } : {}),
    ...(settings.classifyMessage ? { classify: settings.classifyMessage } : {}),
  });
  return engine;
}
