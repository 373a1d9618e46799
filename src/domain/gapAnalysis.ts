// Gap analysis rules (the seed of an ISO/IEC 42001 readiness check): each requirement clause is in
// place, partly in place or missing, and a later analysis can be read as progress against an earlier one.
import type { GapStatus } from "../generated/prisma/enums.js";

export const gapStatusLabels: Record<GapStatus, string> = {
  in_place: "in place",
  partial: "partial",
  missing: "missing",
};

export const gapStatuses = ["in_place", "partial", "missing"] as const satisfies readonly GapStatus[];

/** Higher is further along: moving up is an improvement, moving down a step back. */
const maturity: Record<GapStatus, number> = { missing: 0, partial: 1, in_place: 2 };

export type GapChange = "improved" | "worsened" | "unchanged";

export function gapChange(before: GapStatus, after: GapStatus): GapChange {
  const difference = maturity[after] - maturity[before];
  return difference > 0 ? "improved" : difference < 0 ? "worsened" : "unchanged";
}

/** A clause that is not fully in place: it gets a note on what is missing and an owner. */
export const isOpenGap = (status: unknown): status is Exclude<GapStatus, "in_place"> => status === "partial" || status === "missing";
