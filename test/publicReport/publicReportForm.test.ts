// The report form for people outside the workspace, through HTTP against the service: off by
// default, the form token, friendly errors that keep what was typed, the size and rate limits, and a
// submitted report becoming a confidential incident that governance hears about in Slack.
import http from "node:http";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startService } from "../../src/service.js";
import { startSlackTestService, slackUsers, type SlackTestService } from "../support/slackService.js";
import { openTestDatabase } from "../support/testDatabase.js";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request from a given loopback address (127.0.0.x), as different clients would send it. */
function request(url: string, options: { method?: string; body?: string; cookie?: string; from?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: options.method ?? "GET",
      localAddress: options.from ?? "127.0.0.1",
      headers: {
        ...(options.body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const description = "The chat assistant on your website told me my flood damage was covered, and then my claim was refused.";

describe("the public report form", () => {
  it("is off by default: /report does not exist", async () => {
    const database = await openTestDatabase("embedded");
    const service = await startService({ ...loadConfig({ LOCAL_CHAT: "off" }), port: 0 }, pino({ level: "silent" }), { database });
    try {
      expect((await request(`${service.url}/report`)).status).toBe(404);
      expect((await request(`${service.url}/report`, { method: "POST", body: `description=${encodeURIComponent(description)}` })).status).toBe(404);
    } finally {
      await service.stop();
      await database.dispose();
    }
  });

  describe("when PUBLIC_REPORT_FORM=on", () => {
    let slack: SlackTestService;
    let url = "";

    beforeAll(async () => {
      slack = await startSlackTestService("embedded", { logLevel: "info", env: { PUBLIC_REPORT_FORM: "on", PUBLIC_REPORT_PER_ADDRESS_PER_HOUR: "2", PUBLIC_REPORT_PER_HOUR: "3" } });
      url = `${slack.service.url}/report`;
    });
    afterAll(async () => {
      await slack.stop();
    });

    /** Opens the form as a browser does: the token in the page and in its cookie. */
    async function openForm(from?: string): Promise<{ token: string; cookie: string }> {
      const form = await request(url, from ? { from } : {});
      expect(form.status).toBe(200);
      const token = /name="token" value="([^"]+)"/.exec(form.body)![1]!;
      const cookie = String(form.headers["set-cookie"]![0]).split(";")[0]!;
      expect(cookie).toBe(`aims_report_form=${token}`);
      expect(String(form.headers["set-cookie"]![0])).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
      return { token, cookie };
    }
    const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    async function submit(fields: Record<string, string>, from?: string): Promise<Reply> {
      const { token, cookie } = await openForm(from);
      return request(url, { method: "POST", body: encode({ token, ...fields }), cookie, ...(from ? { from } : {}) });
    }

    it("turns a report into a confidential incident from an external reporter, keeps the contact details apart and tells governance in Slack", async () => {
      const mark = slack.mark();
      const reply = await submit({ description, type: "inaccurate_output", system: "the website chat assistant", occurredOn: "2026-11-20", affected: "me", contactName: "Jo Bloggs", contactEmail: "jo@example.org" });
      expect(reply.status).toBe(201);
      const reference = /Your report is <strong>(INC-\d{4})<\/strong>/.exec(reply.body)![1]!;

      const incident = await slack.database.prisma.incident.findUniqueOrThrow({ where: { reference }, include: { externalReporter: true } });
      expect(incident).toMatchObject({ description, type: "inaccurate_output", severity: "sev3", confidential: true, reporterId: null, anonymous: false, createdVia: "public_form", systemNameFreeText: "the website chat assistant" });
      expect(incident.externalReporter).toMatchObject({ name: "Jo Bloggs", email: "jo@example.org" });
      const history = await slack.database.prisma.changeLog.findMany({ where: { entityId: incident.id } });
      expect(history.map((entry) => `${entry.actorLabel}/${entry.channel}/${entry.action}`)).toEqual(["external (public report form)/public_form/create"]);

      // A confidential incident reaches governance by DM only, never the governance channel.
      const notice = await slack.fake.waitFor((call) => slack.fake.calls.indexOf(call) >= mark && call.method === "chat.postMessage" && String(call.args.text ?? "").includes(reference), 10_000);
      expect(notice.args.channel).not.toBe("C0GOV");
      expect(JSON.stringify(notice.args)).not.toContain("Jo Bloggs");
      // What was reported and who reported it never reach the logs.
      expect(slack.logs()).toContain(reference);
      expect(slack.logs()).not.toContain("flood damage");
      expect(slack.logs()).not.toContain("jo@example.org");
      // The governance team sees how to reach the reporter on the incident; nobody else does.
      const view = await slack.dm(slackUsers.governance.id, `incident ${reference}`);
      expect(JSON.stringify(view.args)).toContain("Reporter's contact (governance only): Jo Bloggs, jo@example.org.");
      expect(JSON.stringify(view.args)).toContain("external (public report form)");
    });

    it("refuses a submission without the form's token and explains what to do, keeping the text", async () => {
      const reply = await request(url, { method: "POST", body: encode({ description }), headers: { origin: "https://elsewhere.example" } });
      expect(reply.status).toBe(403);
      expect(reply.body).toContain("This form had expired or was not opened on this site");
      expect(reply.body).toContain("The chat assistant on your website told me my flood damage was covered");
    });

    it("says what to fix and keeps everything typed when a report cannot be accepted", async () => {
      const reply = await submit({ description: "too short", contactEmail: "not an address", contactName: "Jo <b>" });
      expect(reply.status).toBe(400);
      expect(reply.body).toContain("Please describe what happened in a sentence or two");
      expect(reply.body).toContain("Please check your email address, or leave it empty.");
      expect(reply.body).toContain('value="Jo &lt;b&gt;"');
      expect(reply.body).toContain(">too short</textarea>");
    });

    it("refuses a report that is too large with a friendly page", async () => {
      const { token, cookie } = await openForm();
      const reply = await request(url, { method: "POST", body: encode({ token, description: "x".repeat(40_000) }), cookie });
      expect(reply.status).toBe(413);
      expect(reply.body).toContain("Your report is too long");
    });

    it("limits reports per client address and in total, with a friendly page and Retry-After", async () => {
      // Two allowed per address per hour (the first test used one from 127.0.0.1), three in total.
      expect((await submit({ description }, "127.0.0.1")).status).toBe(201);
      const mine = await submit({ description }, "127.0.0.1");
      expect(mine.status).toBe(429);
      expect(mine.body).toContain("We have received several reports from your connection in the last hour");
      expect(Number(mine.headers["retry-after"])).toBeGreaterThan(0);
      expect((await submit({ description }, "127.0.0.2")).status).toBe(201);
      const everyone = await submit({ description }, "127.0.0.3");
      expect(everyone.status).toBe(429);
      expect(everyone.body).toContain("We are receiving an unusual number of reports");
      expect(await slack.database.prisma.incident.count({ where: { createdVia: "public_form" } })).toBe(3);
    });

    it("opens nothing else to unauthenticated visitors", async () => {
      expect((await request(`${slack.service.url}/chat`)).status).toBe(404);
      expect((await request(`${slack.service.url}/chat/api/people`)).status).toBe(404);
      expect((await request(`${url}/admin`)).status).toBe(404);
    });
  });
});
