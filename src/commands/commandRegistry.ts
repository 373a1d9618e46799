// Every typed command, in the order they are tried (the more specific first). Adding a command is
// one file in its feature's commands/ folder and one line here.
import { findCommand, type ChatCommand } from "../conversations/commands/chatCommand.js";
import { help } from "../conversations/commands/help.js";
import { registerSystem } from "../systems/commands/registerSystem.js";
import { reportShadowAi } from "../systems/commands/reportShadowAi.js";
import { mySystems } from "../systems/commands/mySystems.js";
import { systemRecord } from "../systems/commands/systemRecord.js";
import { systemAliases } from "../systems/commands/systemAliases.js";
import { askPolicy } from "../policy/commands/askPolicy.js";
import { addNote } from "../incidents/commands/addNote.js";
import { showIncident } from "../incidents/commands/showIncident.js";
import { listIncidents } from "../incidents/commands/listIncidents.js";
import { reportIncident } from "../incidents/commands/reportIncident.js";
import { myActions } from "../incidents/commands/myActions.js";
import { completeAction } from "../incidents/commands/completeAction.js";
import { riskRegister } from "../risks/commands/riskRegister.js";
import { assessRisk } from "../risks/commands/assessRisk.js";
import { assessImpact } from "../impact/commands/assessImpact.js";
import { showImpact } from "../impact/commands/showImpact.js";
import { statementOfApplicability } from "../soa/commands/statementOfApplicability.js";
import { gapAnalysis } from "../gap/commands/gapAnalysis.js";
import { gapReport } from "../gap/commands/gapReport.js";
import { nonconformities } from "../nonconformities/commands/nonconformities.js";
import { schedule } from "../reviews/commands/schedule.js";
import { reviewRecord } from "../reviews/commands/reviewRecord.js";
import { evidencePack } from "../export/commands/evidencePack.js";
import { training } from "../training/commands/training.js";
import { digest } from "../digest/commands/digest.js";
import { people } from "../people/commands/people.js";
import { changeRole } from "../people/commands/changeRole.js";
import { setManager } from "../people/commands/setManager.js";
import { unconfirmedImports } from "../inventory/commands/unconfirmedImports.js";
import { noticeRoutes } from "../routing/commands/noticeRoutes.js";
import { policyQuestions } from "../policy/commands/policyQuestions.js";
import { scope } from "../scope/commands/scope.js";
import { objectives } from "../objectives/commands/objectives.js";
import { measureObjective } from "../objectives/commands/measure.js";
import { readiness } from "../readiness/commands/readiness.js";
import { userDocumentation } from "../systemDocumentation/commands/userDocumentation.js";
import { suppliers } from "../suppliers/commands/suppliers.js";
import { recordExternalNotification } from "../externalNotices/commands/recordExternalNotification.js";
import { outOfDate } from "../changeControl/commands/outOfDate.js";
import { updateSystem } from "../changeControl/commands/updateSystem.js";
import { systemChanges } from "../changeControl/commands/systemChanges.js";
import { lifecycleStage } from "../changeControl/commands/lifecycleStage.js";
import { policyDocuments } from "../policyDocuments/commands/policyDocuments.js";
import { approvePolicyDocument } from "../policyDocuments/commands/approvePolicyDocument.js";
import { editPolicyDocument } from "../policyDocuments/commands/editPolicyDocument.js";
import { acknowledgementCampaigns } from "../policyDocuments/commands/acknowledgementCampaigns.js";
import { acknowledgePolicy } from "../policyDocuments/commands/acknowledgePolicy.js";
import { treatRisk } from "../treatment/commands/treatRisk.js";
import { treatmentActions } from "../treatment/commands/treatmentActions.js";
import { signOffResidualRisk } from "../treatment/commands/signOffResidualRisk.js";
import { context } from "../context/commands/context.js";
import { datasets } from "../datasets/commands/datasets.js";
import { resources } from "../resources/commands/resources.js";
import { customerObligations } from "../customerObligations/commands/customerObligations.js";
import { lifecycleRecords } from "../lifecycle/commands/lifecycleRecords.js";

export const chatCommands: readonly ChatCommand[] = [
  help,
  askPolicy,
  registerSystem,
  reportShadowAi,
  addNote,
  recordExternalNotification,
  showIncident,
  listIncidents,
  reportIncident,
  myActions,
  completeAction,
  mySystems,
  userDocumentation,
  systemRecord,
  systemAliases,
  outOfDate,
  updateSystem,
  systemChanges,
  lifecycleStage,
  lifecycleRecords,
  riskRegister,
  assessRisk,
  treatRisk,
  treatmentActions,
  signOffResidualRisk,
  assessImpact,
  showImpact,
  statementOfApplicability,
  gapAnalysis,
  gapReport,
  scope,
  objectives,
  measureObjective,
  readiness,
  context,
  nonconformities,
  suppliers,
  datasets,
  resources,
  customerObligations,
  schedule,
  reviewRecord,
  evidencePack,
  training,
  digest,
  policyQuestions,
  policyDocuments,
  approvePolicyDocument,
  editPolicyDocument,
  acknowledgementCampaigns,
  acknowledgePolicy,
  people,
  changeRole,
  setManager,
  unconfirmedImports,
  noticeRoutes,
];

/** The command a text is, if any, among all the commands. */
export const findChatCommand = (text: string) => findCommand(text, chatCommands);
