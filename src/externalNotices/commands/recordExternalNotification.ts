import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { isExternalNotificationRequest } from "../externalNoticeUseCases.js";

export const recordExternalNotification = defineCommand({
  name: "notified",
  group: "Incidents and actions",
  usage: "notified INC-0007",
  help: "records who outside (regulator, customer, affected people, supplier) was told about an incident",
  verbs: ["notified"],
  allowed: (viewer) => couldAct(viewer, "edit", "incident"),
  matches: isExternalNotificationRequest,
  run: viaUseCase((use) => use.externalNotices),
});
