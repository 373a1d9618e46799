// The first day of a real organisation, through the real entry points: the service process with Slack
// configured (its Web API a fake on loopback), an empty data folder, and the `aims` commands an
// installer runs beside it: on the embedded default (the commands use the server the service runs) and,
// when TEST_DATABASE_URL is set, on a PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "../support/fakeSlackApi.js";
import { projectRoot, runAims, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { blockAction, eventCallback, interaction, postToSlackEndpoint } from "../support/slackRequests.js";
import { buttonValue, messageText, messageTs } from "../support/slackService.js";
import { backends, createPostgresDatabase } from "../support/testDatabase.js";
import { manifestScopes } from "../../src/setup/setupChecks.js";

const signingSecret = "first-day-signing-secret";
const domain = "acme.example";
const zones = ["Europe/London", "Europe/Berlin", "America/New_York", "Asia/Singapore"];

/** 20 people: a governance lead, 4 managers each managing 3–4 people, and the rest owners or members. */
const people = Array.from({ length: 20 }, (_, index) => {
  const n = index + 1;
  const email = `person${String(n).padStart(2, "0")}@${domain}`;
  const roles = n === 1 ? "governance" : n <= 5 ? "manager" : n <= 11 ? "owner" : n === 12 ? "auditor" : "member";
  const manager = n === 1 ? "" : n <= 5 ? `person01@${domain}` : `person0${2 + ((n - 6) % 4)}@${domain}`;
  return { n, email, name: `Person ${n}`, roles, manager, zone: zones[index % zones.length]!, slackId: `U0P${String(n).padStart(2, "0")}` };
});
const governanceLead = people[0]!;
const managers = people.filter((person) => person.roles === "manager");
const owners = people.filter((person) => person.roles === "owner");
const reporter = people[15]!;

/** 15 systems owned by the 6 owners; every fifth one lacks its tier answers (incomplete). */
const systems = Array.from({ length: 15 }, (_, index) => {
  const owner = owners[index % owners.length]!;
  const complete = index % 5 !== 4;
  return [
    `System ${index + 1}`,
    owner.email,
    `Helps team ${index + 1}`,
    "VendorCo",
    "third_party_service",
    "in_production",
    complete ? "Staff read its suggestions" : "",
    complete ? (index % 2 === 0 ? "personal" : "public_only") : "",
    complete ? "employees" : "",
    complete ? "advises_human" : "",
    complete ? "none" : "",
  ];
});

describe.each(backends)("the first day of a real organisation (%s)", (backend) => {
  let fake: FakeSlackApi;
  let service: ServiceProcess;
  let dropDatabase = async () => {};
  const data = scratchDataDir("aims-first-day-");
  const dir = data.dir;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.scopes = manifestScopes();
    for (const person of people) fake.addUser(person.slackId, { realName: person.name, email: person.email, tz: person.zone });
    if (backend === "postgresql") {
      const database = await createPostgresDatabase();
      dropDatabase = database.drop;
      env.DATABASE_URL = database.url;
    }
    // The policy folder exists but holds no documents yet (a missing folder stops the start).
    const policyDir = path.join(dir, "no-policies-yet");
    fs.mkdirSync(policyDir, { recursive: true });
    Object.assign(env, {
      AIMS_DATA_DIR: data.dataDir,
      SLACK_BOT_TOKEN: "xoxb-first-day",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.url,
      AIMS_GOVERNANCE_EMAILS: governanceLead.email,
      AIMS_DELIVERY_INTERVAL_SECONDS: "1",
      POLICY_DIR: policyDir,
      // Even with the local chat switched on, a workspace with Slack gets no demo organisation.
      LOCAL_CHAT: "on",
    });
    service = await startServiceProcess(env);
  }, 180_000);

  afterAll(async () => {
    await service?.stop();
    await dropDatabase();
    await fake?.close();
    await data.dispose();
  });

  const send = (body: ReturnType<typeof eventCallback>) => postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, body);
  let ts = 0;
  const postsTo = (userId: string, pattern: RegExp) => fake.calls.filter((call) => call.method === "chat.postMessage" && call.args.channel === `D${userId}` && pattern.test(messageText(call)));
  const waitForPost = (userId: string, pattern: RegExp, from = 0) =>
    fake.waitFor((call) => fake.calls.indexOf(call) >= from && call.method === "chat.postMessage" && call.args.channel === `D${userId}` && pattern.test(messageText(call)), 20_000);
  /** A DM to the bot; resolves with its next reply in that DM that is not a notice. */
  const dm = async (userId: string, text: string): Promise<RecordedCall> => {
    const from = fake.calls.length;
    expect((await send(eventCallback({ type: "message", channel_type: "im", channel: `D${userId}`, user: userId, text, ts: `1900000000.${String(++ts).padStart(6, "0")}` }))).status).toBe(200);
    return fake.waitFor((call) => fake.calls.indexOf(call) >= from && ["chat.postMessage", "chat.update"].includes(call.method) && call.args.channel === `D${userId}` && !/^\*\* /.test(String(call.args.text ?? "")), 20_000);
  };
  const click = async (userId: string, message: RecordedCall, label: string): Promise<RecordedCall> => {
    const from = fake.calls.length;
    const payload = blockAction({ userId, channelId: `D${userId}`, messageTs: messageTs(message), actionId: "aims_notice_action", value: buttonValue(message, label) });
    expect((await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, interaction(payload))).status).toBe(200);
    return fake.waitFor((call) => fake.calls.indexOf(call) >= from && ["chat.postMessage", "chat.update"].includes(call.method) && call.args.channel === `D${userId}` && !/^\*\* /.test(String(call.args.text ?? "")), 20_000);
  };
  const file = (name: string, lines: string[]) => {
    fs.writeFileSync(path.join(dir, name), lines.join("\n") + "\n");
    return path.join(dir, name);
  };
  const listPeople = async () => JSON.parse((await runAims(["people", "list", "--format", "json"], env)).stdout) as { email: string; roles: string[]; manager_email: string | null; time_zone: string }[];

  it("starts empty, without demo data, and says once in the log what setup is missing", async () => {
    expect(await listPeople()).toEqual([]);
    const warningLines = () => service.output().split("\n").filter((line) => line.includes("setup incomplete"));
    // The check runs in the background after start: wait for its line rather than for a time.
    for (let tries = 0; warningLines().length === 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    const warnings = warningLines();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Policy documents, Governance channel, Governance team");
  });

  it("makes the first governance member from AIMS_GOVERNANCE_EMAILS when they first write to the bot", async () => {
    const reply = await dm(governanceLead.slackId, "hello");
    expect(messageText(reply)).not.toMatch(/something went wrong/);
    const [lead] = await listPeople();
    expect(lead).toMatchObject({ email: governanceLead.email, roles: ["member", "governance"], time_zone: governanceLead.zone });
  }, 240_000);

  it("loads 20 people with their managers and time zones", async () => {
    const csv = file("people.csv", [
      "email,name,roles,manager_email,time_zone,slack_user_id",
      ...people.map((person) => [person.email, person.name, person.roles, person.manager, person.zone, person.slackId].join(",")),
    ]);
    const imported = await runAims(["people", "import", csv], env);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("19 added, 0 updated, 1 unchanged");
    const listed = await listPeople();
    expect(listed).toHaveLength(20);
    for (const person of people) {
      expect(listed.find((entry) => entry.email === person.email), person.email).toMatchObject({ manager_email: person.manager || null, time_zone: person.zone, roles: person.roles === "member" ? ["member"] : ["member", person.roles] });
    }
  }, 240_000);

  it("loads 15 systems; each owner gets one DM to confirm them, and an owner confirms in Slack", async () => {
    const csv = file("systems.csv", [
      "name,owner_email,description,vendor,kind,lifecycle_stage,intended_use,data_categories,affected_parties,autonomy_level,regulated_domain",
      ...systems.map((row) => row.join(",")),
    ]);
    const imported = await runAims(["import", "systems", csv], env);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("Imported 15 AI systems");
    expect(imported.stdout).toContain("(3 incomplete); 6 owners will be asked");

    const dms = await Promise.all(owners.map((owner) => waitForPost(owner.slackId, /Please confirm/)));
    for (const owner of owners) expect(postsTo(owner.slackId, /Please confirm/), owner.email).toHaveLength(1);
    for (const person of people.filter((candidate) => candidate.roles !== "owner")) expect(postsTo(person.slackId, /Please confirm/)).toHaveLength(0);
    const first = dms[0]!;
    expect(messageText(first)).toMatch(/AIS-0001 System 1: Medium risk tier/);
    expect(messageText(first)).toMatch(/AIS-0007 System 7/);

    const confirmed = await click(owners[0]!.slackId, first, "Confirm AIS-0001");
    expect(messageText(confirmed)).toMatch(/AIS-0001 is confirmed as accurate today/);
    const unconfirmed = messageText(await dm(governanceLead.slackId, "unconfirmed"));
    expect(unconfirmed).toMatch(/14 not answered yet/);
    expect(unconfirmed).not.toMatch(/AIS-0001/);
    expect(unconfirmed).toMatch(/AIS-0005.*incomplete/);
  }, 240_000);

  it("lets the owner of an incomplete entry complete it, asked only the missing questions", async () => {
    const owner = owners[4]!; // System 5 (AIS-0005) has no tier answers
    const notice = postsTo(owner.slackId, /Please confirm/)[0]!;
    expect(messageText(notice)).toMatch(/AIS-0005 System 5: incomplete, please answer its intended use, the data it processes, whom it affects/);
    let reply = await click(owner.slackId, notice, "Complete AIS-0005");
    expect(messageText(reply)).toMatch(/How is it meant to be used/);
    for (const text of ["Staff read its suggestions", "personal", "employees", "advises a human", "none"]) reply = await dm(owner.slackId, text);
    expect(messageText(reply)).toMatch(/Confirm/);
    expect(messageText(await dm(owner.slackId, "confirm"))).toMatch(/Completed AIS-0005[\s\S]*Risk tier: Medium/);
    expect(messageText(await dm(governanceLead.slackId, "unconfirmed"))).toMatch(/13 not answered yet/);
  }, 240_000);

  it("lets the governance member change roles and managers in chat, by mention or e-mail", async () => {
    const auditorTo = people[13]!;
    expect(messageText(await dm(governanceLead.slackId, `grant <@${auditorTo.slackId}> auditor`))).toMatch(/Granted auditor to Person 14/);
    expect(messageText(await dm(governanceLead.slackId, `manager of <@${auditorTo.slackId}> is <mailto:${managers[1]!.email}|${managers[1]!.email}>`))).toMatch(/Person 3 is now Person 14's manager/);
    expect(messageText(await dm(people[6]!.slackId, `grant <@${people[7]!.slackId}> governance`))).toMatch(/Only the governance team can grant or revoke roles/);
    // Someone neither imported nor ever in touch with the bot: found through Slack by their mention.
    fake.addUser("U0NEWCOMER", { realName: "Nia Newcomer", email: `nia@${domain}`, tz: "Africa/Lagos" });
    expect(messageText(await dm(governanceLead.slackId, "grant <@U0NEWCOMER> auditor"))).toMatch(/Granted auditor to Nia Newcomer/);
    const listed = await listPeople();
    expect(listed.find((entry) => entry.email === auditorTo.email)).toMatchObject({ roles: ["member", "auditor"], manager_email: managers[1]!.email });
    expect(listed.find((entry) => entry.email === `nia@${domain}`)).toMatchObject({ roles: ["member", "auditor"], time_zone: "Africa/Lagos" });
  }, 240_000);

  it("takes a member's incident report by DM to the governance member, who triages it from the notice", async () => {
    const userId = reporter.slackId;
    await dm(userId, "report an incident");
    await dm(userId, "skip");
    await dm(userId, "The support bot told a customer their refund was approved when it was not");
    let reply: RecordedCall | undefined;
    for (const text of ["inaccurate_output", "today", "one customer", "yes", "sev2", "skip", "no", "no"]) reply = await dm(userId, text);
    expect(messageText(reply!)).toMatch(/Confirm/);
    const done = messageText(await dm(userId, "confirm"));
    const reference = /(INC-\d{4})/.exec(done)![1]!;

    const notice = await waitForPost(governanceLead.slackId, new RegExp(reference));
    const acknowledged = await click(governanceLead.slackId, notice, "Acknowledge");
    expect(messageText(acknowledged)).toMatch(/triaged/);
    await waitForPost(userId, new RegExp(`Your report ${reference} was acknowledged`));
  }, 240_000);

  it("sends the Monday digest to exactly the managers and the governance lead of the CSV", async () => {
    const from = fake.calls.length;
    const sent = await runAims(["digest", "--send-now"], env);
    const readers = [...managers, governanceLead];
    expect(sent.stdout).toContain(`Queued this week's digest for ${readers.length} recipients`);
    await Promise.all(readers.map((reader) => waitForPost(reader.slackId, /AI governance digest/, from)));
    const recipients = fake.calls.filter((call) => fake.calls.indexOf(call) >= from && call.method === "chat.postMessage" && /AI governance digest/.test(messageText(call))).map((call) => call.args.channel);
    expect(recipients.sort()).toEqual(readers.map((reader) => `D${reader.slackId}`).sort());
    expect((await runAims(["digest", "--send-now"], env)).stdout).toContain("already queued or sent");
  }, 240_000);

  it("shows the governance member the open setup checklist in App Home, and aims doctor passes only once the channel and policies are set", async () => {
    const from = fake.calls.length;
    expect((await send(eventCallback({ type: "app_home_opened", user: governanceLead.slackId, channel: `D${governanceLead.slackId}`, tab: "home" }))).status).toBe(200);
    const home = await fake.waitFor((call) => fake.calls.indexOf(call) >= from && call.method === "views.publish", 20_000);
    expect(JSON.stringify(home.args.view)).toMatch(/Setup checklist.*Policy documents.*Governance channel/);
    expect(JSON.stringify(home.args.view)).not.toMatch(/Governance team:/);

    const before = await runAims(["doctor"], env);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/✓ Slack connection/);
    expect(before.stdout).toMatch(/✓ Slack scopes/);
    expect(before.stdout).toMatch(/✓ Governance team: 1 person has the governance role/);
    expect(before.stdout).toMatch(/✗ Policy documents: no policy documents/);
    expect(before.stdout).toMatch(/✗ Governance channel: SLACK_GOVERNANCE_CHANNEL is not set/);
    expect(before.stdout).toContain("Not ready: 2 essential items to fix (Policy documents, Governance channel)");
    expect(before.stdout).toMatch(/✓ Notice routes: incidents: the governance channel; .*digest: governance members and managers by DM only/);

    const onlyChannel = await runAims(["doctor"], { ...env, SLACK_GOVERNANCE_CHANNEL: "C0GOV" });
    expect(onlyChannel.code).toBe(1);
    const ready = await runAims(["doctor"], { ...env, SLACK_GOVERNANCE_CHANNEL: "C0GOV", POLICY_DIR: path.join(projectRoot, "policies") });
    expect(ready.stdout).toContain("Ready: nothing essential is missing.");
    expect(ready.code).toBe(0);
  }, 240_000);
});
