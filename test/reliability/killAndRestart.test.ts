// 50 conversations through the local chat API of a real service process, SIGKILLed at random
// moments and restarted. Whoever lost a reply does what a person at the chat page would: looks
// at where the conversation stands and answers again if their answer did not land. In the end
// every conversation must be finished with every answer, saved exactly once, and recorded once
// in the change history.
import { afterAll, describe, expect, it } from "vitest";
import type { TurnInput } from "../../src/conversations/messages.js";
import { loadConfig } from "../../src/config/config.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { localPeople, postTurn, savedReference, whereReplyLeaves, type TurnResult } from "../support/localChatApi.js";
import { freePort, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { seededRandom, withSeed } from "../support/seededRandom.js";
import { createPostgresDatabase } from "../support/testDatabase.js";

const onPostgres = !!process.env.TEST_DATABASE_URL;
// A restart costs ~6 s on PostgreSQL (loading the service) and more on the embedded database.
const killsWanted = onPostgres ? 6 : 3;
const conversationCount = 50;
const parallelPeople = 5;

/** One turn of a script: what is sent, which question it answers (if any), what it stores, where it leads. */
interface ScriptedTurn {
  input: TurnInput;
  answers?: string;
  stored?: unknown;
  leadsTo: string;
}

interface Conversation {
  index: number;
  flow: "register_ai_system" | "report_incident";
  /** Unique text that finds its record afterwards. */
  marker: string;
  script: ScriptedTurn[];
  /** Who had the conversation (set when it is run). */
  personId?: string;
}

const text = (value: string, answers: string, leadsTo: string, stored: unknown = value): ScriptedTurn => ({ input: { kind: "text", text: value }, answers, stored, leadsTo });
const choice = (stepId: string, value: string | string[], leadsTo: string, stored: unknown = value): ScriptedTurn => ({ input: { kind: "choice", stepId, value }, answers: stepId, stored, leadsTo });

function registration(index: number, tag: string): Conversation {
  const marker = `Kill test system ${tag}-${index}`;
  const skipUnit = index % 3 === 0;
  return {
    index,
    flow: "register_ai_system",
    marker,
    script: [
      { input: { kind: "start", flowId: "register_ai_system" }, leadsTo: "name" },
      text(marker, "name", "purpose"),
      text(`Drafts replies to claim ${index}`, "purpose", "intendedUse"),
      text(`Claims handlers read draft ${index} before sending`, "intendedUse", "kind"),
      choice("kind", "third_party_service", "vendor"),
      text(`Vendor ${index}`, "vendor", "businessUnit"),
      skipUnit ? { input: { kind: "text", text: "skip" }, answers: "businessUnit", stored: null, leadsTo: "owner" } : text(`Claims ${index}`, "businessUnit", "owner"),
      text("me", "owner", "dataCategories", expect.objectContaining({ personId: expect.any(String) })),
      choice("dataCategories", ["personal"], "affectedParties"),
      choice("affectedParties", ["employees", "customers"], "autonomyLevel"),
      choice("autonomyLevel", "advises_human", "regulatedDomain"),
      choice("regulatedDomain", "none", "lifecycleStage"),
      choice("lifecycleStage", "in_production", "inAimsScope"),
      choice("inAimsScope", "yes", "summary", true),
      { input: { kind: "command", command: "confirm" }, leadsTo: "done" },
    ],
  };
}

function incidentReport(index: number, tag: string): Conversation {
  const marker = `Kill test incident ${tag}-${index}: the summariser invented a policy clause`;
  return {
    index,
    flow: "report_incident",
    marker,
    script: [
      { input: { kind: "start", flowId: "report_incident" }, leadsTo: "system" },
      { input: { kind: "text", text: "skip" }, answers: "system", stored: null, leadsTo: "description" },
      text(marker, "description", "type"),
      choice("type", "inaccurate_output", "occurredAt"),
      text("yesterday", "occurredAt", "affectedParties", expect.any(String)),
      text(`brokers of team ${index}`, "affectedParties", "anyoneHarmed"),
      choice("anyoneHarmed", "no", "severity", false),
      choice("severity", "sev3", "immediateAction"),
      text(`withdrew answer ${index}`, "immediateAction", "confidential"),
      choice("confidential", "no", "anonymous", false),
      choice("anonymous", "no", "summary", false),
      { input: { kind: "command", command: "confirm" }, leadsTo: "done" },
    ],
  };
}

/** The service process, killed and restarted at random; turns wait here while it is down. */
class KilledService {
  current!: ServiceProcess;
  ready!: Promise<void>;
  kills = 0;
  turnsSinceStart = 0;
  killAfterTurns: number;
  private restarting = false;

  constructor(
    private readonly env: Record<string, string>,
    private readonly random: ReturnType<typeof seededRandom>,
    private readonly killsWanted: number,
  ) {
    this.killAfterTurns = random.between(20, 110);
  }

  async start(): Promise<void> {
    this.ready = startServiceProcess(this.env).then((started) => {
      this.current = started;
      this.turnsSinceStart = 0;
    });
    await this.ready;
  }

  /** Counts a turn about to be sent; once enough have gone, kills the process a moment later (mid-request). */
  noteTurn(): void {
    if (this.restarting || this.kills >= this.killsWanted) return;
    if (++this.turnsSinceStart < this.killAfterTurns) return;
    this.restarting = true;
    const victim = this.current;
    const exited = new Promise((resolve) => victim.child.once("exit", resolve));
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, this.random.between(0, 40)))
      .then(async () => {
        victim.child.kill("SIGKILL");
        this.kills++;
        await exited;
        this.killAfterTurns = this.random.between(20, 110);
        const next = await startServiceProcess(this.env);
        this.current = next;
        this.turnsSinceStart = 0;
      })
      .finally(() => (this.restarting = false));
  }

  async stop(): Promise<void> {
    await this.ready.catch(() => {});
    await this.current.stop();
  }
}

