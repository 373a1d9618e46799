// `aims chat` matches the other surfaces: the persona asked for, the policy assistant, the evidence
// pack saved with its path printed, and notices printed as they arrive while nobody types.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, scratchDataDir, startServiceProcess } from "../support/processes.js";
import { localPeople, postTurn } from "../support/localChatApi.js";

const scratch = scratchDataDir("aims-terminal-surfaces-");
const env = { PATH: process.env.PATH, HOME: process.env.HOME, AIMS_DATA_DIR: scratch.dataDir };
afterAll(() => scratch.dispose());

/** A terminal session kept open: lines are typed one by one, and its output read as it comes. */
function openSession(args: string[]) {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "aims.js"), "chat", ...args], { cwd: projectRoot, env });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    output: () => output,
    type: (line: string) => child.stdin.write(`${line}\n`),
    async quit() {
      child.stdin.end("quit\n");
      return exited;
    },
  };
}

async function session(args: string[], lines: string[]): Promise<string> {
  const terminal = openSession(args);
  for (const line of lines) terminal.type(line);
  expect(await terminal.quit()).toBe(0);
  return terminal.output();
}

describe("the terminal chat", () => {
  it("logs in as the persona asked for: a member is a member, not the auditor", async () => {
    const member = await session(["--as", "member"], []);
    expect(member).toMatch(/you are (Tom Gallagher|Leila Haddad) \(member\)/);
    expect(member).not.toContain("Daniel Mensah");
    expect(await session(["--as", "auditor"], [])).toContain("you are Daniel Mensah (auditor)");
    expect(await session(["--as", "manager"], [])).toContain("you are Priya Raman (manager, owner)");
  }, 120_000);

  it("answers a policy question with the policy assistant, citing the policy, as the service does", async () => {
    const output = await session(["--as", "member"], ["what severity is a leak of customer data and how fast is it triaged?"]);
    // Cited as people know the document: its title and version, then the section.
    expect(output).toMatch(/— Northwind Mutual AI Incident Procedure \(Version 1\.4\) §\d/);
    expect(output).toMatch(/type "helpful" or "not helpful"/);
  }, 120_000);

  it("saves the evidence pack a governance member asks for, and prints its path", async () => {
    const files = path.join(scratch.dir, "received");
    const output = await session(["--as", "governance", "--files", files], ["evidence pack"]);
    const saved = /Saved (\S+\.zip) \(\d+ KB\)/.exec(output)?.[1];
    expect(saved, output).toBeDefined();
    expect(path.dirname(saved!)).toBe(files);
    expect(fs.readFileSync(saved!).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("prints a notice as it arrives, while the person is not typing", async () => {
    const service = await startServiceProcess({ AIMS_DATA_DIR: scratch.dataDir });
    try {
      const governance = openSession(["--as", "governance"]);
      await expect.poll(governance.output, { timeout: 60_000 }).toMatch(/Type a number/);
      const member = (await localPeople(service.url)).find((person) => person.persona === "member")!;
      const reported = await postTurn(service.url, member.id, "terminal-test", { kind: "text", text: "The Grammarly Writing Suggestions tool made up a legal citation in a letter to a broker" });
      expect(reported.status).toBe(200);
      let reply = reported;
      for (let turns = 0; reply.messages.at(-1)?.kind === "question" && turns < 12; turns++) {
        const question = reply.messages.at(-1)!;
        const input = { type: "inaccurate_output", severity: "sev4", anyoneHarmed: "no", confidential: "no", anonymous: "no" }[question.stepId!];
        reply = await postTurn(service.url, member.id, "terminal-test", input ? { kind: "choice", stepId: question.stepId!, value: input } : question.stepId === "occurredAt" ? { kind: "text", text: "today" } : question.stepId === "affectedParties" ? { kind: "text", text: "one broker" } : { kind: "command", command: "skip" });
      }
      const done = await postTurn(service.url, member.id, "terminal-test", { kind: "command", command: "confirm" });
      const reference = done.messages.find((message) => message.kind === "done")?.reference as string;
      expect(reference, JSON.stringify(done)).toMatch(/^INC-\d{4}$/);
      // Nothing is typed in the terminal meanwhile: the notice appears on its own.
      await expect.poll(governance.output, { timeout: 60_000 }).toContain(`New AI incident ${reference}`);
      expect(governance.output()).toContain(`"incident ${reference} acknowledge"`);
      expect(await governance.quit()).toBe(0);
    } finally {
      await service.stop();
    }
  }, 240_000);
});
