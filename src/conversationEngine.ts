// Builds the conversation engine with every flow, over the store. Channels receive this.
import type { DriverQueries } from "./store/driverQueries.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Logger } from "./logging/logger.js";
import type { ReviewIntervals } from "./domain/reviewSchedule.js";
import { ConversationStateStore } from "./store/conversationStates.js";
import { ConversationEngine, type EngineOptions } from "./conversations/engine.js";
import { registerAiSystemFlow } from "./systems/flows/registerAiSystemFlow.js";
import { reportIncidentFlow, type IncidentProposer } from "./incidents/flows/reportIncidentFlow.js";
import { reportShadowAiFlow } from "./systems/flows/reportShadowAiFlow.js";
import { storeLookups } from "./conversationLookups.js";
import { incidentFlows } from "./incidents/flows/incidentFlows.js";
import { IncidentUseCases } from "./incidents/incidentUseCases.js";
import { TrainingUseCases } from "./training/trainingUseCases.js";
import { ReminderUseCases } from "./reminders/reminderUseCases.js";
import { ScheduleUseCases } from "./reviews/scheduleUseCases.js";
import { DigestUseCases } from "./digest/digestUseCases.js";
import { defaultReviewIntervals } from "./domain/reviewSchedule.js";
import { recordTrainingFlow } from "./training/flows/recordTrainingFlow.js";
import { EvidencePackUseCases } from "./export/evidencePackUseCases.js";
import { assessImpactFlow } from "./impact/flows/assessImpactFlow.js";
import { rejectSystemFlow } from "./systems/flows/rejectSystemFlow.js";
import { declineOwnershipFlow } from "./systems/flows/declineOwnershipFlow.js";
import { SystemAliasUseCases } from "./systems/systemAliases.js";
import { ImpactUseCases } from "./impact/impactUseCases.js";
import { SystemApprovalUseCases } from "./systems/systemApprovalUseCases.js";
import { assessRiskFlow, rejectRiskAcceptanceFlow } from "./risks/flows/assessRiskFlow.js";
import { RiskUseCases } from "./risks/riskUseCases.js";
import { nonconformityFlows } from "./nonconformities/flows/nonconformityFlows.js";
import { recordReviewResultsFlow } from "./reviews/flows/reviewFlows.js";
import { NonconformityUseCases } from "./nonconformities/nonconformityUseCases.js";
import { ReviewUseCases } from "./reviews/reviewUseCases.js";
import { editSoaControlFlow } from "./soa/flows/editSoaControlFlow.js";
import { gapAnalysisFlow } from "./gap/flows/gapAnalysisFlow.js";
import { SoaUseCases } from "./soa/soaUseCases.js";
import { GapUseCases } from "./gap/gapUseCases.js";
import { SystemInventory } from "./systems/systemInventory.js";
import { chatCommands } from "./commands/commandRegistry.js";
import type { UseCases } from "./conversations/commands/useCases.js";
import { PolicyQuestionUseCases } from "./policy/policyQuestionUseCases.js";
import { policyAnswerFlows } from "./policy/policyAnswerFlows.js";
import { PeopleUseCases } from "./people/peopleUseCases.js";
import { InventoryUseCases } from "./inventory/inventoryUseCases.js";
import { RouteUseCases } from "./routing/routeUseCases.js";
import type { ChannelRoute, RouteCategory } from "./routing/noticeRoutes.js";
import { ScopeUseCases } from "./scope/scopeUseCases.js";
import { scopeFlow } from "./scope/flows/scopeFlow.js";
import { ObjectiveUseCases } from "./objectives/objectiveUseCases.js";
import { measurementFlow } from "./objectives/flows/measurementFlow.js";
import { scheduleAuditFlow } from "./reviews/flows/scheduleAuditFlow.js";
import { objectiveFlow } from "./objectives/flows/objectiveFlow.js";
import { ReadinessUseCases } from "./readiness/readinessUseCases.js";
import type { DateSettings } from "./conversations/dateAnswers.js";
import { UserDocumentationUseCases } from "./systemDocumentation/userDocumentationUseCases.js";
import { SupplierUseCases } from "./suppliers/supplierUseCases.js";
import { registerSupplierFlow } from "./suppliers/flows/registerSupplierFlow.js";
import { ExternalNoticeUseCases } from "./externalNotices/externalNoticeUseCases.js";
import { recordExternalNotificationFlow } from "./externalNotices/flows/recordExternalNotificationFlow.js";
import { ChangeControlUseCases } from "./changeControl/changeControlUseCases.js";
import { ContextUseCases } from "./context/contextUseCases.js";
import { contextIssueFlow, interestedPartyFlow } from "./context/flows/contextFlows.js";
import { TreatmentUseCases } from "./treatment/treatmentUseCases.js";
import { planTreatmentFlow } from "./treatment/flows/planTreatmentFlow.js";
import { PolicyDocumentUseCases } from "./policyDocuments/policyDocumentUseCases.js";
import { editPolicyDocumentFlow, startCampaignFlow } from "./policyDocuments/flows/policyDocumentFlows.js";
import { DatasetUseCases } from "./datasets/datasetUseCases.js";
import { addDatasetFlow } from "./datasets/flows/addDatasetFlow.js";
import { ResourceUseCases } from "./resources/resourceUseCases.js";
import { addResourceFlow } from "./resources/flows/addResourceFlow.js";
import { CustomerObligationUseCases } from "./customerObligations/obligationUseCases.js";
import { addObligationFlow } from "./customerObligations/flows/addObligationFlow.js";
import { LifecycleUseCases } from "./lifecycle/lifecycleUseCases.js";
import { lifecycleRecordFlows } from "./lifecycle/flows/lifecycleRecordFlows.js";

