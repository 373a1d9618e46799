// The evidence pack as a governance member gets it in the local chat: asked for in chat, downloaded
// as a zip from the notice, unzipped and read as an auditor reads it. The records in it were made
// through the same chat: a policy question passed on and answered, a note with evidence on an incident.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidPattern } from "../../src/export/readableText.js";
import { closeLocalChat, firstOfKind, localChatTurns, openLocalChat } from "../support/localChatSession.js";
import { projectRoot } from "../support/processes.js";
import { expectHonestPackIndex } from "../support/evidencePackIndex.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the evidence pack from the local chat", () => {
  const people = new Map<string, string>();
  let chat: Awaited<ReturnType<typeof openLocalChat>>;
  beforeAll(async () => {
    chat = await openLocalChat(people);
  });
  afterAll(() => closeLocalChat(chat));
  const { turn, say } = localChatTurns(() => chat.service.url, people);

  it("holds the policy documents, scope, objectives, roles, policy questions and incident timelines, readable and hashed", async () => {
    // A policy question the policy does not settle, passed on and answered by governance.
    const asked = firstOfKind(await say("tom", "can I use an AI voice generator to read out our hold music announcements?"), "answer")!;
    const passed = await turn("tom", { kind: "policy_feedback", questionId: asked.questionId!, verdict: "route" });
    const question = /\((PQ-\d{4})\)/.exec(JSON.stringify(passed))?.[1];
    expect(question, JSON.stringify(passed)).toBeDefined();
    await say("amara", `answer ${question}`, "Only with the approved voice in Northwind Assist, and the announcement says it is AI-generated.", "ai-acceptable-use-policy.md §8.1");
    expect(firstOfKind(await say("amara", "confirm"), "done")!.title).toBe(`${question} answered`);
    // A status change and a note with an evidence link on incidents.
    await turn("amara", { kind: "incident_action", reference: "INC-0006", action: "acknowledge" });
    await say("amara", "note INC-0004 Drift confirmed against the October baseline https://dashboards.example/pricing/drift-oct");

    const reply = await say("amara", "evidence pack");
    expect(JSON.stringify(reply)).toContain("I'm putting the evidence pack together");
    const notices = (await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get("amara")}`)).json()) as { id: string; kind: string }[];
    const notice = notices.find((candidate) => candidate.kind === "evidence_pack")!;
    const download = await fetch(`${chat.service.url}/chat/api/notifications/${notice.id}/file?personId=${people.get("amara")}`);
    expect(download.status).toBe(200);
    const zipped = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const folder = Object.keys(zipped)[0]!.split("/")[0]!;
    const files = new Map(Object.entries(zipped).map(([name, bytes]) => [name.slice(folder.length + 1), bytes]));
    const read = (file: string) => strFromU8(files.get(file) ?? new Uint8Array());
    const csv = (file: string) => parse(read(file), { columns: true }) as Record<string, string>[];

    // The policy documents themselves, byte for byte, with their stated version and hash.
    for (const document of fs.readdirSync(path.join(projectRoot, "policies")).filter((file) => !file.startsWith("."))) {
      const original = new Uint8Array(fs.readFileSync(path.join(projectRoot, "policies", document)));
      expect(sha256(files.get(`policy-documents/${document}`)!), document).toBe(sha256(original));
      expect(csv("policy-documents.csv").find((row) => row.file === document)).toMatchObject({ sha256: sha256(original) });
    }
    expect(read("policy-documents.md")).toContain("| policy-documents/ai-acceptable-use-policy.md | Northwind Mutual AI Acceptable Use Policy | 2.1 |");

    // Scope, objectives and roles.
    expect(read("scope.md")).toContain("| Singapore sales office | sells only through a partner and uses no AI systems of its own; reviewed at each management review |");
    expect(JSON.parse(read("scope.json"))[0]).toMatchObject({ reference: "SCP-0001", version: 1 });
    expect(csv("ai-objectives.csv").map((row) => [row.reference, row.ownerName, row.status])).toEqual([
      ["OBJ-0001", "Amara Okafor", "on_track"],
      ["OBJ-0002", "Lukas Brandt", "at_risk"],
      ["OBJ-0003", "Priya Raman", "not_started"],
      ["OBJ-0004", "Amara Okafor", "achieved"],
    ]);
    expect(read("ai-objectives.md")).toContain("| OBJ-0002 | High-tier AI systems have a current impact assessment before approval | 100% of high-tier systems assessed within the last 12 months |");
    expect(read("ai-objectives.md")).toContain("| Lukas Brandt | 28 Feb 2027 | At risk |");
    expect(read("role-assignments.md")).toMatch(/\| Amara Okafor \| Governance team \| triages incidents[^|]*\| \d{1,2} \w{3,4} \d{4}, \d\d:\d\d \| not recorded \(added with the role\) \|/);
    expect(csv("role-assignments.csv").filter((row) => row.role === "auditor").map((row) => row.name)).toEqual(["Daniel Mensah"]);

    // The policy-question log with the curated answer.
    const log = csv("policy-questions.csv").find((row) => row.passedToGovernance === question)!;
    expect(log).toMatchObject({ curatedAnswerBy: "Amara Okafor", curatedAnswerText: "Only with the approved voice in Northwind Assist, and the announcement says it is AI-generated." });
    expect(read("policy-questions.md")).toMatch(new RegExp(`\\| can I use an AI voice generator[^|]*\\| PA-\\d{4} by Amara Okafor \\| ${question} \\(`));
    expect(read("policy-questions.md")).toContain("| ai-acceptable-use-policy.md §8.1 | Amara Okafor, ");

    // Every incident's timeline, with the note, its evidence link, who and when.
    const timeline = read("incident-timelines.md");
    for (const incident of csv("incident-register.csv")) expect(timeline).toContain(`## ${incident.reference}: `);
    expect(timeline).toMatch(/\| \d{1,2} \w{3,4} \d{4}, \d\d:\d\d \| Amara Okafor \| Drift confirmed against the October baseline \| https:\/\/dashboards\.example\/pricing\/drift-oct \|/);
    expect(csv("incident-timelines.csv").filter((row) => row.incident === "INC-0004").map((row) => row.kind)).toEqual(["reported", "evidence"]);
    expect(csv("incident-timelines.csv").filter((row) => row.incident === "INC-0006").map((row) => [row.kind, row.who])).toEqual([["reported", "Leila Haddad"], ["transition", "Amara Okafor"]]);

    // The Markdown registers are written for people: no ids, labels instead of codes.
    const markdown = [...files.keys()].filter((file) => file.endsWith(".md") && !file.startsWith("policy-documents/"));
    expect(markdown.length).toBeGreaterThan(15);
    for (const file of markdown) expect(read(file), file).not.toMatch(uuidPattern);
    expect(read("incident-register.md")).toContain("| SEV2 (major) |");
    expect(read("incident-register.md")).not.toMatch(/\bsev2\b/);
    expect(read("change-history.md")).toContain("  - regulated domain: (empty) → Credit and insurance");
    expect(read("change-history.md")).not.toContain("credit_insurance");

    // The manifest names who exported the pack and hashes every other file in it.
    const manifest = JSON.parse(read("MANIFEST.json")) as { exportedBy: string; exportedVia: string; exportedAt: string; files: { path: string; sha256: string; bytes: number }[] };
    expect(manifest).toMatchObject({ exportedBy: "Amara Okafor", exportedVia: "Local chat" });
    expect(manifest.files.map((file) => file.path).sort()).toEqual([...files.keys()].filter((file) => file !== "MANIFEST.json").sort());
    for (const file of manifest.files) expect(sha256(files.get(file.path)!), file.path).toBe(file.sha256);
    // … and the export itself is in the change history, identified by the manifest's hash.
    const exported = await chat.database.prisma.changeLog.findFirstOrThrow({ where: { entityType: "EvidencePack" } });
    expect(exported).toMatchObject({ actorLabel: "Amara Okafor", channel: "local_chat" });
    expect((exported.changes as { manifestSha256: { to: string } }).manifestSha256.to).toBe(sha256(files.get("MANIFEST.json")!));

    // The index opens with the stage-1 checklist.
    expect(read("README.md").indexOf("## Stage-1 checklist")).toBeLessThan(read("README.md").indexOf("## Registers"));
    pack.files = files;
  }, 120_000);

  const pack: { files?: Map<string, Uint8Array> } = {};

  it("maps every clause and Annex A control of the catalog to files holding its records, or lists it as lacking evidence", () => {
    const files = pack.files!;
    const { evidenced, lacking } = expectHonestPackIndex((file) => strFromU8(files.get(file) ?? new Uint8Array()));
    // What the demo organisation holds, and what it lacks, as an auditor would find it.
    expect(evidenced).toContain("| 4.3 Defining the boundaries of the AIMS | scope.md: 1 |");
    expect(evidenced).toContain("| 6.2 Setting AI objectives and plans | ai-objectives.md: 4; objective-measurements.md: 7 |");
    expect(evidenced).toContain("| 9.1 Monitoring and measuring AIMS performance | objective-measurements.md: 7 |");
    // The demo audit is planned with its criteria and an independent auditor: the programme (9.2.2) is evidenced before it is held (9.2.1).
    expect(evidenced).toContain("| 9.2.2 Planning the internal audit programme | audits-and-management-reviews.md: 1 |");
    expect(lacking).toContain("- 9.2.1 ");
    expect(evidenced).toContain("| 5.2 The organization's AI policy | policy-documents.md: 3 |");
    expect(evidenced).toMatch(/\| 7\.4 Internal and external communications \| policy-questions\.md: 1 \|/);
    expect(evidenced).toMatch(/\| 4\.1 Organizational context and relevant issues \| context-issues\.md: \d+ \|/);
    expect(lacking).toContain("- 4.4 Establishing and maintaining the AIMS");
    // The demo's suppliers with due diligence done, its datasets (quality only where checked), resources and customer obligations.
    expect(evidenced).toContain("| A.10.3 Managing AI suppliers | supplier-register.md: 3 |");
    expect(evidenced).toContain("| A.7.4 Defining and meeting data quality | dataset-register.md: 3 |");
    expect(evidenced).toContain("| A.4.4 Documenting tooling resources | ai-resources.md: 3 |");
    expect(evidenced).toContain("| A.10.4 Meeting customer expectations and needs | customer-obligations.md: 3 |");
    expect(evidenced).toMatch(/\| A\.8\.4 Plan for communicating incidents to users \| external-notifications\.md: 2 \|/);
    expect(lacking).not.toContain("- A.7.2 ");
  });
});
