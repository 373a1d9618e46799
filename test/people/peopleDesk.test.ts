// People and roles in chat: who may list and change them, and how someone is named (a Teams
// mention, a Slack mention, an e-mail address), on the demo organisation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversations/messages.js";
import { createHarness, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const backend = backends.at(-1)!;
const text = (reply: Reply) => reply.messages.map((message) => ("text" in message ? message.text : "title" in message ? `${message.title} ${JSON.stringify(message)}` : "")).join("\n");

describe(`people and roles in chat (${backend})`, () => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  }, 120_000);
  afterAll(async () => database?.dispose());

  const rolesOf = async (email: string) => (await harness.store.people.byEmail(email))!.roles;

  it("lists everyone for governance and auditors, and refuses members", async () => {
    expect(text(await harness.user("amara").say("people"))).toMatch(/People and their roles[\s\S]*Tom Gallagher · member · manager priya\.raman@northwind\.example/);
    expect(text(await harness.user("daniel").say("people"))).toMatch(/People and their roles/);
    expect(text(await harness.user("tom").say("people"))).toBe("Only the governance team and auditors can see everyone's roles.");
  });

  it("grants and revokes by Teams mention or e-mail, and only for governance", async () => {
    expect(text(await harness.user("amara").say("grant <at>Tom Gallagher</at> auditor"))).toMatch(/Granted auditor to Tom Gallagher\. Their roles: member, auditor/);
    expect(await rolesOf("tom.gallagher@northwind.example")).toEqual(["member", "auditor"]);
    expect(text(await harness.user("amara").say("revoke tom.gallagher@northwind.example auditor"))).toMatch(/Revoked auditor from Tom Gallagher/);
    expect(text(await harness.user("daniel").say("grant leila.haddad@northwind.example governance"))).toBe("Only the governance team can grant or revoke roles.");
    expect(await rolesOf("leila.haddad@northwind.example")).toEqual(["member"]);
    expect(text(await harness.user("amara").say("grant <@U0NOBODY> auditor"))).toMatch(/I don't know <@U0NOBODY> yet/);
    expect(text(await harness.user("amara").say("grant <at>Nobody Here</at> auditor"))).toMatch(/I don't know Nobody Here yet/);
  });

  it("refuses a loop of managers and keeps the last governance member", async () => {
    expect(text(await harness.user("amara").say("manager of priya.raman@northwind.example is tom.gallagher@northwind.example"))).toMatch(/Priya Raman is already above Tom Gallagher/);
    expect(text(await harness.user("amara").say("manager of tom.gallagher@northwind.example is sofia.alvarez@northwind.example"))).toMatch(/Sofia Alvarez is now Tom Gallagher's manager/);
    expect(text(await harness.user("amara").say("revoke lukas.brandt@northwind.example governance"))).toMatch(/Revoked governance from Lukas Brandt/);
    expect(text(await harness.user("amara").say("revoke amara.okafor@northwind.example governance"))).toMatch(/Amara Okafor is the only governance member/);
    const history = await harness.store.history.of("person", (await harness.store.people.byEmail("tom.gallagher@northwind.example"))!.id);
    expect(history.map((entry) => [entry.actorLabel, entry.channel, Object.keys(entry.changes as object)])).toEqual([
      ["Amara Okafor", "local_chat", ["roles"]],
      ["Amara Okafor", "local_chat", ["roles"]],
      ["Amara Okafor", "local_chat", ["manager"]],
    ]);
  });
});