export interface ConversationSettings {
  reviewIntervals?: ReviewIntervals;
  draftTtlMs?: number;
  clock?: () => Date;
  logger?: Logger;
  answerQuestion?: EngineOptions["answerQuestion"];
  policyFeedback?: EngineOptions["policyFeedback"];
  /** The weekly digest's time zone, for its preview in chat; also the organisation's time zone in the evidence pack. */
  digestTimeZone?: string;
  /** The policy documents' folder (POLICY_DIR): the evidence pack copies them, readiness counts them, and the register of controlled policy documents reads it again whenever it is looked at. */
  policyDir?: string;
  /** For the reminder buttons (Still accurate sets the next confirmation this many months ahead). */
  attestationMonths?: number;
  /** Configured notice routes (AIMS_ROUTE_<KIND>), for "routes". */
  noticeRoutes?: Partial<Record<RouteCategory, ChannelRoute[]>>;
  /** Reads a first message the offline rules are unsure of (OpenAI, when configured). */
  classifyMessage?: EngineOptions["classify"];
  /** Proposes incident fields from a one-line report (OpenAI, when configured). */
  proposeIncident?: IncidentProposer;
  /** How people here write dates (AIMS_LOCALE) and the time zone days are counted in. */
  dates?: DateSettings;
  /** The conversation's write, sent by every step, straight through the driver (Database.direct). */
  sql?: DriverQueries;
}

