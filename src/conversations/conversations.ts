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
import { PolicyQuestionDesk } from "../policy/policyQuestionDesk.js";
import { policyAnswerFlows } from "../policy/policyAnswerFlows.js";
import { PeopleDesk } from "../people/peopleDesk.js";
import { InventoryDesk } from "../inventory/inventoryDesk.js";
import { RoutesDesk } from "../routing/routesDesk.js";
import type { ChannelRoute, RouteCategory } from "../routing/noticeRoutes.js";

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
  /** Configured notice routes (AIMS_ROUTE_<KIND>), for "routes". */
  noticeRoutes?: Partial<Record<RouteCategory, ChannelRoute[]>>;
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
  const policyQuestionDesk = new PolicyQuestionDesk(prisma, clock);
  return new ConversationEngine({
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
      ...policyAnswerFlows(),
    ],
    lookups: storeLookups(prisma),
    incidentDesk,
    desks: [
      incidentDesk,
      new TrainingDesk(prisma, clock),
      riskDesk,
      new SoaDesk(prisma),
      new GapDesk(prisma),
      new ScheduleDesk(prisma, clock),
      new ReviewDesk(prisma, clock),
      nonconformityDesk,
      new DigestDesk(prisma, clock, { timeZone: settings.digestTimeZone ?? "UTC", attestationMonths: settings.attestationMonths ?? 6 }),
      new EvidencePackDesk(prisma, clock),
      assessmentDesk,
      approvalDesk,
      policyQuestionDesk,
      new PeopleDesk(prisma),
      new InventoryDesk(prisma),
      new RoutesDesk(prisma, settings.noticeRoutes ?? {}),
    ],
    recordDesks: [approvalDesk, assessmentDesk, riskDesk, nonconformityDesk, policyQuestionDesk],
    reminderDesk: new ReminderDesk(prisma, clock, { reviewIntervals: settings.reviewIntervals ?? defaultReviewIntervals, attestationMonths: settings.attestationMonths ?? 6 }),
    ...(settings.clock ? { clock: settings.clock } : {}),
    ...(settings.draftTtlMs ? { draftTtlMs: settings.draftTtlMs } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.answerQuestion ? { answerQuestion: settings.answerQuestion } : {}),
    ...(settings.policyFeedback ? { policyFeedback: settings.policyFeedback } : {}),
  });
}
