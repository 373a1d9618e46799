import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryFailure, DeliveryWorker, type DeliverySender } from "../../src/delivery/deliveryWorker.js";
import { Outbox, type DeliveryRouter } from "../../src/delivery/outbox.js";
import { enqueueNotice, governanceAudience, personAudience } from "../../src/store/notifications.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const logger = pino({ level: "silent" });
const minute = 60_000;

describe.each(backends)("the notification outbox (%s database)", (backend) => {
  let database: TestDatabase;
  let clock = new Date("2026-11-30T10:00:00Z");
  const now = () => clock;
  // Everyone in the audience on a "chat" platform; governance also in a channel unless private.
  const route: DeliveryRouter = async (notification) => [
    { platform: "chat", target: notification.audience },
    ...(notification.audience === governanceAudience && !notification.privateOnly ? [{ platform: "chat", target: "channel:C0GOV" }] : []),
  ];
  const notify = (key: string, audience: string, options: { privateOnly?: boolean; notBefore?: Date } = {}) =>
    database.prisma.$transaction((tx) => enqueueNotice(tx, audience, { kind: "test", subject: `Subject ${key}`, text: `Text ${key}`, recordRef: key }, options));
  const recorder = (fail: (target: string, attempt: number) => DeliveryFailure | null = () => null) => {
    const sent: string[] = [];
    const attempts = new Map<string, number>();
    const sender: DeliverySender = {
      platform: "chat",
      async send(target, notice) {
        const attempt = (attempts.get(notice.subject + target) ?? 0) + 1;
        attempts.set(notice.subject + target, attempt);
        const failure = fail(target, attempt);
        if (failure) throw failure;
        sent.push(`${notice.subject} → ${target}`);
      },
    };
    return { sender, sent };
  };
  const workerWith = (sender: DeliverySender, maxAttempts = 3) => {
    const worker = new DeliveryWorker({ outbox: new Outbox(database.prisma, { leaseMs: 5 * minute, maxAttempts }), route, logger, intervalMs: 60_000, clock: now });
    worker.addSender(sender);
    return worker;
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.dispose());

  it("delivers each notice once per destination, keeps private notices out of channels, and waits for notBefore", async () => {
    await notify("A", governanceAudience);
    await notify("B", governanceAudience, { privateOnly: true });
    await notify("C", personAudience("p1"), { notBefore: new Date(clock.getTime() + 60 * minute) });
    await notify("A", governanceAudience); // a retried write: the same notice, not a second one
    const { sender, sent } = recorder();
    const worker = workerWith(sender);
    await worker.kick();
    await worker.kick();
    expect(sent.sort()).toEqual(["Subject A → channel:C0GOV", "Subject A → role:governance", "Subject B → role:governance"]);
    clock = new Date(clock.getTime() + 61 * minute);
    await worker.kick();
    expect(sent).toContain("Subject C → person:p1");
    expect(sent).toHaveLength(4);
    const delivered = await database.prisma.notification.findMany({ where: { recordRef: { in: ["A", "B", "C"] } } });
    expect(delivered.every((notification) => notification.deliveredAt !== null)).toBe(true);
  });

  it("queues a notice once when two transactions queue it at the same moment, failing neither", async () => {
    // The first transaction inserts and stays open; the second then inserts the same key and waits on it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstQueued!: () => void;
    const queued = new Promise<void>((resolve) => (firstQueued = resolve));
    const notice = { kind: "test", subject: "Raced", text: "Raced", recordRef: "race-1" };
    const first = database.prisma.$transaction(async (tx) => {
      await enqueueNotice(tx, personAudience("p-race"), notice);
      firstQueued();
      await held;
    });
    await queued;
    const second = database.prisma.$transaction((tx) => enqueueNotice(tx, personAudience("p-race"), notice));
    await waitUntilAStatementWaitsForALock();
    release();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(await database.prisma.notification.count({ where: { recordRef: "race-1" } })).toBe(1);
  });

  /** A statement blocked on another transaction's lock, seen by the database itself (no sleeping). */
  const waitUntilAStatementWaitsForALock = async () => {
    for (;;) {
      const [row] = await database.prisma.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
      if (row!.waiting > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it("retries after a 429's Retry-After and with backoff after other errors, then gives up and tells governance", async () => {
    await notify("R", personAudience("p2"));
    await notify("D", personAudience("p3"));
    const { sender, sent } = recorder((target, attempt) => {
      if (target === "person:p2" && attempt === 1) return new DeliveryFailure("rate limited", 30_000);
      if (target === "person:p3") return new DeliveryFailure("Slack answered 503");
      return null;
    });
    const worker = workerWith(sender, 3);
    await worker.kick();
    const waiting = await database.prisma.notificationDelivery.findFirstOrThrow({ where: { target: "person:p2" } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 0, lastError: "rate limited" }); // a 429 spends no attempt
    expect(waiting.nextAttemptAt.getTime() - clock.getTime()).toBe(30_000);
    clock = new Date(clock.getTime() + 29_000);
    await worker.kick();
    expect(sent).not.toContain("Subject R → person:p2"); // not before Retry-After
    clock = new Date(clock.getTime() + 2_000);
    await worker.kick();
    expect(sent).toContain("Subject R → person:p2");
    for (let i = 0; i < 4; i++) {
      clock = new Date(clock.getTime() + 60 * minute);
      await worker.kick();
    }
    const dead = await database.prisma.notificationDelivery.findFirstOrThrow({ where: { target: "person:p3" } });
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lastError: "Slack answered 503" });
    const told = await database.prisma.notification.findFirstOrThrow({ where: { kind: "delivery_failed", audience: governanceAudience } });
    expect(told.text).toBe('"Subject D" to person:p3 on chat failed 3 times (last error: Slack answered 503). It will not be retried.');
  });

  it("tells governance once per notice that could not be delivered, not once per destination", async () => {
    await notify("G", governanceAudience); // to the governance members and their channel
    const { sender } = recorder((target) => (target === "role:governance" || target === "channel:C0GOV" ? new DeliveryFailure("Slack answered 503") : null));
    const worker = workerWith(sender, 2);
    for (let i = 0; i < 4; i++) {
      await worker.kick();
      clock = new Date(clock.getTime() + 60 * minute);
    }
    const deliveries = await database.prisma.notificationDelivery.findMany({ where: { notification: { recordRef: "G", kind: "test" } } });
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["dead", "dead"]);
    expect(await database.prisma.notification.count({ where: { kind: "delivery_failed", recordRef: "G" } })).toBe(1);
  });

  it("hands a delivery claimed by a worker that died to another once its lease runs out", async () => {
    await notify("K", personAudience("p4"));
    const outbox = new Outbox(database.prisma, { leaseMs: 5 * minute, maxAttempts: 3 });
    await outbox.fanOut(route, clock);
    const [claimed] = await outbox.claim("chat", clock, 10);
    expect(claimed!.notification.recordRef).toBe("K");
    expect(await outbox.claim("chat", clock, 10)).toEqual([]); // held by the first claim
    clock = new Date(clock.getTime() + 6 * minute); // the first worker never came back
    const { sender, sent } = recorder();
    await workerWith(sender).kick();
    expect(sent).toEqual(["Subject K → person:p4"]);
  });

  it.runIf(backend === "postgresql")("lets two replicas drain the same outbox without sending anything twice", async () => {
    for (let i = 0; i < 60; i++) await notify(`M${i}`, personAudience(`m${i}`));
    // Two workers over one connection pool: their claims run in parallel transactions, as replicas' would.
    const first = recorder();
    const second = recorder();
    const replicaA = workerWith(first.sender);
    const replicaB = workerWith(second.sender);
    await Promise.all([replicaA.kick(), replicaB.kick()]);
    const all = [...first.sent, ...second.sent].filter((line) => line.startsWith("Subject M"));
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
  });
});
