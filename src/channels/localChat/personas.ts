// Who one can act as in the local chat and the terminal chat: a person's persona is their broadest
// role (governance, manager, auditor, owner, member), and the list shows every role they hold.
import type { Role } from "../../generated/prisma/enums.js";

export type Persona = "governance" | "manager" | "auditor" | "owner" | "member";

/** Broadest first: a manager who also owns a system acts as a manager. */
const roleOrder: Role[] = ["governance", "manager", "auditor", "owner", "member"];

export function personaOf(roles: Role[]): Persona {
  return roleOrder.find((role) => roles.includes(role)) ?? "member";
}

/** "manager, owner": every role, broadest first; someone with no role at all is a member. */
export function rolesLabel(roles: Role[]): string {
  const held = roleOrder.filter((role) => roles.includes(role));
  return held.length > 0 ? held.join(", ") : "member";
}
