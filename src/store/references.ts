// Human references (AIS-0001, INC-0001): gap-free per prefix, handed out inside the
// transaction that creates the record, so a rolled-back create does not burn a number.
import type { Prisma } from "../generated/prisma/client.js";

export type ReferencePrefix = "AIS" | "INC" | "CA" | "TRN" | "REV" | "RSK" | "AIA" | "GAP" | "NC" | "SCP" | "OBJ" | "EXN" | "SUP" | "CHG" | "POL" | "ACK" | "TRA" | "CTX" | "IP" | "MSR" | "DS" | "RES" | "COB" | "LCR";

export async function nextReference(tx: Prisma.TransactionClient, prefix: ReferencePrefix): Promise<string> {
  const counter = await tx.referenceCounter.upsert({
    where: { prefix },
    create: { prefix, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatReference(prefix, counter.last);
}

export function formatReference(prefix: ReferencePrefix, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(4, "0")}`;
}
