// `npm start` as a new user runs it: the compiled service on its default embedded PostgreSQL, Slack
// pointed at a fake Web API on loopback. What people rely on most must work from the first start:
// governance notices, the Monday digest (sent on an operator's command), and no failing worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/demo/demoOrganisation.js";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "../support/fakeSlackApi.js";
import { localPeople, postTurn, savedReference } from "../support/localChatApi.js";
import { runAims, scratchDataDir, startServiceProcess, type CommandResult, type ServiceProcess } from "../support/processes.js";
import type { TurnInput } from "../../src/conversations/messages.js";

const governanceChannel = "C0GOV";
const slackIdOf = (key: string) => `U0${key.toUpperCase()}`;

const incidentTurns = (description: string): TurnInput[] => [
  { kind: "start", flowId: "report_incident" },
  { kind: "text", text: "skip" },
  { kind: "text", text: description },
  { kind: "choice", stepId: "type", value: "inaccurate_output" },
  { kind: "text", text: "yesterday" },
  { kind: "text", text: "two brokers" },
  { kind: "choice", stepId: "anyoneHarmed", value: "no" },
  { kind: "choice", stepId: "severity", value: "sev3" },
  { kind: "text", text: "withdrew the answer" },
  { kind: "choice", stepId: "confidential", value: "no" },
  { kind: "choice", stepId: "anonymous", value: "no" },
  { kind: "command", command: "confirm" },
];

describe("npm start on its default embedded database", () => {
  const data = scratchDataDir("aims-default-");
  let fake: FakeSlackApi;
  let service: ServiceProcess;
  let stopped: number | null | undefined;
  let digestQueued: CommandResult;
  const env: Record<string, string> = {
    AIMS_DATA_DIR: data.dataDir,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: "test-signing-secret",
    SLACK_GOVERNANCE_CHANNEL: governanceChannel,
    LOCAL_CHAT: "on", // the demo organisation, and a way to report an incident over HTTP
    AIMS_DELIVERY_INTERVAL_SECONDS: "1",
  };

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    env.SLACK_API_URL = fake.url;
    for (const person of demoPeople) fake.addUser(slackIdOf(person.key), { realName: person.displayName, email: person.email!, ...(person.timeZone ? { tz: person.timeZone } : {}) });
    // An operator prepares the folder before the first start; each command starts the embedded
    // server itself and stops it after. The digest is queued now, whatever the day of the week.
    expect((await runAims(["demo-data"], env)).code).toBe(0);
    digestQueued = await runAims(["digest", "--send-now"], env);
    service = await startServiceProcess(env);
  }, 180_000);

  afterAll(async () => {
    if (stopped === undefined) await service?.stop();
    await fake?.close();
    await data.dispose();
  });

  it("sends a reported incident's governance notice to Slack", async () => {
    const member = (await localPeople(service.url)).find((person) => person.persona === "member")!;
    let last;
    for (const input of incidentTurns("The claims summariser invented a policy clause")) {
      last = await postTurn(service.url, member.id, "incident-1", input);
      expect(last.status).toBe(200);
    }
    const reference = savedReference(last!);
    expect(reference).toMatch(/^INC-\d{4}$/);
    const notice = await fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === governanceChannel && JSON.stringify(call.args).includes(reference!), 30_000);
    expect(notice.failure).toBeFalsy();
  });

  it("sends this week's digest to every manager and governance member on `aims digest --send-now`, once", async () => {
    const recipients = demoPeople.filter((person) => person.roles?.includes("manager") || person.roles?.includes("governance"));
    expect(recipients.length).toBeGreaterThan(0);
    expect(digestQueued.stderr).toBe("");
    expect(digestQueued.code).toBe(0);
    expect(digestQueued.stdout).toContain(`Queued this week's digest for ${recipients.length} recipient`);
    expect(digestQueued.stdout).toContain("It goes out when the service starts");
    const isDigestTo = (userId: string) => (call: RecordedCall) =>
      call.method === "chat.postMessage" && call.args.channel === `D${userId}` && /digest/i.test(JSON.stringify(call.args));
    for (const recipient of recipients) await fake.waitFor(isDigestTo(slackIdOf(recipient.key)), 30_000);

    // While the service runs the command shares its database, and this week's digest is not sent twice.
    const again = await runAims(["digest", "--send-now"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already queued or sent");
    for (const recipient of recipients) expect(fake.calls.filter(isDigestTo(slackIdOf(recipient.key)))).toHaveLength(1);
  });

  it("logs no failure from its start to an orderly stop, which waits for the passes under way", async () => {
    // The two tests above needed delivery passes (the notice, the digest) and the digest's queries
    // by role; the stop waits for the running reminder scan and delivery pass to finish.
    stopped = await service.stop();
    expect(stopped).toBe(0);
    const lines = service.output().trim().split("\n").map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines.some((line) => line.msg === "AIMS Assistant stopped")).toBe(true);
    expect(lines.filter((line) => line.level >= 50 || /failed/i.test(line.msg))).toEqual([]);
  });
});