describe("conversations while the service is killed and restarted", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it(`finishes ${conversationCount} conversations with every answer, one record each, across ${killsWanted} kill -9s`, async () => {
    const random = seededRandom();
    await withSeed(random, async () => {
      const env: Record<string, string> = { LOCAL_CHAT: "on", PORT: String(await freePort()), LOG_LEVEL: "warn" };
      if (onPostgres) {
        const { url, drop } = await createPostgresDatabase();
        env.DATABASE_URL = url;
        cleanups.push(drop);
      } else {
        const scratch = scratchDataDir("aims-kill-");
        env.AIMS_DATA_DIR = scratch.dataDir;
        cleanups.push(() => scratch.dispose());
      }
      const service = new KilledService(env, random, killsWanted);
      await service.start();
      cleanups.push(() => service.stop().then(() => {}));
      const people = (await localPeople(service.current.url)).slice(0, parallelPeople);
      const tag = `${random.seed}`;
      const conversations = Array.from({ length: conversationCount }, (_, index) => (random.next() < 0.5 ? registration(index, tag) : incidentReport(index, tag)));
      const references = new Map<number, string>();
      let lostReplies = 0;

      /** One turn sent until its effect is certain; the reply that shows where the conversation now stands. */
      const deliver = async (personId: string, conversationId: string, turn: ScriptedTurn): Promise<TurnResult> => {
        // A text answer or a typed "skip" carries no step id: sent twice, it would answer the next question too.
        const repeatable = turn.input.kind !== "text";
        let lost = false;
        let lastOutcome = "";
        for (let attempt = 1; attempt <= 20; attempt++) {
          await service.ready;
          try {
            if (lost && !repeatable) {
              const probe = await postTurn(service.current.url, personId, conversationId, { kind: "command", command: "continue" });
              if (probe.status === 200 && whereReplyLeaves(probe) === turn.leadsTo) return probe;
            }
            service.noteTurn();
            const result = await postTurn(service.current.url, personId, conversationId, turn.input);
            if (result.status === 200) return result;
            lastOutcome = `HTTP ${result.status}: ${result.error ?? ""}`;
          } catch (error) {
            // no answer: the process died under this request
            lastOutcome = String(error);
          }
          if (!lost) lostReplies++;
          lost = true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`turn ${JSON.stringify(turn.input)} in ${conversationId} never got an answer (last: ${lastOutcome})\n${service.current.output().slice(-3000)}`);
      };

      const queue = [...conversations];
      await Promise.all(
        people.map(async (person) => {
          for (let conversation = queue.shift(); conversation; conversation = queue.shift()) {
            const conversationId = `kill-${conversation.index}`;
            conversation.personId = person.id;
            for (const turn of conversation.script) {
              const result = await deliver(person.id, conversationId, turn);
              const where = whereReplyLeaves(result);
              if (where !== turn.leadsTo) {
                throw new Error(`conversation ${conversation.index} (${conversation.flow}): after ${JSON.stringify(turn.input)} expected ${turn.leadsTo}, got ${where}`);
              }
              if (turn.leadsTo === "done") references.set(conversation.index, savedReference(result)!);
            }
          }
        }),
      );
      await service.stop();
      console.log(`kill test: seed ${random.seed}, ${service.kills} kills, ${lostReplies} replies lost and recovered`);
      expect(service.kills).toBe(killsWanted);

      const database: Database = await openDatabase(loadConfig(env).database);
      try {
        const { prisma } = database;
        for (const conversation of conversations) {
          const state = await prisma.conversationState.findFirstOrThrow({ where: { platform: "local", userId: conversation.personId!, conversationId: `kill-${conversation.index}` } });
          const reference = references.get(conversation.index);
          expect(state, `conversation ${conversation.index}`).toMatchObject({ status: "completed", resultReference: reference });
          const expectedAnswers = Object.fromEntries(conversation.script.filter((turn) => turn.answers).map((turn) => [turn.answers!, turn.stored]));
          expect(state.answers, `answers of conversation ${conversation.index}`).toEqual(expectedAnswers);

          // Exactly one record per conversation, even where its confirm was sent again after a kill.
          const records =
            conversation.flow === "register_ai_system"
              ? await prisma.aiSystem.findMany({ where: { name: conversation.marker } })
              : await prisma.incident.findMany({ where: { description: conversation.marker } });
          expect(records.map((record) => record.reference), `records of conversation ${conversation.index}`).toEqual([reference]);
          const history = await prisma.changeLog.findMany({ where: { entityId: records[0]!.id } });
          expect(history.map((entry) => entry.action), `history of ${reference}`).toEqual(["create"]);
        }
        const systems = await prisma.aiSystem.count({ where: { name: { startsWith: `Kill test system ${tag}-` } } });
        const incidents = await prisma.incident.count({ where: { description: { startsWith: `Kill test incident ${tag}-` } } });
        expect(systems + incidents).toBe(conversationCount);
      } finally {
        await database.close();
      }
    });
  }, 900_000); // generous: six restarts of a real service on a busy machine; a correctness test, not a timing one
});
