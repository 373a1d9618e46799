// A fake Bot Framework Connector on loopback: the `serviceUrl` of test activities. It records what
// the bot sends (new activities, replies, updates, new conversations) and answers roster look-ups.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  kind: "send" | "update" | "createConversation";
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

export interface FakeBotConnector {
  url: string;
  calls: ConnectorCall[];
  /** Every request that reached the connector, roster look-ups included, as "METHOD /path". */
  received: string[];
  roster: Map<string, RosterMember>;
  /**
   * While held, the connector answers nothing and records nothing (an outage): what the bot sends
   * hangs until its connection is closed. Releasing closes the held connections unanswered.
   */
  hold(on: boolean): void;
  /** Everything sent to one conversation, as text: card JSON included. */
  textIn(conversationId: string): string;
  /**
   * The bot's last reply to one incoming activity (the call whose replyToId is its id), as text; "null"
   * if none. Not the last call to the chat: the delivery worker may send a notice there meanwhile.
   */
  replyTo(activityId: string): string;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const received: string[] = [];
  const roster = new Map<string, RosterMember>();
  let counter = 0;
  let holding = false;
  const held = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    if (holding) {
      held.add(res);
      return;
    }
    received.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    const path = new URL(req.url ?? "/", "http://fake").pathname.split("/").map(decodeURIComponent);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    // path: ["", "v3", "conversations", conversationId?, "activities" | "members", id?]
    const [, , resource, conversationId = "", sub, id] = path;
    if (resource !== "conversations") return reply(404, { error: "not found" });
    if (req.method === "POST" && !conversationId) {
      const member = (body.members as { id: string }[] | undefined)?.[0];
      const created = `a:personal-${member?.id ?? ++counter}`;
      calls.push({ kind: "createConversation", conversationId: created, body });
      return reply(200, { id: created });
    }
    if (sub === "members" && req.method === "GET") {
      const member = roster.get(id ?? "");
      return member ? reply(200, { ...member, userPrincipalName: member.email, tenantId: "tenant-1" }) : reply(404, { error: { code: "MemberNotFound" } });
    }
    if (sub === "activities" && req.method === "PUT") {
      calls.push({ kind: "update", conversationId, activityId: id!, body });
      return reply(200, { id });
    }
    if (sub === "activities" && req.method === "POST") {
      const activityId = `activity-${++counter}`;
      calls.push({ kind: "send", conversationId, ...(id ? { activityId: id } : {}), body });
      return reply(200, { id: activityId });
    }
    return reply(200, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    received,
    roster,
    hold(on) {
      holding = on;
      if (on) return;
      for (const res of held) res.destroy();
      held.clear();
    },
    textIn: (conversationId) => JSON.stringify(calls.filter((call) => call.conversationId === conversationId).map((call) => call.body)),
    replyTo: (activityId) => JSON.stringify(calls.filter((call) => call.body.replyToId === activityId).at(-1)?.body ?? null),
    close: () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Links demo people to their Teams accounts, as a verified sign-in would, for tests that run Teams in emulator mode. */
export async function linkTeamsAccounts(prisma: { person: { update(args: { where: { email: string }; data: { teamsAadObjectId: string } }): Promise<unknown> } }, members: Iterable<Pick<RosterMember, "aadObjectId" | "email">>): Promise<void> {
  for (const member of members) await prisma.person.update({ where: { email: member.email }, data: { teamsAadObjectId: member.aadObjectId } });
}
