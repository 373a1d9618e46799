// The three ways to try the bot: as a member of staff, an AI system owner, or the governance team.
import type { Role } from "../../generated/prisma/enums.js";

export type Persona = "governance" | "owner" | "member";

export function personaOf(roles: Role[]): Persona {
  if (roles.includes("governance")) return "governance";
  if (roles.includes("owner")) return "owner";
  return "member";
}
