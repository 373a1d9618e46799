// Risk treatment actions through the local chat's HTTP API, over the demo organisation: planned with
// control, owner and due date, chased by reminders, and the residual risk signed off once they are done.
import { beforeAll, describe, expect, it } from "vitest";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { personAudience } from "../../src/store/notifications.js";
import { firstOfKind as find, useLocalChat } from "../support/localChatSession.js";

const reminderSettings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };

describe("risk treatment actions in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  let pricingRisk: string; // the demo risk on the Home Insurance Pricing Model (owner Sofia), one action open
  let voiceRisk: string; // the demo risk on voice authentication, treated and signed off

  beforeAll(async () => {
    const riskOf = async (name: string) => (await chat.database.prisma.risk.findFirstOrThrow({ where: { system: { name } } })).reference;
    pricingRisk = await riskOf("Home Insurance Pricing Model");
    voiceRisk = await riskOf("Contact Centre Voice Authentication");
  });

  const { say, click, turn } = chat;

  it("shows the demo organisation's treatment plans, with a residual risk signed off", async () => {
    const voice = find(await say("daniel", `treatment ${voiceRisk}`), "notice")!.text;
    expect(voice).toMatch(/• TRA-0001 A\.7\.3: .* · Priya Raman · due 31 July 2026 · done 20 July 2026/);
    expect(voice).toContain("Residual risk signed off by Priya Raman on 1 September 2026.");
    const pricing = find(await say("sofia", `treatment ${pricingRisk}`), "notice")!;
    expect(pricing.text).toMatch(/TRA-0004 A\.6\.2\.6: .* · Sofia Alvarez · due 20 December 2026 · open/);
    expect(pricing.text).toMatch(/^Treatment: Mitigate\. Residual: /m);
    expect(pricing.actions.map((action) => action.label)).toEqual(["Mark TRA-0004 done"]);
    expect(find(await say("tom", `treatment ${pricingRisk}`), "error")).toBeDefined();
  });

  it("plans an action with its control, owner and due date, and tells the owner", async () => {
    expect(find(await say("tom", `treat ${pricingRisk}`), "error")!.text).toMatch(/^Only the owner of AIS-\d{4} or the governance team can plan the treatment/);
    const first = find(await say("sofia", `treat ${pricingRisk}`), "question")!;
    expect(first.stepId).toBe("control");
    await say("sofia", "A.7.4", "Quarterly check that external flood-map data matches the insurer's own claims experience", "Kenji Tan", "2027-01-29");
    const done = find(await say("sofia", "confirm"), "done")!;
    expect(done.reference).toBe("TRA-0005");
    expect(done.lines[0]).toBe('Kenji Tan puts in place "A.7.4" by 29 January 2027 and has been told.');
    const told = await chat.database.prisma.notification.findFirstOrThrow({ where: { audience: personAudience(people.get("kenji")!), kind: "treatment_action_assigned" } });
    expect(told.actions).toEqual([{ label: "Mark done", input: { kind: "record_action", reference: "TRA-0005", action: "done" } }]);
    expect((await chat.database.prisma.changeLog.findFirstOrThrow({ where: { entityType: "TreatmentAction", entityRef: "TRA-0005" } })).actorLabel).toBe("Sofia Alvarez");
  });

  it("chases open actions with reminders, like corrective actions", async () => {
    await queueReminders(chat.database.prisma, new Date("2027-01-22T12:00:00Z"), reminderSettings);
    const reminder = await chat.database.prisma.notification.findFirstOrThrow({ where: { kind: "reminder", recordRef: "treatment:TRA-0005" } });
    expect(reminder.audience).toBe(personAudience(people.get("kenji")!));
    expect(reminder.subject).toMatch(/^Reminder: Risk treatment action TRA-0005/);
    expect(find(await turn("sofia", { kind: "reminder_action", item: "treatment:TRA-0005", action: "snooze_day" }), "error")!.text).toMatch(/^This reminder is for someone else/);
    expect(find(await say("kenji", "treatment actions"), "record_list")!.items.map((item) => item.reference)).toEqual(["TRA-0005"]);
  });

  it("signs off the residual risk only once every action is done", async () => {
    expect(find(await say("sofia", `sign off ${pricingRisk}`), "error")!.text).toBe(`${pricingRisk} still has 2 open treatment actions (TRA-0004, TRA-0005); sign off the residual risk once they are done.`);
    expect(find(await click("tom", "TRA-0004", "done"), "error")!.text).toBe("Only the owner of TRA-0004 or the governance team can mark it done.");
    expect(find(await click("sofia", "TRA-0004", "done"), "text")!.text).toBe(`TRA-0004 is done. Thank you! 1 more open on ${pricingRisk}.`);
    expect(find(await say("kenji", "TRA-5 done"), "text")!.text).toBe(`TRA-0005 is done. Thank you! Every action of ${pricingRisk} is done: its residual risk can be signed off ("sign off ${pricingRisk}").`);
    expect(find(await say("tom", `sign off ${pricingRisk}`), "error")!.text).toMatch(/^Only the owner of AIS-\d{4} or the governance team can sign off/);
    expect(find(await say("sofia", `sign off ${pricingRisk}`), "text")!.text).toMatch(new RegExp(`^The residual risk of ${pricingRisk} \\(medium, score 6\\) is signed off by you today\\.$`));
    const risk = await chat.database.prisma.risk.findUniqueOrThrow({ where: { reference: pricingRisk } });
    expect(risk.residualSignedOffById).toBe(people.get("sofia"));
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityType: "Risk", entityRef: pricingRisk }, orderBy: { id: "desc" }, take: 1 });
    expect(Object.keys(history[0]!.changes as object)).toEqual(expect.arrayContaining(["residualSignedOffById", "residualSignedOffAt"]));
    expect(find(await say("amara", `sign off ${pricingRisk}`), "error")!.text).toMatch(/was signed off by Sofia Alvarez on/);
  });

  it("exports the treatment actions and sign-offs in the evidence pack", async () => {
    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    expect((pack.find((file) => file.path === "README.md")!.content as string)).toMatch(/\| Risk treatment actions and residual sign-off \| [^|]+ \| 5 \| risk-treatment-actions\.md/);
    const rows = JSON.parse((pack.find((file) => file.path === "risk-treatment-actions.json")!.content as string)) as { reference: string; status: string; residualSignedOffBy: string | null }[];
    expect(rows.map((row) => [row.reference, row.status])).toEqual([["TRA-0001", "done"], ["TRA-0002", "done"], ["TRA-0003", "done"], ["TRA-0004", "done"], ["TRA-0005", "done"]]);
    expect(rows.find((row) => row.reference === "TRA-0005")!.residualSignedOffBy).toBe("Sofia Alvarez");
  });
});