export function createConversationEngine(prisma: PrismaClient, settings: ConversationSettings = {}): ConversationEngine {
  const clock = settings.clock ?? (() => new Date());
  const incidentUseCases = new IncidentUseCases(prisma, clock);
  const impactUseCases = new ImpactUseCases(prisma);
  const approvalUseCases = new SystemApprovalUseCases(prisma, clock);
  const riskUseCases = new RiskUseCases(prisma, clock);
  const nonconformityUseCases = new NonconformityUseCases(prisma, clock);
  const policyQuestionUseCases = new PolicyQuestionUseCases(prisma, clock);
  const policyDocumentUseCases = new PolicyDocumentUseCases(prisma, clock, settings.policyDir ?? null);
  const treatmentUseCases = new TreatmentUseCases(prisma, clock);
  const objectiveUseCases = new ObjectiveUseCases(prisma, clock);
  const supplierUseCases = new SupplierUseCases(prisma, clock);
  const datasetUseCases = new DatasetUseCases(prisma, clock);
  const obligationUseCases = new CustomerObligationUseCases(prisma, clock);
  const lifecycleUseCases = new LifecycleUseCases(prisma, clock);
  const useCases: UseCases = {
    incidents: incidentUseCases,
    training: new TrainingUseCases(prisma, clock),
    risks: riskUseCases,
    impact: impactUseCases,
    approvals: approvalUseCases,
    aliases: new SystemAliasUseCases(prisma),
    soa: new SoaUseCases(prisma),
    gap: new GapUseCases(prisma),
    schedule: new ScheduleUseCases(prisma, clock),
    reviews: new ReviewUseCases(prisma, clock),
    nonconformities: nonconformityUseCases,
    digest: new DigestUseCases(prisma, clock, { timeZone: settings.digestTimeZone ?? "UTC", attestationMonths: settings.attestationMonths ?? 6 }),
    evidencePack: new EvidencePackUseCases(prisma, clock, { timeZone: settings.digestTimeZone ?? "UTC", policyDir: settings.policyDir }),
    inventory: new SystemInventory(prisma),
    people: new PeopleUseCases(prisma),
    importedSystems: new InventoryUseCases(prisma),
    routes: new RouteUseCases(prisma, settings.noticeRoutes ?? {}),
    policyQuestions: policyQuestionUseCases,
    scope: new ScopeUseCases(prisma),
    objectives: objectiveUseCases,
    readiness: new ReadinessUseCases(prisma, clock, settings.policyDir),
    externalNotices: new ExternalNoticeUseCases(prisma),
    userDocumentation: new UserDocumentationUseCases(prisma),
    suppliers: supplierUseCases,
    changeControl: new ChangeControlUseCases(prisma, clock),
    policyDocuments: policyDocumentUseCases,
    treatment: treatmentUseCases,
    context: new ContextUseCases(prisma, clock),
    datasets: datasetUseCases,
    resources: new ResourceUseCases(prisma),
    customerObligations: obligationUseCases,
    lifecycle: lifecycleUseCases,
    menu: (text, speaker) => engine.menu(text, speaker),
    commands: () => chatCommands,
  };
  const engine: ConversationEngine = new ConversationEngine({
    states: new ConversationStateStore(prisma, settings.sql),
    flows: [
      registerAiSystemFlow(settings.reviewIntervals),
      reportIncidentFlow(settings.proposeIncident),
      reportShadowAiFlow(),
      ...incidentFlows(),
      recordTrainingFlow(),
      assessImpactFlow(clock),
      rejectSystemFlow(),
      declineOwnershipFlow(),
      assessRiskFlow(),
      rejectRiskAcceptanceFlow(),
      recordReviewResultsFlow(),
      ...nonconformityFlows(),
      editSoaControlFlow(),
      gapAnalysisFlow(),
      ...policyAnswerFlows(),
      scopeFlow(),
      objectiveFlow(),
      measurementFlow(),
      scheduleAuditFlow(),
      recordExternalNotificationFlow(),
      registerSupplierFlow(),
      editPolicyDocumentFlow(),
      startCampaignFlow(),
      planTreatmentFlow(),
      contextIssueFlow(),
      interestedPartyFlow(),
      addDatasetFlow(),
      addResourceFlow(),
      addObligationFlow(),
      ...lifecycleRecordFlows(),
    ],
    lookups: storeLookups(prisma),
    incidentUseCases,
    commands: chatCommands,
    useCases,
    recordActions: [approvalUseCases, impactUseCases, riskUseCases, nonconformityUseCases, policyQuestionUseCases, policyDocumentUseCases, treatmentUseCases, objectiveUseCases, supplierUseCases, datasetUseCases, obligationUseCases, lifecycleUseCases],
    reminderUseCases: new ReminderUseCases(prisma, clock, { reviewIntervals: settings.reviewIntervals ?? defaultReviewIntervals, attestationMonths: settings.attestationMonths ?? 6 }),
    ...(settings.clock ? { clock: settings.clock } : {}),
    ...(settings.draftTtlMs ? { draftTtlMs: settings.draftTtlMs } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.answerQuestion ? { answerQuestion: settings.answerQuestion } : {}),
    ...(settings.policyFeedback ? { policyFeedback: settings.policyFeedback } : {}),
    ...(settings.classifyMessage ? { classify: settings.classifyMessage } : {}),
    ...(settings.dates ? { dates: settings.dates } : {}),
  });
  return engine;
}
