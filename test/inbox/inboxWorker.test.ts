// The durable inbox under concurrency: many people's requests processed by a bounded pool of
// workers (two replicas here, as two service processes would), each request exactly once and each
// person's requests in the order they arrived, whatever the interleaving.
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Inbox, type InboxRequest } from "../../src/store/inbox.js";
import { InboxWorker } from "../../src/inbox/inboxWorker.js";
import { TurnSlots } from "../../src/inbox/turnSlots.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";
import { countingQueries } from "../../src/store/queryCounting.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";

const silent = pino({ level: "silent" });

describe.each(backends)("the durable inbox (%s)", (backend) => {
  let database: TestDatabase | undefined;
  const workers: InboxWorker[] = [];
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await database?.dispose();
    database = undefined;
  });

  const inboxOn = async () => {
    database = await openTestDatabase(backend);
    // Written as the service writes: on the connections kept for acknowledgements.
    return new Inbox(database.prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 }, { priority: database.priority, direct: database.direct });
  };

  /** A worker that records, per lane, the order in which it saw each request, and yields between steps. */
  const startWorker = (inbox: Inbox, seen: Map<string, number[]>, concurrency: number) => {
    const worker = new InboxWorker({
      inbox,
      platform: "slack",
      concurrency,
      logger: silent,
      pollMs: 50,
      async process(request: InboxRequest) {
        const { lane, position } = request.body as { lane: string; position: number };
        const inLane = seen.get(lane) ?? [];
        seen.set(lane, inLane);
        inLane.push(position);
        // A step's round trips: others run meanwhile, so a lane processed out of order would show.
        for (let pause = 0; pause < 1 + (position % 3); pause++) await new Promise((resolve) => setImmediate(resolve));
      },
      answerLater: async () => {},
    });
    workers.push(worker);
    worker.start();
    return worker;
  };

  it("processes every request once, each lane in arrival order, with two workers claiming at once", async () => {
    const inbox = await inboxOn();
    const lanes = 40;
    const perLane = 6;
    const writes: Promise<number | null>[] = [];
    // Written as a burst would arrive: interleaved across lanes, many writes on their way at once.
    for (let position = 0; position < perLane; position++) {
      for (let lane = 0; lane < lanes; lane++) writes.push(inbox.write("slack", `test:${lane}:${position}`, `lane-${lane}`, { lane: `lane-${lane}`, position }));
    }
    const ids = await Promise.all(writes);
    expect(ids.every((id) => typeof id === "number")).toBe(true);
    expect(new Set(ids).size).toBe(lanes * perLane);

    const seen = new Map<string, number[]>();
    startWorker(inbox, seen, 8);
    startWorker(inbox, seen, 8);
    const deadline = Date.now() + 60_000;
    while ((await inbox.unprocessed("slack")) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await inbox.unprocessed("slack")).toBe(0);
    expect(seen.size).toBe(lanes);
    for (const [, positions] of seen) expect(positions).toEqual(Array.from({ length: perLane }, (_, position) => position));
  });

  it("shares one budget of turns between two platforms, each keeping its share while the other is flooded", async () => {
    const inbox = await inboxOn();
    const slots = new TurnSlots(8);
    const running = { slack: 0, teams: 0 };
    let mostAtOnce = 0;
    let mostTeamsWhileSlackFull = 0;
    const gates: (() => void)[] = [];
    const worker = (platform: "slack" | "teams") => {
      const started = new InboxWorker({
        inbox,
        platform,
        concurrency: 6,
        slots,
        logger: silent,
        // Long enough that only a freed slot, never the poll, can start the next request during the test.
        pollMs: 60_000,
        async process() {
          running[platform]++;
          mostAtOnce = Math.max(mostAtOnce, running.slack + running.teams);
          if (running.slack === 6) mostTeamsWhileSlackFull = Math.max(mostTeamsWhileSlackFull, running.teams);
          await new Promise<void>((resolve) => gates.push(resolve));
          running[platform]--;
        },
        answerLater: async () => {},
      });
      workers.push(started);
      return started;
    };
    for (let n = 0; n < 20; n++) await inbox.write("slack", `slack:${n}`, `slack:U${n}`, { n });
    const slack = worker("slack");
    slack.start();
    await waitUntil(() => running.slack === 6);
    for (let n = 0; n < 20; n++) await inbox.write("teams", `teams:${n}`, `teams:${n}`, { n });
    const teams = worker("teams");
    teams.start();
    await waitUntil(() => running.teams === 2);
    expect(running).toEqual({ slack: 6, teams: 2 });
    // Slack's turns finish: Teams takes the freed turns at once (its poll is a minute away), up to its own six.
    for (const open of gates.splice(0, 6)) open();
    await waitUntil(() => running.teams === 6);
    expect(running.slack + running.teams).toBeLessThanOrEqual(8);
    while (running.slack + running.teams > 0 || (await inbox.unprocessed("slack")) + (await inbox.unprocessed("teams")) > 0) {
      for (const open of gates.splice(0)) open();
      slack.wake();
      teams.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(mostAtOnce).toBe(8);
    expect(mostTeamsWhileSlackFull).toBe(2);
  });

  it("writes a retried delivery once, also when the retry arrives in the same batch as the first", async () => {
    const inbox = await inboxOn();
    // The first write goes at once; the three after it wait for it and go together in one INSERT.
    const [, first, sameBatchRetry, other] = await Promise.all([
      inbox.write("slack", "slack:event:Ev0", "slack:U0", { text: "hi" }),
      inbox.write("slack", "slack:event:Ev1", "slack:U1", { text: "hello" }),
      inbox.write("slack", "slack:event:Ev1", "slack:U1", { text: "hello" }),
      inbox.write("slack", "slack:event:Ev2", "slack:U1", { text: "it's me again" }),
    ]);
    const laterRetry = await inbox.write("slack", "slack:event:Ev1", "slack:U1", { text: "hello" });
    expect(typeof first).toBe("number");
    expect(sameBatchRetry).toBeNull();
    expect(laterRetry).toBeNull();
    expect(other).toBeGreaterThan(first!);
    expect(await inbox.unprocessed("slack")).toBe(3);
  });

  it("keeps a body's text exactly, quotes, backslashes and non-Latin letters included", async () => {
    const inbox = await inboxOn();
    const body = { text: `He said "stop" \\ and left {a,b} — Zoë 日本 😀`, nested: { list: ["x", '"y"'] } };
    await inbox.write("slack", "slack:event:Ev-text", "slack:U2", body);
    // Claimed by another replica (or after a restart), so the body comes back from the database.
    const replica = new Inbox(database!.prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 }, { priority: database!.priority, direct: database!.direct });
    const [claimed] = await replica.claim("slack", new Date(), 5);
    expect(claimed?.body).toEqual(body);
  });

  it("claims what it wrote itself without reading the body back, and reads back what another replica wrote", async () => {
    database = await openTestDatabase(backend);
    const counting = countingQueries(database.adapterFactory);
    const prisma = new PrismaClient({ adapter: counting.factory });
    try {
      const settings = { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 };
      const writer = new Inbox(prisma, settings, { priority: database.priority, direct: counting.driver(database.direct) });
      const replica = new Inbox(prisma, settings, { priority: database.priority, direct: counting.driver(database.direct) });
      await writer.write("slack", "own", "slack:U5", { text: "mine" });
      counting.log.reset();
      expect((await writer.claim("slack", new Date(), 5)).map((request) => request.body)).toEqual([{ text: "mine" }]);
      expect(counting.log.statements).toHaveLength(1);
      await writer.write("slack", "theirs", "slack:U6", { text: "written by the other replica" });
      counting.log.reset();
      expect((await replica.claim("slack", new Date(), 5)).map((request) => request.body)).toEqual([{ text: "written by the other replica" }]);
      expect(counting.log.statements).toHaveLength(2);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives a lane's next request only after the one before it is marked processed", async () => {
    const inbox = await inboxOn();
    const first = await inbox.write("slack", "k1", "slack:U3", { n: 1 });
    const second = await inbox.write("slack", "k2", "slack:U3", { n: 2 });
    const otherLane = await inbox.write("slack", "k3", "slack:U4", { n: 3 });
    const now = new Date();
    expect((await inbox.claim("slack", now, 10)).map((request) => request.id)).toEqual([first, otherLane]);
    expect(await inbox.claim("slack", now, 10)).toEqual([]);
    expect((await inbox.settle("slack", [first!], now, 10)).map((request) => request.id)).toEqual([second]);
    expect(await inbox.settle("slack", [second!, otherLane!], now, 10)).toEqual([]);
    expect(await inbox.unprocessed("slack")).toBe(0);
  });

  it("claims without reading the backlog or the day of processed requests kept beside it", async () => {
    database = await openTestDatabase(backend);
    const counting = countingQueries(database.adapterFactory);
    const prisma = new PrismaClient({ adapter: counting.factory });
    try {
      const inbox = new Inbox(prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 }, { priority: database.priority, direct: counting.driver(database.direct) });
      // A busy day: 5,000 requests processed, then 500 people each waiting for an answer, 8 of them being answered.
      await database.priority.query(`INSERT INTO "InboxMessage" (platform, "dedupeKey", lane, body, "processedAt")
        SELECT 'slack', 'done-' || n, 'slack:U' || (n % 500), '{}', now() FROM generate_series(1, 5000) AS n`);
      await database.priority.query(`INSERT INTO "InboxMessage" (platform, "dedupeKey", lane, body)
        SELECT 'slack', 'waiting-' || n, 'slack:U' || n, '{}' FROM generate_series(1, 500) AS n`);
      const now = new Date();
      const inFlight = await inbox.claim("slack", now, 8);
      await database.priority.query(`ANALYZE "InboxMessage"`);
      counting.log.reset();
      const claimed = await inbox.settle("slack", [inFlight[0]!.id], now, 2);
      expect(claimed).toHaveLength(2);
      // The same statement again, explained: how many rows its scans of the inbox read.
      const parameters = [new Date(now.getTime() + 60_000).toISOString().replace("Z", ""), "slack", now.toISOString().replace("Z", ""), 2, [inFlight[1]!.id], now.toISOString().replace("Z", "")];
      const [settle] = counting.log.statements;
      const [explained] = await database.priority.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${settle}`, parameters);
      // In arrival order it passes the 7 still being answered and takes the next two; never the 5,000 or the 500.
      expect(rowsReadFromInbox(explained!["QUERY PLAN"][0]!.Plan)).toBeLessThan(40);
    } finally {
      await prisma.$disconnect();
    }
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of the inbox table produced or filtered out, over all their loops. */
function rowsReadFromInbox(node: PlanNode): number {
  const own = node["Relation Name"] === "InboxMessage" && /Scan/.test(node["Node Type"]) ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFromInbox(child), 0);
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
