// Both flows completed end to end in the real browser page, against the real service process.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { runAims, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";

const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
if (!chromiumPath && process.env.AIMS_REQUIRE_BROWSER) throw new Error("Chromium is required (apt-get install chromium) but not installed");

describe.skipIf(!chromiumPath)("the local chat in a browser", () => {
  let service: ServiceProcess;
  let browser: Browser;
  let page: Page;
  const scratch = scratchDataDir("aims-browser-");
  const dataDir = scratch.dataDir;

  beforeAll(async () => {
    service = await startServiceProcess({ AIMS_DATA_DIR: dataDir });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    await page.goto(`${service.url}/chat`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await scratch.dispose();
  });

  const actAs = async (persona: string) => {
    const value = await page.locator(`#person option[data-persona="${persona}"]`).first().getAttribute("value");
    await page.selectOption("#person", value!);
    await page.locator('[data-kind="menu"]').last().waitFor();
  };
  const lastBubble = () => page.locator("#log .msg").last();
  const say = async (text: string) => {
    const count = await page.locator("#log .msg").count();
    await page.fill("#text", text);
    await page.click("[data-testid=send]");
    await page.locator("#log .msg").nth(count + 1).waitFor();
  };
  const click = async (selector: string) => {
    const count = await page.locator("#log .msg").count();
    await page.locator(`#log .msg:last-child ${selector}`).first().click();
    await page.locator("#log .msg").nth(count + 1).waitFor();
  };

  it("registers an AI system as its owner, with buttons, checkboxes and typed answers", async () => {
    await actAs("owner");
    await click('button[data-flow="register_ai_system"]');
    await say("Broker Email Classifier");
    await say("Sorts broker emails by urgency");
    await say("The broker desk uses it to prioritise replies");
    await click('button[data-value="third_party_service"]');
    await say("MailSense AI");
    await click('button[data-command="skip"]');
    await say("me");
    await page.locator("#log .msg:last-child input[value=personal]").check();
    await page.locator("#log .msg:last-child input[value=confidential_business]").check();
    await click('[data-action="submit-checks"]');
    await page.locator("#log .msg:last-child input[value=third_parties]").check();
    await click('[data-action="submit-checks"]');
    await click('button[data-value="human_can_override"]');
    await click('button[data-value="none"]');
    await click('button[data-value="in_production"]');
    await click('button[data-value="yes"]');
    await expect.poll(() => lastBubble().getAttribute("data-kind")).toBe("summary");
    expect(await lastBubble().innerText()).toContain("MailSense AI");
    await click('button[data-command="confirm"]');
    const done = await page.locator("[data-testid=reference]").last().innerText();
    expect(done).toMatch(/^Registered AIS-\d{4}: Broker Email Classifier$/);
    expect(await lastBubble().innerText()).toMatch(/Risk tier: Medium/);
  });

  it("reports a confidential incident from one sentence as a member, and governance sees only its reference", async () => {
    await actAs("member");
    await say("I think the Nora Customer Assistant leaked a customer's home address to someone else");
    expect(await lastBubble().innerText()).toMatch(/What kind of incident/);
    await click('button[data-value="privacy"]');
    await say("yesterday");
    await say("one customer");
    await click('button[data-value="yes"]');
    await click('button[data-value="sev2"]');
    await click('button[data-command="skip"]');
    await click('button[data-command="skip"]'); // confidential: the recommendation (yes)
    await click('button[data-value="no"]');
    await click('button[data-command="confirm"]');
    const done = await page.locator("[data-testid=reference]").last().innerText();
    const reference = /INC-\d{4}/.exec(done)![0];

    await actAs("governance");
    await expect.poll(() => page.locator("[data-testid=notice]").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(reference)]));
    const notice = (await page.locator("[data-testid=notice]").allInnerTexts()).find((text) => text.includes(reference))!;
    expect(notice).not.toMatch(/home address|Nora|leaked/);

    await service.stop();
    const exported = await runAims(["export", "incidents", "--format", "json"], { AIMS_DATA_DIR: dataDir });
    const incident = (JSON.parse(exported.stdout) as Record<string, unknown>[]).find((row) => row.reference === reference);
    expect(incident).toMatchObject({ type: "privacy", severity: "sev2", confidential: true, createdVia: "local_chat", systemName: "Nora Customer Assistant" });
    const systems = JSON.parse((await runAims(["export", "systems", "--format", "json"], { AIMS_DATA_DIR: dataDir })).stdout) as Record<string, unknown>[];
    expect(systems.find((row) => row.name === "Broker Email Classifier")).toMatchObject({ vendor: "MailSense AI", createdVia: "local_chat", riskTier: "medium" });
  }, 180_000); // a budget for a busy machine (a service stop and two CLI runs), not a timing assertion
});
