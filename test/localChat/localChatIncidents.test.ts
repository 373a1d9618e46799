// The incident lifecycle through the local chat's HTTP API, as the browser page drives it.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage, TurnInput } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe("handling an incident in the local chat", () => {
  let database: TestDatabase;
  let service: RunningService;
  const people = new Map<string, string>();

  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "on" }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
  });

  async function turn(person: string, input: TurnInput): Promise<OutgoingMessage[]> {
    const response = await fetch(`${service.url}/chat/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: people.get(person), conversationId: `local-${person}`, input }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutgoingMessage[] }).messages;
  }
  const say = (person: string, ...texts: string[]) => texts.reduce<Promise<OutgoingMessage[]>>(async (previous, text) => (await previous, turn(person, { kind: "text", text })), Promise.resolve([]));
  const click = (person: string, reference: string, action: string) => turn(person, { kind: "incident_action", reference, action });
  const find = <K extends OutgoingMessage["kind"]>(messages: OutgoingMessage[], kind: K) => messages.find((message) => message.kind === kind) as Extract<OutgoingMessage, { kind: K }> | undefined;

  it("takes an incident from report to closed with every transition, a corrective action and the lessons-learned review", async () => {
    await turn("leila", { kind: "start", flowId: "report_incident" });
    await say("leila", "skip", "The claims triage model sent every claim from one postcode to fraud review", "bias", "yesterday", "claimants in one postcode", "yes", "sev2", "skip", "no", "no");
    const reference = find(await say("leila", "confirm"), "done")!.reference;

    const list = find(await say("amara", "incidents"), "record_list")!;
    expect(list.items.find((item) => item.reference === reference)?.text).toMatch(/^SEV2.*reported.*not assigned/);
    const acknowledged = find(await click("amara", reference, "acknowledge"), "incident")!;
    expect(acknowledged.actions.map((action) => action.label)).toContain("Start investigation");
    await click("amara", reference, "assign");
    await say("amara", "Kenji", "confirm");
    await click("kenji", reference, "start_investigation");
    await say("kenji", `evidence ${reference} https://tickets.example/CLM-9 postcode rule found in the feature set`);
    await click("kenji", reference, "contain");
    await say("kenji", "Postcode feature removed; flagged claims re-reviewed", "confirm");
    await click("kenji", reference, "raise_action");
    await say("kenji", "Add a proxy-variable review to model validation", "me", "in 3 weeks", "confirm");
    await click("kenji", reference, "resolve");
    const resolved = await say("kenji", "Postcode acted as a proxy for ethnicity", "Affected claims re-reviewed by handlers", "skip", "confirm");
    expect(find(resolved, "done")!.lines).toContain("Status: Resolved.");
    await click("amara", reference, "close");
    const closed = await say("amara", "The proxy review starts with the next model release", "Re-ran fairness tests across postcodes: within tolerance", "Claims from one postcode were over-flagged", "A proxy variable", "Proxy review is part of validation", "confirm");
    expect(find(closed, "done")!.lines).toContain("Status: Closed.");

    const view = find(await say("leila", reference), "incident")!;
    expect(view.lines.join("\n")).toMatch(/Root cause: Postcode acted as a proxy for ethnicity[\s\S]*Corrective action CA-\d{4} \(open\)[\s\S]*Lessons learned/);
    expect(view.timeline.map((entry) => entry.text.split(/[.:]/)[0])).toEqual([
      "Reported", "Acknowledged; handled by Amara Okafor", "Assigned to Kenji Tan", "Investigation started", "postcode rule found in the feature set", "Contained",
      "Corrective action CA-0001 raised", "Resolved", "Closed",
    ]);
    expect(view.timeline[4]).toMatchObject({ who: "Kenji Tan", link: "https://tickets.example/CLM-9" });
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { reference } });
    const history = await database.prisma.changeLog.findMany({ where: { entityId: incident.id }, orderBy: { id: "asc" } });
    expect(history.map((entry) => `${entry.actorLabel}/${entry.channel}/${(entry.changes as Record<string, { to: unknown }>).status?.to ?? "-"}`)).toEqual([
      "Leila Haddad/local_chat/reported", "Amara Okafor/local_chat/triaged", "Amara Okafor/local_chat/-", "Kenji Tan/local_chat/investigating",
      "Kenji Tan/local_chat/contained", "Kenji Tan/local_chat/resolved", "Amara Okafor/local_chat/closed",
    ]);
    // The reporter's notifications panel says what happened to their report.
    const notices = (await (await fetch(`${service.url}/chat/api/notifications?personId=${people.get("leila")}`)).json()) as { subject: string }[];
    expect(notices.map((notice) => notice.subject)).toEqual(expect.arrayContaining([`Your report ${reference} was acknowledged`, `Your report ${reference} is closed`]));
  });

  it("answers an unknown action or incident with a clear message, and a malformed one with 400", async () => {
    expect(find(await click("amara", "INC-0999", "acknowledge"), "error")!.text).toBe("There is no incident INC-0999.");
    expect(find(await click("amara", "INC-0001", "explode"), "error")!.text).toBe('I don\'t know the action "explode".');
    const bad = await fetch(`${service.url}/chat/api/turn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ personId: people.get("amara"), input: { kind: "incident_action", reference: 7 } }) });
    expect(bad.status).toBe(400);
  });
});
