// Remembers which platform deliveries were processed. The insert is the check: of two
// concurrent retries of the same event, exactly one gets to process it.
import type { PrismaClient } from "../generated/prisma/client.js";

export class InboundDeliveryStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** True the first time a delivery id is seen, false for every retry after it. */
  async firstDelivery(platform: string, deliveryId: string): Promise<boolean> {
    try {
      await this.prisma.inboundDelivery.create({ data: { id: `${platform}:${deliveryId}` } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return false;
      throw error;
    }
  }
}
