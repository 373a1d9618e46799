import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { flowIds } from "../../conversations/flowIds.js";

const request = /^(report|incident|report (an? |the )?(ai )?incident)(:| -)?(\s+(?<description>.+))?$/;

export const reportIncident = defineCommand({
  name: "report",
  group: "Report and register",
  usage: "report [what happened]",
  help: "report an AI incident (in private)",
  verbs: ["report", "incident"],
  route: "report_incident",
  matches: (text) => request.test(text) && !/^incidents?\s+inc[-\s]?\d/.test(text),
  async run(text) {
    const description = request.exec(text.trim().replace(/[.!]+$/, ""))?.groups?.description?.trim();
    return { start: { flowId: flowIds.reportIncident, prefill: description && description.split(/\s+/).length >= 3 ? { description } : {} } };
  },
});
