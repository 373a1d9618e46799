// Stored conversation references, so reminders and digests can reach a person or a channel later.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

export class ConversationReferenceStore {
  constructor(private readonly prisma: PrismaClient) {}

  async remember(platform: string, conversationId: string, scope: string, personId: string | null, reference: object): Promise<void> {
    const data = { scope, personId, reference: reference as Prisma.InputJsonValue };
    await this.prisma.conversationReference.upsert({
      where: { platform_conversationId: { platform, conversationId } },
      create: { platform, conversationId, ...data },
      update: data,
    });
  }

  /** The most recently used personal chat with a person on a platform. */
  async personalChatWith(platform: string, personId: string) {
    return this.prisma.conversationReference.findFirst({ where: { platform, personId, scope: "personal" }, orderBy: { updatedAt: "desc" } });
  }

  async byConversation(platform: string, conversationId: string) {
    return this.prisma.conversationReference.findUnique({ where: { platform_conversationId: { platform, conversationId } } });
  }
}
