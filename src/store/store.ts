// The store: every read and write of governance records goes through these objects.
// The change history is readable here and writable only as a side effect of a change.
import type { PrismaClient } from "../generated/prisma/client.js";
import { AiSystemStore } from "./aiSystems.js";
import { historyOf, latestChanges } from "./changeHistory.js";
import { IncidentStore } from "./incidents.js";
import { PersonStore, type PersonStoreOptions } from "./people.js";
import { NotificationStore } from "./notifications.js";
import { ScopeStore } from "./scopeRecords.js";
import { ObjectiveStore } from "./objectives.js";
import { driverQueriesThrough, type DriverQueries } from "./driverQueries.js";
import { readTurnStart, type PlatformIdentity, type TurnStart } from "./turnStart.js";
import type { ConversationKey } from "./conversationStates.js";

export interface Store {
  people: PersonStore;
  aiSystems: AiSystemStore;
  incidents: IncidentStore;
  notifications: NotificationStore;
  scope: ScopeStore;
  objectives: ObjectiveStore;
  /** The speaker and their conversation, read in one statement at the start of a step (turnStart.ts). */
  turnStart(identity: PlatformIdentity, key: ConversationKey): Promise<TurnStart>;
  /** The client itself, for the registers whose store classes take it directly (risks, impacts, changes). */
  prisma: PrismaClient;
  history: {
    of(entityType: string, entityId: string): ReturnType<typeof historyOf>;
    latestPerRecord(entityType: string): ReturnType<typeof latestChanges>;
  };
}

export interface StoreOptions extends PersonStoreOptions {
  /** The statements every step sends, straight through the driver (Database.direct); else through the client. */
  sql?: DriverQueries;
}

export function createStore(prisma: PrismaClient, options: StoreOptions = {}): Store {
  const sql = options.sql ?? driverQueriesThrough(prisma);
  return {
    people: new PersonStore(prisma, options),
    aiSystems: new AiSystemStore(prisma),
    incidents: new IncidentStore(prisma),
    notifications: new NotificationStore(prisma),
    scope: new ScopeStore(prisma),
    objectives: new ObjectiveStore(prisma),
    turnStart: (identity, key) => readTurnStart(sql, identity, key),
    prisma,
    history: {
      of: (entityType, entityId) => historyOf(prisma, entityType, entityId),
      latestPerRecord: (entityType) => latestChanges(prisma, entityType),
    },
  };
}
