// Stored conversation references, so reminders and digests can reach a person or a channel later.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** An unchanged reference is written again after this long, so "most recently used" stays roughly true. */
const rewriteUnchangedAfterMs = 60 * 60_000;
const rememberedLimit = 10_000;

export class ConversationReferenceStore {
  /** What this process last wrote per conversation: every Teams turn carries its reference, which rarely changes. */
  private readonly written = new Map<string, { data: string; at: number }>();

  constructor(private readonly prisma: PrismaClient) {}

  async remember(platform: string, conversationId: string, scope: string, personId: string | null, reference: object): Promise<void> {
    const key = `${platform}\u0000${conversationId}`;
    // The id of the message a reference was taken from changes every turn without moving the conversation.
    const { activityId: _message, ...where } = reference as { activityId?: unknown };
    const serialised = JSON.stringify([scope, personId, where]);
    const last = this.written.get(key);
    if (last && last.data === serialised && Date.now() - last.at < rewriteUnchangedAfterMs) return;
    const data = { scope, personId, reference: reference as Prisma.InputJsonValue };
    await this.prisma.conversationReference.upsert({
      where: { platform_conversationId: { platform, conversationId } },
      create: { platform, conversationId, ...data },
      update: data,
    });
    this.noteWritten(key, serialised);
  }

  private noteWritten(key: string, data: string) {
    this.written.delete(key); // re-inserted last, so the oldest entry is the first to go
    this.written.set(key, { data, at: Date.now() });
    if (this.written.size > rememberedLimit) this.written.delete(this.written.keys().next().value!);
  }

  /** The most recently used personal chat with a person on a platform. */
  async personalChatWith(platform: string, personId: string) {
    return this.prisma.conversationReference.findFirst({ where: { platform, personId, scope: "personal" }, orderBy: { updatedAt: "desc" } });
  }

  async byConversation(platform: string, conversationId: string) {
    return this.prisma.conversationReference.findUnique({ where: { platform_conversationId: { platform, conversationId } } });
  }
}
