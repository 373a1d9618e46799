// Confidential incident details never reach the log, even at LOG_LEVEL=debug: through /slack/events,
// with the Web API client (which logs request bodies at debug) sending them to the fake Slack API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const secretDescription = "Payroll assistant exposed Jane Roe's salary 98765 and her sick-leave notes";
const typedByReporter = "The CV screener told Bob Example 44321 his disability was the reason";

describe("logs at debug level", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService("embedded", { logLevel: "debug" });
  });
  afterAll(() => slack.stop());

  it("hold no confidential incident text, though Slack carried it both ways", async () => {
    const incident = await slack.database.prisma.incident.findFirstOrThrow({ orderBy: { reference: "asc" } });
    await slack.database.prisma.incident.update({ where: { id: incident.id }, data: { confidential: true, description: secretDescription } });

    // Governance opens it in a DM: the description goes out through chat.postMessage.
    const details = await slack.dm(slackUsers.governance.id, `incident ${incident.reference}`);
    expect(messageText(details)).toContain("98765");
    // A member starts a report with a sentence of their own: it comes in through the Events API.
    await slack.dm(slackUsers.member.id, typedByReporter);

    for (const secret of ["98765", "Jane Roe", "sick-leave", "44321", "Bob Example"]) expect(slack.logs()).not.toContain(secret);
  });
});
