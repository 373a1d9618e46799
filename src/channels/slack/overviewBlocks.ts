// `/aims my` and App Home, in Block Kit. Confidential incidents appear as reference and severity only.
import type { KnownBlock } from "@slack/types";
import { aiSystemStatusLabels, incidentStatusLabels, riskTierLabels, severityLabels } from "../../domain/labels.js";
import type { PersonalOverview } from "../../store/personalOverview.js";
import { actionIds, withUniqueActionIds } from "./actionIds.js";
import { button, escape, section } from "./blockKit.js";
import { displayDateOr } from "../../domain/dateDisplay.js";

const date = (value: Date | null) => displayDateOr(value, "not set");

export function overviewBlocks(overview: PersonalOverview): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  blocks.push(section(`*Your AI systems* (${overview.ownedSystems.length})`));
  blocks.push(
    section(
      overview.ownedSystems.length === 0
        ? "_You don't own any registered AI system._"
        : overview.ownedSystems
            .map((system) => `• *${system.reference}* ${escape(system.name)}: ${aiSystemStatusLabels[system.status]}, ${system.riskTier ? riskTierLabels[system.riskTier] : "no"} risk tier, review ${date(system.nextReviewDate)}`)
            .join("\n"),
    ),
  );
  if (overview.reviewsDue.length > 0) blocks.push(section(`:alarm_clock: *Reviews due:* ${overview.reviewsDue.map((system) => system.reference).join(", ")}`));
  blocks.push(section(`*Unfinished drafts:* ${overview.drafts.length === 0 ? "none" : `${overview.drafts.length} (open our direct message to continue)`}`));
  blocks.push(
    section(
      `*Your open incident reports:* ${
        overview.myIncidents.length === 0 ? "none" : overview.myIncidents.map((incident) => `${incident.reference}: ${severityLabels[incident.severity]}, ${incidentStatusLabels[incident.status].toLowerCase()}`).join("; ")
      }`,
    ),
  );
  if (overview.governance) {
    blocks.push({ type: "divider" }, section("*Governance: latest incidents*"));
    blocks.push(
      section(
        overview.governance.latestIncidents.length === 0
          ? "_No incidents yet._"
          : overview.governance.latestIncidents
              .map((incident) =>
                incident.confidential
                  ? `• *${incident.reference}* ${severityLabels[incident.severity]}, confidential`
                  : `• *${incident.reference}* ${severityLabels[incident.severity]}, ${incidentStatusLabels[incident.status]}: ${escape(incident.description.slice(0, 120))}`,
              )
              .join("\n"),
      ),
    );
    blocks.push(section("*Governance: systems awaiting review*"));
    blocks.push(
      section(
        overview.governance.awaitingReview.length === 0
          ? "_Nothing awaits review._"
          : overview.governance.awaitingReview.map((system) => `• *${system.reference}* ${escape(system.name)} (${aiSystemStatusLabels[system.status]})`).join("\n"),
      ),
    );
  }
  return blocks;
}

/** `setupChecklist`: what the installation still lacks, shown to governance members until it is done. */
export function homeView(overview: PersonalOverview, flows: { flowId: string; label: string }[], setupChecklist: string[] = []) {
  return {
    type: "home" as const,
    blocks: withUniqueActionIds([
      { type: "header", text: { type: "plain_text", text: "AIMS Assistant" } },
      ...(setupChecklist.length > 0 ? [section(`*Setup checklist* (run \`npx aims doctor\` on the server for details)\n${escape(setupChecklist.join("\n"))}`), { type: "divider" }] : []),
      section("Register AI systems, report AI incidents and keep our AI management system up to date."),
      {
        type: "actions",
        elements: [...flows.map((flow) => button(flow.label, actionIds.start, flow.flowId)), button("Register with a form", actionIds.startForm, "form")],
      },
      { type: "divider" },
      ...overviewBlocks(overview),
    ] as KnownBlock[]),
  };
}
