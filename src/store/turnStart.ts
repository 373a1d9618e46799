// What every conversation step reads first, in one statement: who is speaking (by their platform
// id) and the conversation they are in. Two round trips per step became one; either half may be
// missing (a newcomer, a conversation never started), and the caller then takes its usual path.
import type { Prisma } from "../generated/prisma/client.js";
import type { ConversationStatus, Role } from "../generated/prisma/enums.js";
import { prepared, type DriverQueries } from "./driverQueries.js";
import { toSnapshot, type ConversationKey, type ConversationSnapshot } from "./conversationStates.js";

export interface TurnStart {
  person: { id: string; displayName: string; roles: Role[] } | null;
  conversation: ConversationSnapshot | null;
}

export type PlatformIdentity = { slackUserId: string } | { teamsAadObjectId: string };

interface TurnStartRow {
  personId: string | null;
  displayName: string | null;
  roles: Role[] | null;
  stateId: string | null;
  flowId: string | null;
  stepId: string | null;
  answers: Prisma.JsonValue;
  version: number | null;
  status: ConversationStatus | null;
  resultReference: string | null;
  expiresAt: Date | null;
  updatedAt: Date | null;
}

// Both halves are left-joined to one row, so each comes back whether or not the other exists.
const statement = (personColumn: string) => `
  SELECT p.id AS "personId", p."displayName", p.roles::text[] AS roles,
         c.id AS "stateId", c."flowId", c."stepId", c.answers, c.version, c.status::text AS status,
         c."resultReference", c."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", c."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
  FROM (SELECT 1) AS one
  LEFT JOIN "Person" p ON p."${personColumn}" = $1
  LEFT JOIN "ConversationState" c
    ON c.platform = $2 AND c."workspaceId" = $3 AND c."userId" = $4 AND c."conversationId" = $5`;

const slackStatement = prepared("turn-start-slack", statement("slackUserId"));
const teamsStatement = prepared("turn-start-teams", statement("teamsAadObjectId"));

export async function readTurnStart(sql: DriverQueries, identity: PlatformIdentity, key: ConversationKey): Promise<TurnStart> {
  const [statement, id] = "slackUserId" in identity ? [slackStatement, identity.slackUserId] : [teamsStatement, identity.teamsAadObjectId];
  const [row] = await sql.query<TurnStartRow>(statement, [id, key.platform, key.workspaceId, key.userId, key.conversationId]);
  if (!row) throw new Error("the turn's first read returned no row");
  return {
    person: row.personId ? { id: row.personId, displayName: row.displayName!, roles: row.roles ?? [] } : null,
    conversation: row.stateId
      ? toSnapshot({
          id: row.stateId,
          ...key,
          flowId: row.flowId!,
          stepId: row.stepId,
          answers: row.answers,
          version: row.version!,
          status: row.status!,
          resultReference: row.resultReference,
          expiresAt: row.expiresAt!,
          updatedAt: row.updatedAt!,
        })
      : null,
  };
}
