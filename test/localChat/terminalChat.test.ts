// The terminal session (`aims chat`) and the chat API, driven as their users would, across a crash.
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, runAims, scratchDataDir, startServiceProcess } from "../support/processes.js";

const dirs: { dispose(): Promise<void> }[] = [];
const newDataDir = () => {
  const scratch = scratchDataDir("aims-terminal-");
  dirs.push(scratch);
  return scratch.dataDir;
};
afterAll(async () => {
  for (const dir of dirs) await dir.dispose();
});

function chatSession(dataDir: string, as: string, lines: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "aims.js"), "chat", "--as", as], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AIMS_DATA_DIR: dataDir },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  child.stdin.end(lines.join("\n") + "\n");
  return new Promise((resolve) => child.once("exit", () => resolve(output)));
}

describe("the terminal chat", () => {
  it("takes an incident report from a member and a registration from an owner, both exported", async () => {
    const dataDir = newDataDir();
    const report = await chatSession(dataDir, "member", [
      "The Claims Fraud Scoring model wrongly flagged every claim from one postcode",
      "bias",
      "2 days ago",
      "claimants in one postcode",
      "no",
      "3", // SEV3, by its number in the list
      "skip",
      "no", // not confidential, although recommended
      "no",
      "confirm",
      "quit",
    ]);
    expect(report).toMatch(/\[1\/8\] What kind of incident is it\?/); // the system and description came with the first sentence
    const reference = /Thank you: your report is (INC-\d{4})/.exec(report)?.[1];
    expect(reference, report).toBeDefined();

    const registration = await chatSession(dataDir, "owner", [
      "1", // the menu: register an AI system
      "Quote Explainer",
      "Explains quotes to customers",
      "Customers read it on the quote page",
      "4", // component of our product
      "OpenAI",
      "skip",
      "me",
      "1, 5", // personal data, confidential business data
      "customers",
      "advises",
      "credit",
      "in development",
      "yes",
      "edit 1",
      "Quote Explainer v2",
      "confirm",
      "quit",
    ]);
    const system = /Registered (AIS-\d{4}): Quote Explainer v2/.exec(registration)?.[1];
    expect(system, registration).toBeDefined();
    expect(registration).toMatch(/Risk tier: Medium/);

    const incidents = JSON.parse((await runAims(["export", "incidents", "--format", "json"], { AIMS_DATA_DIR: dataDir })).stdout);
    expect(incidents.find((row: { reference: string }) => row.reference === reference)).toMatchObject({ type: "bias", severity: "sev3", confidential: false, systemName: "Claims Fraud Scoring" });
    const systems = JSON.parse((await runAims(["export", "systems", "--format", "json"], { AIMS_DATA_DIR: dataDir })).stdout);
    expect(systems.find((row: { reference: string }) => row.reference === system)).toMatchObject({ name: "Quote Explainer v2", kind: "component_in_own_product", vendor: "OpenAI", dataCategories: ["personal", "confidential_business"], regulatedDomain: "credit_insurance" });
  }, 240_000);

  it("shows governance members new incident notices, without a confidential incident's details", async () => {
    const dataDir = newDataDir();
    const reported = await chatSession(dataDir, "member", ["Our HR assistant exposed a colleague's salary to the whole team", "skip", "privacy", "today", "one employee", "yes", "2", "skip", "skip", "no", "confirm", "quit"]);
    const confidential = /your report is (INC-\d{4})/.exec(reported)![1]!;
    await chatSession(dataDir, "member", ["The Grammarly Writing Suggestions tool made up a legal citation in a letter", "inaccurate", "today", "one broker", "no", "4", "skip", "no", "no", "confirm", "quit"]);

    const governance = await chatSession(dataDir, "governance", ["quit"]);
    expect(governance).toContain(`New AI incident ${confidential}`);
    expect(governance).toMatch(/made up a legal citation/); // an open incident is described in full
    expect(governance).not.toMatch(/salary|colleague|HR assistant/);
    const member = await chatSession(dataDir, "member", ["quit"]);
    expect(member).not.toContain("New AI incident"); // governance notices are for governance
  }, 240_000);

  it("ends the session at \"/quit\" or \"Bye\" as at \"quit\", reading nothing after it", async () => {
    const dataDir = newDataDir();
    for (const leave of ["/quit", "Bye"]) {
      const session = await chatSession(dataDir, "member", [leave, "help"]);
      expect(session).toContain('Type "quit" to leave.');
      expect(session).not.toMatch(/I'm not sure what you'd like to do/);
      expect(session).not.toContain("Getting around"); // what "help" answers
    }
  }, 120_000);
});

describe("a conversation in the local chat across a crash", () => {
  it("resumes at the same step with every answer after the service is killed", async () => {
    const dataDir = newDataDir();
    let service = await startServiceProcess({ AIMS_DATA_DIR: dataDir });
    const people = (await (await fetch(`${service.url}/chat/api/people`)).json()) as { id: string; persona: string }[];
    const owner = people.find((person) => person.persona === "owner")!;
    const turn = async (url: string, input: object) => {
      const response = await fetch(`${url}/chat/api/turn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ personId: owner.id, conversationId: "crash", input }) });
      return (await response.json()) as { messages: { kind: string; stepId?: string; text?: string }[] };
    };
    await turn(service.url, { kind: "start", flowId: "register_ai_system" });
    for (const text of ["Crash Test Model", "Tests crashes", "QA engineers"]) await turn(service.url, { kind: "text", text });
    service.child.kill("SIGKILL");
    await new Promise((resolve) => service.child.once("exit", resolve));

    service = await startServiceProcess({ AIMS_DATA_DIR: dataDir });
    const resumed = await turn(service.url, { kind: "command", command: "continue" });
    expect(resumed.messages.at(-1)).toMatchObject({ kind: "question", stepId: "kind" });
    const next = await turn(service.url, { kind: "choice", stepId: "kind", value: "internal_model" });
    expect(next.messages.at(-1)).toMatchObject({ kind: "question", stepId: "businessUnit" });
    const bad = await fetch(`${service.url}/chat/api/turn`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    expect(await service.stop()).toBe(0);
  }, 180_000);
});
