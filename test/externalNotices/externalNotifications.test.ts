// Recording who outside was told about an incident (A.8.4), through the local chat's HTTP API:
// the conversation, who may record it, the incident view, the change history and the exports.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { firstOfKind as find, useLocalChat } from "../support/localChatSession.js";

describe("external notifications about incidents", () => {
  const chat = useLocalChat();

  const { say } = chat;
  const errorText = (messages: OutgoingMessage[]) => messages.filter((message) => message.kind === "error").map((message) => (message as { text: string }).text).join(" ");

  it("lets the incident's handler record that a customer was told, and shows it on the incident, in its history and in the exports", async () => {
    // INC-0003 (Nora's wrong answer about flood cover) is handled by Kenji.
    await say("kenji", "notified INC-0003", "customer", "The Essentials policyholder who complained");
    const future = await say("kenji", "in 3 days");
    expect(errorText(future)).toMatch(/future/);
    const done = find(
      await say("kenji", "2026-10-10", "We apologised, confirmed flood is excluded and offered to cancel without fee.", "me", "https://docs.example/letters/NORA-1", "confirm"),
      "done",
    )!;
    expect(done.reference).toBe("EXN-0003");

    // Anyone who may see the incident sees who was told, on the incident and on its timeline.
    const view = find(await say("leila", "incident INC-0003"), "incident")!;
    expect(view.lines).toContain(
      "External notification EXN-0003: customer (The Essentials policyholder who complained) told on 10 October 2026 by Kenji Tan: We apologised, confirmed flood is excluded and offered to cancel without fee.",
    );
    expect(view.timeline.at(-1)).toMatchObject({ who: "Kenji Tan", text: "EXN-0003: customer (The Essentials policyholder who complained) told on 10 October 2026", link: "https://docs.example/letters/NORA-1" });

    const record = await chat.database.prisma.externalNotification.findUniqueOrThrow({ where: { reference: "EXN-0003" } });
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityId: record.id } });
    expect(history.map((entry) => `${entry.entityType}/${entry.action}/${entry.actorLabel}/${entry.channel}`)).toEqual(["ExternalNotification/create/Kenji Tan/local_chat"]);

    const csv = await exportText(chat.database.prisma, "notifications", "csv");
    // The demo organisation already holds EXN-0001 and EXN-0002 (the prompt-injection incident).
    expect(csv.split("\n").find((line) => line.includes("EXN-0003"))).toMatch(/^\S+,EXN-0003,\S+,customer,The Essentials policyholder who complained,2026-10-10T00:00:00.000Z,.*,INC-0003,Customer,Kenji Tan,/);
    const json = JSON.parse(await exportText(chat.database.prisma, "notifications", "json")) as Record<string, unknown>[];
    expect(json.find((row) => row.reference === "EXN-0003")).toMatchObject({ reference: "EXN-0003", incidentReference: "INC-0003", recipientKind: "customer", notifiedByName: "Kenji Tan", lastChangedBy: "Kenji Tan" });
    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    expect(pack.find((file) => file.path === "external-notifications.csv")?.content).toContain("EXN-0003");
    expect(pack.find((file) => file.path === "README.md")?.content).toMatch(/\| External notifications about incidents \| [^|]+ \| 3 \|/);
    expect(pack.find((file) => file.path === "README.md")?.content).toMatch(/\| A\.8\.4 [^|]+ \| [^|]*external-notifications\.\w+: 3/);
  });

  it("lets governance record a regulator notification on a confidential incident, and refuses people who do not handle the incident", async () => {
    // INC-0001 is confidential: its reporter (Hannah) sees it but does not handle it; Tom may not see it at all.
    expect(errorText(await say("hannah", "notified INC-0001"))).toMatch(/Only the governance team and the person handling INC-0001/);
    expect(errorText(await say("tom", "notified INC-0001"))).toMatch(/Only the governance team and the person handling INC-0001/);
    expect(errorText(await say("tom", "notified INC-0999"))).toMatch(/There is no incident INC-0999/);

    await say("lukas", "incident INC-0001 notified", "regulator", "Information Commissioner's Office", "2026-10-23", "Reported a possible discriminatory effect of the CV knockout rule and the re-review under way.", "Amara", "skip");
    const done = find(await say("lukas", "confirm"), "done")!;
    expect(done.reference).toBe("EXN-0004");
    expect(done.lines[0]).toBe("Regulator or authority: Information Commissioner's Office, told on 23 October 2026.");
    const view = find(await say("amara", "INC-0001"), "incident")!;
    expect(view.lines.join("\n")).toMatch(/EXN-0004: regulator or authority \(Information Commissioner's Office\) told on 23 October 2026 by Amara Okafor/);
  });
});
