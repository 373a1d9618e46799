import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingEntity } from "../../src/store/trainingRecords.js";
import { personAudience } from "../../src/store/notifications.js";
import { createHarness, findMessage, lastQuestion, type Harness } from "../support/conversationHarness.js";
import { cliEnvironment, runAims } from "../support/processes.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe.each(backends)("competence records in chat (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  it("lets governance record a training, tells the person, and shows each person their own", async () => {
    const [amara, sofia, tom] = [harness.user("amara"), harness.user("sofia"), harness.user("tom")];
    expect(lastQuestion(await amara.say("record training"))).toMatchObject({ flowId: "record_training", stepId: "person" });
    await amara.answerAll(["Sofia", "Responsible AI foundations", "2026-03-02", "2027-03-02", "skip", "https://docs.example/certificates/sofia-rai.pdf"]);
    const done = findMessage(await amara.say("confirm"), "done")!;
    expect(done.title).toMatch(/^Recorded TRN-\d{4}: Responsible AI foundations for Sofia Alvarez$/);
    const record = await database.prisma.trainingRecord.findUniqueOrThrow({ where: { reference: done.reference } });
    expect(record).toMatchObject({ personId: sofia.speaker.personId, provider: null, createdVia: "local_chat", evidenceLink: "https://docs.example/certificates/sofia-rai.pdf" });
    expect((await harness.store.history.of(trainingEntity, record.id))[0]).toMatchObject({ actorLabel: "Amara Okafor", action: "create" });
    const told = await harness.store.notifications.forAudiences([personAudience(sofia.speaker.personId)]);
    expect(told.map((notice) => notice.subject)).toContain("Training recorded: Responsible AI foundations");

    const own = findMessage(await sofia.say("my training"), "record_list")!;
    expect(own.items).toEqual([{ reference: done.reference, text: "Responsible AI foundations · completed 2 March 2026 · valid until 2 March 2027 (valid)" }]);
    expect(findMessage(await tom.say("training"), "record_list")!.note).toMatch(/No trainings are recorded for you yet/);
    expect(findMessage(await tom.say("record training"), "error")!.text).toMatch(/^Only the governance team can record trainings/);
    expect(findMessage(await tom.say("training all"), "error")!.text).toMatch(/^Only the governance team and auditors can see everyone's/);
    const all = findMessage(await amara.say("training all"), "record_list")!;
    expect(all.items.map((item) => item.reference)).toContain(done.reference);
  });

  it("refuses a validity that ends before completion, keeping the answers for editing", async () => {
    const amara = harness.user("amara", "training-dates");
    await amara.say("record training");
    await amara.answerAll(["Tom", "Bias testing basics", "2026-06-01", "2026-05-01", "skip", "skip"]);
    const refused = await amara.say("confirm");
    expect(findMessage(refused, "error")!.text).toBe('"Valid until" must be after the completion date; please edit it.');
    await amara.say("edit 4");
    await amara.say("2027-06-01");
    expect(findMessage(await amara.say("confirm"), "done")!.lines[0]).toBe("Valid until 1 June 2027; a reminder goes out before it expires.");
  });
});

describe("importing and exporting training records with the CLI", () => {
  // Several CLI runs: on a PostgreSQL server when there is one.
  const { env, dir } = cliEnvironment("aims-training-");

  it("imports a CSV all or nothing, naming each bad line, and exports the register", async () => {
    expect((await runAims(["demo-data"], env)).code).toBe(0);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, [
      "email,course,completed_on,valid_until,provider",
      "sofia.alvarez@northwind.example,Responsible AI foundations,2026-02-01,2027-02-01,Northwind Academy",
      "nobody@northwind.example,Prompt safety,2026-02-01,,",
      "tom.gallagher@northwind.example,Prompt safety,01/02/2026,,",
      "tom.gallagher@northwind.example,Prompt safety,2026-02-01,2025-01-01,",
    ].join("\n"));
    const refused = await runAims(["import", "training", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Nothing was imported");
    expect(refused.stderr).toContain("line 3: nobody with the email nobody@northwind.example is in the directory");
    expect(refused.stderr).toMatch(/line 4: completed_on: Use the form 2026-11-20\./);
    expect(refused.stderr).toMatch(/line 5: validUntil: It must stay valid until after it was completed\./);
    expect(JSON.parse((await runAims(["export", "training", "--format", "json"], env)).stdout)).toEqual([]);

    const good = path.join(dir, "good.csv");
    fs.writeFileSync(good, "Email,Course,Completed_On,Valid_Until\nsofia.alvarez@northwind.example,Responsible AI foundations,2026-02-01,2027-02-01\ntom.gallagher@northwind.example,\"Prompt safety, level 1\",2026-02-01,\n");
    const imported = await runAims(["import", "training", good], env);
    expect(imported.stderr).toContain("Imported 2 training records");
    const rows = parse((await runAims(["export", "training", "--format", "csv"], env)).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.reference, row.personEmail, row.course, (row.validUntil ?? "").slice(0, 10), row.lastChangedBy, row.lastChangeChannel])).toEqual([
      ["TRN-0001", "sofia.alvarez@northwind.example", "Responsible AI foundations", "2027-02-01", `import of ${good}`, "import"],
      ["TRN-0002", "tom.gallagher@northwind.example", "Prompt safety, level 1", "", `import of ${good}`, "import"],
    ]);
  }, 120_000);
});
