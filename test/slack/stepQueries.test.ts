// How many SQL statements one Slack conversation step costs: every statement is a round trip to
// the database, so each avoidable one delays every other person's reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governanceChannel, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

describe("statements per Slack conversation step", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    // The outbox's own pass would land inside a step on a busy machine and be counted with it (see the Teams test).
    slack = await startSlackTestService("embedded", { countQueries: true, env: { AIMS_DELIVERY_INTERVAL_SECONDS: "3600" } });
    // The start-up work (the reminder scan, this week's digest, sending them) runs beside the first
    // requests on a real server: let it finish, so the counts below are the steps' own.
    await slack.service.runScheduledWork();
    for (let pass = 0; pass < 3; pass++) await slack.service.delivery.kick();
  });
  afterAll(async () => {
    await slack.stop();
  });

  /** The statements of one DM and its reply, including the notices sent after the turn. */
  const stepStatements = async (text: string) => {
    const queries = slack.queries!;
    queries.reset();
    await slack.dm(slackUsers.member.id, text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Claims from the inbox also run when idle (every second), so they are left out of a step's count;
    // the statement that marks the step processed (and claims what comes next) is counted.
    const idleClaim = (sql: string) => sql.includes("claimable AS") && !sql.includes("WITH done AS");
    // So is the inbox's pruning (processed requests a day old, requests waiting too long), whose first pass
    // comes a second after the start, when the first steps do.
    const pruning = (sql: string) => /^(DELETE FROM|UPDATE) "public"\."InboxMessage"/.test(sql);
    return queries.statements.filter((sql) => !idleClaim(sql) && !pruning(sql));
  };

  it("answers a mid-flow step (help, an answer, back) in a bounded number of statements", async () => {
    await stepStatements("register a new AI system");
    const steps = { help: await stepStatements("help"), answer: await stepStatements("Step counting system"), back: await stepStatements("back") };
    if (process.env.SHOW_STEP_SQL) for (const [name, statements] of Object.entries(steps)) console.log(name, statements.length, JSON.stringify(statements.map((sql) => sql.replace(/\s+/g, " ").slice(0, 140)), null, 1));
    // The inbox write, the speaker and the conversation (one statement), its one UPDATE … RETURNING when
    // it changed, and the inbox completion (which also claims the next requests). Under load the inbox's write
    // and completion are shared by the requests that arrive or finish together (test/inbox/inboxWorker.test.ts).
    expect(steps.help.length).toBe(3);
    expect(steps.answer.length).toBe(4);
    expect(steps.back.length).toBe(4);
    expect(Object.values(steps).flat().some((sql) => /Notification/.test(sql))).toBe(false);
    await slack.dm(slackUsers.member.id, "cancel");
  });

  it("still sends a notice at once when a step queued one (long before the delivery timer)", async () => {
    const user = slackUsers.member.id;
    await slack.dm(user, "The Campaign Copy Generator wrote an offensive slogan about older customers");
    for (const text of ["bias", "yesterday", "older customers", "no", "sev4", "skip", "no", "no"]) await slack.dm(user, text);
    const confirmed = Date.now();
    const reply = await slack.dm(user, "confirm");
    const reference = /your report is (INC-\d{4})/.exec(JSON.stringify(reply.args))?.[1];
    if (!reference) throw new Error(`not the confirmation: ${JSON.stringify(reply.args.text)}`);
    await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === governanceChannel && String(call.args.text).includes(reference), 5_000);
    expect(Date.now() - confirmed).toBeLessThan(5_000);
  });
});
