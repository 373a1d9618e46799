// AI risk assessment (ISO/IEC 42001 6.1.2) through the local chat's HTTP API with the demo
// organisation: owners assess their systems' risks, the governance team decides acceptances.
import { beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { buildTable, renderTable } from "../../src/export/recordExport.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";
import { displayDate } from "../../src/domain/dateDisplay.js";

interface Assessment {
  likelihood: string;
  /** Safety, financial, reputational, regulatory, ethical, environmental. */
  impacts: [string, string, string, string, string, string];
  treatment: string;
  controls: string;
  residual: [string, string];
}

describe("assessing AI risks in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const systems = new Map<string, string>();

  beforeAll(async () => {
    for (const system of await chat.database.prisma.aiSystem.findMany()) systems.set(system.name, system.reference);
  });

  const { turn, say, click } = chat;
  const find = firstOfKind;
  const last = (messages: OutgoingMessage[]) => messages.at(-1)!;
  const noticesOf = async (person: string) =>
    (await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get(person)}`)).json()) as { audience: string; kind: string; subject: string; text: string; actions: { label: string; input: unknown }[] }[];

  /** Answers every question after the system, up to the review summary. */
  const answer = (person: string, given: Assessment) =>
    say(person, "1", "1", "The model could rank claims from older customers lower", given.likelihood, ...given.impacts, given.treatment, "Explained in the annual model review", given.controls, ...given.residual, "in 3 months");

  const acceptHighRisk: Assessment = { likelihood: "3", impacts: ["1", "4", "3", "2", "2", "1"], treatment: "accept", controls: "A.6.2.4, a.7.4", residual: ["2", "4"] };

  it("takes an owner's acceptance to the governance team, who approve it from the notice, and tells the owner", async () => {
    const copilot = systems.get("GitHub Copilot")!;
    const opening = await say("kenji", `assess risk ${copilot}`);
    expect(opening.map((message) => ("text" in message ? message.text : "")).join("\n")).toContain(`I have filled in AI system: GitHub Copilot (${copilot})`);
    expect(last(opening)).toMatchObject({ kind: "question", stepId: "direction" });

    // An unknown control is named in the message; the question stays and nothing answered so far is lost.
    const wrongControl = await say("kenji", "1", "1", "The model could rank claims from older customers lower", "3", "1", "4", "3", "2", "2", "1", "accept", "Explained in the annual model review", "A.6.2.4, A.99");
    expect(find(wrongControl, "error")!.text).toBe('I don\'t know the Annex A control "A.99". A.6.2.4 is fine. Controls look like A.6.2.4; please type the list again, or "skip" if none apply.');
    expect(last(wrongControl)).toMatchObject({ kind: "question", stepId: "controls" });
    const summary = last(await say("kenji", "A.6.2.4, a.7.4", "2", "4", "in 3 months")) as Extract<OutgoingMessage, { kind: "summary" }>;
    expect(summary.title).toBe("Please check your risk assessment: score 12 high, residual 8 medium");
    const fields = Object.fromEntries(summary.fields.map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({ "Financial impact": "4 – Major", Treatment: "Accept", "Annex A controls": "A.6.2.4 Verifying and validating the AI system; A.7.4 Defining and meeting data quality" });

    const done = find(await say("kenji", "confirm"), "done")!;
    expect(done.reference).toBe("RSK-0004");
    expect(done.lines).toEqual(expect.arrayContaining(["Likelihood 3 (possible) × worst impact 4 (financial) = 12, which is high (10–16).", "Status: Acceptance awaiting governance approval."]));

    const request = (await noticesOf("amara")).find((notice) => notice.kind === "risk_acceptance_requested")!;
    expect(request).toMatchObject({ audience: "role:governance", subject: "Risk acceptance to decide: RSK-0004 (High)" });
    expect(request.actions.map((action) => action.input)).toEqual(
      expect.arrayContaining([
        { kind: "record_action", reference: "RSK-0004", action: "approve_acceptance" },
        { kind: "record_action", reference: "RSK-0004", action: "reject_acceptance" },
      ]),
    );
    // The owner can't decide their own acceptance; the pending risk offers the governance team the buttons.
    expect(find(await click("kenji", "RSK-0004", "approve_acceptance"), "error")!.text).toBe("Only the governance team can approve risk assessments of this system.");
    expect(find(await say("amara", "risk RSK-0004"), "notice")!.actions.map((action) => action.label)).toEqual(["Approve acceptance", "Reject acceptance"]);

    const approved = await click("amara", "RSK-0004", "approve_acceptance");
    expect(find(approved, "text")!.text).toBe("Approved: RSK-0004 is accepted and stays open. Kenji Tan has been told.");
    const view = find(approved, "notice")!;
    expect(view.text).toMatch(/Status: Open \(treatment in force\)\.\nAssessed by Kenji Tan on \d{1,2} [A-Z][a-z]+ \d{4}\.\nAcceptance approved by Amara Okafor/);
    expect(view.text).toContain("Annex A controls: A.6.2.4 Verifying and validating the AI system; A.7.4 Defining and meeting data quality.");
    expect(view.text).toContain("Residual likelihood 2 (unlikely) × residual impact 4 (major) = 8, which is medium (5–9).");
    expect(view.actions).toEqual([]);
    expect(find(await click("lukas", "RSK-0004", "approve_acceptance"), "error")!.text).toMatch(/RSK-0004 is not waiting for an acceptance decision/);

    const told = (await noticesOf("kenji")).find((notice) => notice.kind === "risk_acceptance_approved")!;
    expect(told).toMatchObject({ audience: `person:${people.get("kenji")}`, subject: "Risk acceptance approved: RSK-0004" });

    const risk = await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: "RSK-0004" } });
    expect(risk).toMatchObject({ score: 12, level: "high", residualScore: 8, residualLevel: "medium", status: "open", controls: ["A.6.2.4", "A.7.4"], acceptanceDecidedById: people.get("amara") });
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityType: "Risk", entityId: risk.id }, orderBy: { id: "asc" } });
    expect(history.map((entry) => `${entry.action} by ${entry.actorLabel} via ${entry.channel}`)).toEqual(["create by Kenji Tan via local_chat", "status_change by Amara Okafor via local_chat"]);
    expect(history[1]!.changes).toMatchObject({ status: { from: "acceptance_pending", to: "open" }, acceptanceDecidedById: { from: null, to: people.get("amara") } });
  });

  it("rejects an acceptance with a reason the assessor reads", async () => {
    await say("sofia", `assess risk ${systems.get("Claims Fast-Track Triage")}`);
    const reference = find(await answer("sofia", acceptHighRisk).then(() => say("sofia", "confirm")), "done")!.reference;
    const asked = await click("lukas", reference, "reject_acceptance");
    expect(last(asked)).toMatchObject({ kind: "question", stepId: "reason" });
    const done = find(await say("lukas", "A high financial impact must be mitigated: add a human check of declined claims", "confirm"), "done")!;
    expect(done.title).toBe(`${reference}: acceptance rejected`);

    const risk = await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference } });
    expect(risk).toMatchObject({ status: "acceptance_rejected", acceptanceDecidedById: people.get("lukas"), acceptanceDecisionNote: "A high financial impact must be mitigated: add a human check of declined claims" });
    const told = (await noticesOf("sofia")).find((notice) => notice.kind === "risk_acceptance_rejected")!;
    expect(told.text).toContain("Lukas Brandt rejected accepting");
    expect(told.text).toContain("add a human check of declined claims");
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityType: "Risk", entityId: risk.id }, orderBy: { id: "asc" } });
    expect(history.map((entry) => entry.action)).toEqual(["create", "status_change"]);
  });

  it("refuses a member, at the command and at the summary, and stores nothing", async () => {
    const before = await chat.database.prisma.risk.count();
    expect(find(await say("tom", `assess risk ${systems.get("Claims Fast-Track Triage")}`), "error")!.text).toBe("Only the governance team or the owner can record risk assessments of this system.");
    expect(find(await say("tom", "assess risk"), "error")!.text).toMatch(/^Only the governance team or the owner can record risk assessments of this system\. You don't own any AI system/);
    expect(find(await say("tom", "risks"), "error")!.text).toMatch(/^The risk register is for the governance team, auditors, managers and system owners/);

    // A member cannot start it at all (a forged button is refused before any question).
    const started = await turn("tom", { kind: "start", flowId: "assess_risk" });
    expect(find(started, "question")).toBeUndefined();
    expect(find(started, "error")!.text).toBe("Only the governance team or the owner can record risk assessments of this system.");
    // An owner of other systems can start, and is refused at the summary for a system they don't own.
    await turn("marcus", { kind: "start", flowId: "assess_risk" });
    await say("marcus", "Claims Fast-Track Triage");
    await answer("marcus", acceptHighRisk);
    const refused = await say("marcus", "confirm");
    expect(find(refused, "error")!.text).toBe("Only the governance team or the owner can record risk assessments of this system.");
    expect(last(refused).kind).toBe("summary");
    expect(await chat.database.prisma.risk.count()).toBe(before);
    await say("marcus", "cancel");
  });

  it("refuses a residual risk above the inherent one at the summary, keeps the answers, and saves once corrected", async () => {
    await say("amara", `assess risk ${systems.get("GitHub Copilot")}`);
    const summary = last(await answer("amara", { likelihood: "2", impacts: ["1", "2", "1", "2", "1", "1"], treatment: "accept", controls: "skip", residual: ["3", "3"] }));
    expect(summary).toMatchObject({ kind: "summary", title: "Please check your risk assessment: score 4 low, residual 9 medium" });
    const refused = await say("amara", "confirm");
    expect(find(refused, "error")!.text).toBe(
      "The residual risk (score 9) can't be higher than the risk before treatment (score 4): a treatment does not make a risk worse. Please edit the residual likelihood or residual impact.",
    );
    const kept = last(refused) as Extract<OutgoingMessage, { kind: "summary" }>;
    expect(kept.fields.find((field) => field.label === "Description")!.value).toBe("The model could rank claims from older customers lower");

    const corrected = last(await say("amara", "edit residual likelihood", "1"));
    expect(corrected).toMatchObject({ kind: "summary", title: "Please check your risk assessment: score 4 low, residual 3 low" });
    const done = find(await say("amara", "confirm"), "done")!;
    // A governance member's own assessment is the acceptance decision.
    expect(done.lines).toContain("As a governance member, your assessment also approves accepting it.");
    expect(await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: done.reference } })).toMatchObject({ status: "open", controls: [], acceptanceDecidedById: people.get("amara") });
  });

  it("shows each person the part of the register they may see", async () => {
    const all = find(await say("daniel", "risks"), "record_list")!;
    expect(all.title).toBe("AI risk register");
    // RSK-0001…0003 are the demo organisation's, behind its high-tier approvals.
    expect(all.items.map((item) => item.reference).sort()).toEqual(["RSK-0001", "RSK-0002", "RSK-0003", "RSK-0004", "RSK-0005", "RSK-0006"]);
    expect(all.items.find((item) => item.reference === "RSK-0004")!.text).toBe(`High (12) → residual medium (8) · ${systems.get("GitHub Copilot")} GitHub Copilot · Biased or unfair outputs · accept · open (treatment in force) · review ${displayDate((await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: "RSK-0004" } })).reviewDate)}`);

    const own = find(await say("sofia", "risks"), "record_list")!;
    expect(own.title).toBe("Risks of your AI systems");
    expect(own.items.map((item) => item.reference).sort()).toEqual(["RSK-0002", "RSK-0003", "RSK-0005"]);
    expect(find(await say("sofia", "risk RSK-0004"), "error")!.text).toMatch(/^Only the governance team, auditors, the owner or managers can see/);
    expect(find(await say("sofia", `risks ${systems.get("GitHub Copilot")}`), "error")).toBeDefined();

    const copilot = find(await say("kenji", `risks ${systems.get("GitHub Copilot")}`), "record_list")!;
    expect(copilot.items.map((item) => item.reference)).toEqual(["RSK-0004", "RSK-0006"]);
    expect(find(await say("amara", "risk RSK-0999"), "error")!.text).toBe("There is no risk RSK-0999.");
  });

  it("exports the register with the system, the people and the latest change", async () => {
    const table = await buildTable(chat.database.prisma, "risks");
    expect(table.columns).toEqual(expect.arrayContaining(["reference", "score", "level", "residualScore", "controls", "systemReference", "assessorName", "acceptanceDecidedByName", "lastChangeAction"]));
    const first = table.rows.find((row) => row.reference === "RSK-0004")!;
    expect(first).toMatchObject({ systemName: "GitHub Copilot", assessorName: "Kenji Tan", acceptanceDecidedByName: "Amara Okafor", lastChangedBy: "Amara Okafor", lastChangeAction: "status_change" });
    const markdown = renderTable(table, "md").split("\n");
    expect(markdown).toHaveLength(table.rows.length + 3);
    expect(renderTable(table, "csv")).toContain("A.6.2.4; A.7.4");
  });

  it("reminds the system's owner before a risk's review date", async () => {
    const risk = await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: "RSK-0004" } });
    const weekBefore = new Date(risk.reviewDate.getTime() - 7 * 24 * 60 * 60 * 1000 + 12 * 60 * 60 * 1000);
    await queueReminders(chat.database.prisma, weekBefore, { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 });
    const reminder = await chat.database.prisma.notification.findFirstOrThrow({ where: { recordRef: "risk:RSK-0004", kind: "reminder" } });
    expect(reminder).toMatchObject({ audience: `person:${people.get("kenji")}`, subject: `Reminder: The review of risk RSK-0004 on ${systems.get("GitHub Copilot")} GitHub Copilot` });
    expect(find(await turn("sofia", { kind: "reminder_action", item: "risk:RSK-0004", action: "snooze_day" }), "error")!.text).toMatch(/^This reminder is for someone else/);
    expect(find(await turn("kenji", { kind: "reminder_action", item: "risk:RSK-0004", action: "snooze_day" }), "text")!.text).toMatch(/^Snoozed until/);

    // The owner reviews it: the next review is set by the residual level, and the change is in the history.
    expect(JSON.stringify(reminder.actions)).toContain('"action":"reviewed"');
    expect(find(await click("sofia", "RSK-0004", "reviewed"), "error")!.text).toBe("Only the governance team or the owner can change risk assessments of this system.");
    const reviewed = find(await click("kenji", "RSK-0004", "reviewed"), "text")!.text;
    const after = await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: "RSK-0004" } });
    expect(after.reviewDate.getTime()).toBeGreaterThan(risk.reviewDate.getTime());
    expect(reviewed).toBe(`Thank you: the review of RSK-0004 is recorded. The next one is due on ${displayDate(after.reviewDate)}.`);
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityRef: "RSK-0004" }, orderBy: { id: "desc" }, take: 1 });
    expect(Object.keys(history[0]!.changes as object)).toEqual(["reviewDate"]);
  });
});
