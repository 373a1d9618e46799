// The local chat page as people use it in Chromium: notices with their buttons, every role in the
// persona list, a reload that keeps the person and the conversation, a phone-width screen, and
// messages too long or without spaces. Screenshots go to test-results/ to be looked at.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot, runAims, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { localPeople, postTurn, type LocalPerson } from "../support/localChatApi.js";
import type { TurnInput } from "../../src/conversations/messages.js";

const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
if (!chromiumPath && process.env.AIMS_REQUIRE_BROWSER) throw new Error("Chromium is required (apt-get install chromium) but not installed");
const screenshots = path.join(projectRoot, "test-results", "local-chat");

describe.skipIf(!chromiumPath)("the local chat page", () => {
  let service: ServiceProcess;
  let browser: Browser;
  let people: LocalPerson[];
  const scratch = scratchDataDir("aims-page-");
  const env = { AIMS_DATA_DIR: scratch.dataDir };
  const person = (name: string) => people.find((candidate) => candidate.displayName === name)!;

  beforeAll(async () => {
    service = await startServiceProcess(env);
    people = await localPeople(service.url);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(screenshots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await scratch.dispose();
  });

  async function openChat(viewport = { width: 1280, height: 800 }, query = ""): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(`${service.url}/chat${query}`);
    await page.locator("#log .msg").nth(1).waitFor();
    return page;
  }
  const actAs = async (page: Page, name: string) => {
    await page.selectOption("#person", person(name).id);
    await page.locator("#log .msg").nth(1).waitFor();
  };
  const say = async (page: Page, text: string) => {
    const count = await page.locator("#log .msg").count();
    await page.fill("#text", text);
    await page.click("[data-testid=send]");
    await page.locator("#log .msg").nth(count + 1).waitFor();
  };
  const lastBubble = (page: Page) => page.locator("#log .msg").last();
  /** Whether anything is wider than the screen (a horizontal scrollbar). */
  const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it("lists every role of each person", async () => {
    const page = await openChat();
    const options = await page.locator("#person option").allInnerTexts();
    expect(options).toContain("Priya Raman (manager, owner)");
    expect(options).toContain("Daniel Mensah (auditor)");
    expect(options).toContain("Amara Okafor (governance)");
    expect(options).toContain("Tom Gallagher (member)");
    await page.close();
  });

  it("lets governance act on a new incident from its notice's buttons, as in Slack", async () => {
    const member = person("Tom Gallagher");
    const opened = await postTurn(service.url, member.id, "report", { kind: "text", text: "The Claims Fraud Scoring model flagged every claim from one postcode as fraud" });
    expect(opened.status).toBe(200);
    const answers: Record<string, TurnInput> = {
      type: { kind: "choice", stepId: "type", value: "bias" },
      occurredAt: { kind: "text", text: "today" },
      affectedParties: { kind: "text", text: "claimants in one postcode" },
      anyoneHarmed: { kind: "choice", stepId: "anyoneHarmed", value: "no" },
      severity: { kind: "choice", stepId: "severity", value: "sev3" },
      confidential: { kind: "choice", stepId: "confidential", value: "no" },
      anonymous: { kind: "choice", stepId: "anonymous", value: "no" },
    };
    let reply = opened;
    for (let turns = 0; reply.messages.at(-1)?.kind === "question" && turns < 12; turns++) {
      const stepId = reply.messages.at(-1)!.stepId!;
      reply = await postTurn(service.url, member.id, "report", answers[stepId] ?? { kind: "command", command: "skip" });
    }
    expect(reply.messages.at(-1)?.kind, JSON.stringify(reply)).toBe("summary");
    const done = await postTurn(service.url, member.id, "report", { kind: "command", command: "confirm" });
    const reference = done.messages.find((message) => message.kind === "done")?.reference as string;
    expect(reference, JSON.stringify(done)).toMatch(/^INC-\d{4}$/);

    const page = await openChat();
    await actAs(page, "Amara Okafor");
    const notice = page.locator("[data-testid=notice]", { hasText: `New AI incident ${reference}` });
    await notice.waitFor();
    expect(await notice.locator("button").allInnerTexts()).toEqual(expect.arrayContaining(["View details", "Acknowledge", "Assign to…"]));
    const count = await page.locator("#log .msg").count();
    await notice.locator('button[data-notice-action="acknowledge"]').click();
    await page.locator("#log .msg").nth(count + 1).waitFor();
    expect(await page.locator("#log .msg.user").last().innerText()).toBe("Acknowledge");
    expect(await lastBubble(page).innerText()).toContain(reference);
    await page.screenshot({ path: path.join(screenshots, "desktop-notice-acknowledged.png") });
    await page.close();

    const incidents = JSON.parse((await runAims(["export", "incidents", "--format", "json"], env)).stdout) as { reference: string; status: string; acknowledgedAt: string | null }[];
    expect(incidents.find((incident) => incident.reference === reference)).toMatchObject({ status: "triaged", acknowledgedAt: expect.any(String) });
  }, 120_000);

  it("keeps the chosen person and the conversation across a reload, and in the address", async () => {
    const page = await openChat();
    await actAs(page, "Daniel Mensah");
    await say(page, "what can I do here?");
    const before = await page.locator("#log .msg").allInnerTexts();
    expect(page.url()).toContain(`as=${person("Daniel Mensah").id}`);

    await page.reload();
    await page.locator("#log .msg").nth(before.length - 1).waitFor();
    expect(await page.locator("#person").inputValue()).toBe(person("Daniel Mensah").id);
    expect(await page.locator("#log .msg").allInnerTexts()).toEqual(before);
    await page.close();

    // A fresh tab opened on the address (a bookmark) is the same person, with the same conversation.
    const bookmarked = await browser.newPage();
    await bookmarked.goto(`${service.url}/chat?as=${person("Daniel Mensah").id}`);
    await bookmarked.locator("#log .msg").nth(before.length - 1).waitFor();
    expect(await bookmarked.locator("#person").inputValue()).toBe(person("Daniel Mensah").id);
    expect(await bookmarked.locator("#log .msg.user").allInnerTexts()).toEqual(["what can I do here?"]);
    await bookmarked.close();
  }, 60_000);

  it("keeps the buttons of every record still open after a reload, not only the last message's", async () => {
    const page = await openChat(undefined, `?as=${person("Amara Okafor").id}`);
    const shown = await page.locator("#log .msg.incident").count(); // from earlier tests in Amara's conversation
    await say(page, "incident INC-0001");
    await say(page, "incident INC-0002");
    await say(page, "register a system"); // a question now follows the two incidents
    const usable = (locator: ReturnType<Page["locator"]>) => locator.evaluateAll((buttons) => buttons.length > 0 && buttons.every((button) => !(button as HTMLButtonElement).disabled));
    const incidentButtons = (index: number) => page.locator("#log .msg.incident").nth(shown + index).locator("button");
    const questionButtons = () => page.locator("#log .msg.question").last().locator("button");
    expect(await page.locator("#log .msg.incident").count()).toBe(shown + 2);
    expect(await usable(incidentButtons(0))).toBe(true);
    expect(await usable(incidentButtons(1))).toBe(true);
    expect(await usable(questionButtons())).toBe(true);
    const before = await page.locator("#log .msg").count();

    await page.reload();
    await page.locator("#log .msg").nth(before - 1).waitFor();
    expect(await usable(incidentButtons(0))).toBe(true);
    expect(await usable(incidentButtons(1))).toBe(true);
    expect(await usable(questionButtons())).toBe(true);
    await page.screenshot({ path: path.join(screenshots, "desktop-reload-keeps-buttons.png") });
    await say(page, "cancel");
    await page.close();
  }, 60_000);

  it("wraps a long unbroken word inside its bubble and leaves the menu usable", async () => {
    const page = await openChat();
    await actAs(page, "Leila Haddad");
    const word = "https://example.com/" + "a".repeat(600);
    await say(page, word);
    const sent = page.locator("#log .msg.user").last();
    expect(await sent.innerText()).toBe(word);
    const box = (await sent.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(await sent.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    const menuButtons = page.locator("#log button[data-flow]");
    expect(await menuButtons.count()).toBeGreaterThan(0);
    expect(await menuButtons.evaluateAll((buttons) => buttons.every((button) => !(button as HTMLButtonElement).disabled))).toBe(true);
    await page.close();
  }, 60_000);

  it("says the limit for a message that is too long, and keeps what was typed", async () => {
    const page = await openChat();
    await actAs(page, "Leila Haddad");
    const long = "The chatbot kept answering. ".repeat(715); // 20,020 characters
    const count = await page.locator("#log .msg").count();
    await page.fill("#text", long);
    await page.click("[data-testid=send]");
    await page.locator("#log .msg.error").waitFor();
    expect(await lastBubble(page).innerText()).toMatch(/at most 10,000 characters/);
    expect(await lastBubble(page).innerText()).not.toMatch(/could not be read/);
    expect(await page.locator("#log .msg").count()).toBe(count + 1); // the error only: the refused message is not shown as sent
    expect(await page.locator("#text").inputValue()).toBe(long.trim());
    expect(await page.locator("#log button[data-flow]").evaluateAll((buttons) => buttons.every((button) => !(button as HTMLButtonElement).disabled))).toBe(true);
    await page.close();
  }, 60_000);

  it("fits a 375 px phone screen: the message box on screen, nothing wider than the screen, notifications behind a button", async () => {
    const phone = { width: 375, height: 740 };
    const page = await openChat(phone, `?as=${person("Amara Okafor").id}`);
    await say(page, "incidents");
    const composer = (await page.locator("#text").boundingBox())!;
    const send = (await page.locator("[data-testid=send]").boundingBox())!;
    expect(composer.y + composer.height).toBeLessThanOrEqual(phone.height);
    expect(composer.x).toBeGreaterThanOrEqual(0);
    expect(send.x + send.width).toBeLessThanOrEqual(phone.width);
    expect(composer.width).toBeGreaterThan(150);
    const select = (await page.locator("#person").boundingBox())!;
    expect(select.x + select.width).toBeLessThanOrEqual(phone.width);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await page.locator("#notifications").isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshots, "phone-375-chat.png") });

    await page.click("[data-testid=toggle-notices]");
    expect(await page.locator("#notifications").isVisible()).toBe(true);
    const panel = (await page.locator("#notices-panel").boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(phone.width);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(screenshots, "phone-375-notifications.png") });
    await page.close();
  }, 60_000);
});
