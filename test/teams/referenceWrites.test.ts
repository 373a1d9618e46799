// Every Teams turn carries its conversation reference; it is written only when where the
// conversation is has changed, not once per message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { ConversationReferenceStore } from "../../src/store/conversationReferences.js";
import { countingQueries, type QueryLog } from "../../src/store/queryCounting.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe("remembering Teams conversation references", () => {
  let database: TestDatabase;
  let counted: PrismaClient;
  let log: QueryLog;
  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const counting = countingQueries(database.adapterFactory);
    counted = new PrismaClient({ adapter: counting.factory });
    log = counting.log;
  });
  afterAll(async () => {
    await counted.$disconnect();
    await database.dispose();
  });

  const reference = (activityId: string, serviceUrl = "https://smba.example/emea/") => ({
    activityId,
    user: { id: "29:tom" },
    bot: { id: "28:bot" },
    conversation: { id: "a:personal-tom" },
    channelId: "msteams",
    serviceUrl,
  });

  it("writes a reference once, again only when it moves, and keeps the latest", async () => {
    const references = new ConversationReferenceStore(counted);
    const writes = async (activityId: string, serviceUrl?: string) => {
      log.reset();
      await references.remember("teams", "a:personal-tom", "personal", null, reference(activityId, serviceUrl));
      return log.count;
    };
    expect(await writes("m1")).toBeGreaterThan(0);
    expect(await writes("m2")).toBe(0);
    expect(await writes("m3")).toBe(0);
    expect(await writes("m4", "https://smba.example/amer/")).toBeGreaterThan(0);
    const stored = await database.prisma.conversationReference.findUniqueOrThrow({ where: { platform_conversationId: { platform: "teams", conversationId: "a:personal-tom" } } });
    expect(stored.reference).toMatchObject({ serviceUrl: "https://smba.example/amer/" });
  });
});
