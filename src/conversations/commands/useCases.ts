// What commands act through: each feature's use cases (access check, store call, notices), so that
// a command file holds only its words, its help line and which use case it calls.
import type { Viewer } from "../../domain/accessPolicy.js";
import type { OutgoingMessage, Speaker } from "../messages.js";
import type { CommandHelpEntry } from "./commandHelpEntry.js";

export type { TextUseCases, UseCaseOutcome } from "../useCaseOutcome.js";
import type { TextUseCases } from "../useCaseOutcome.js";

export interface UseCases {
  incidents: TextUseCases;
  training: TextUseCases;
  risks: TextUseCases;
  impact: TextUseCases;
  approvals: TextUseCases;
  aliases: TextUseCases;
  soa: TextUseCases;
  gap: TextUseCases;
  schedule: TextUseCases;
  reviews: TextUseCases;
  nonconformities: TextUseCases;
  digest: TextUseCases;
  evidencePack: TextUseCases;
  people: TextUseCases;
  importedSystems: TextUseCases;
  routes: TextUseCases;
  policyQuestions: TextUseCases;
  scope: TextUseCases;
  objectives: TextUseCases;
  readiness: TextUseCases;
  externalNotices: TextUseCases;
  userDocumentation: TextUseCases;
  suppliers: TextUseCases;
  changeControl: TextUseCases;
  policyDocuments: TextUseCases;
  treatment: TextUseCases;
  context: TextUseCases;
  datasets: TextUseCases;
  resources: TextUseCases;
  customerObligations: TextUseCases;
  lifecycle: TextUseCases;
  inventory: { systemsFor(viewer: Viewer): Promise<OutgoingMessage> };
  /** The flows this person can start, as a menu with buttons. */
  menu(text: string, speaker: Speaker): OutgoingMessage;
  /** Every command, for `help`. */
  commands(): readonly CommandHelpEntry[];
}
