// The engine's directory look-ups, answered from the store.
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Lookups } from "./conversations/stepInput.js";
import { findSystemsByWhatPeopleCall } from "./systems/systemSearch.js";

const systemFields = { id: true, reference: true, name: true } as const;

export function storeLookups(prisma: PrismaClient): Lookups {
  return {
    findSystems: async (text) => {
      const systems = await prisma.aiSystem.findMany({
        where: { status: { not: "retired" } },
        select: { ...systemFields, aliases: true, vendor: true, purpose: true, intendedUse: true },
        orderBy: { name: "asc" },
      });
      const found = findSystemsByWhatPeopleCall(text, systems);
      return found.systems.map(({ id, reference, name }) => ({ id, reference, name, ...(found.likelyOnly ? { likely: true } : {}) }));
    },
    systemById: (id) => prisma.aiSystem.findUnique({ where: { id }, select: systemFields }),
    systemsMentionedIn: async (text) => {
      const sentence = text.toLowerCase();
      const systems = await prisma.aiSystem.findMany({ where: { status: { not: "retired" } }, select: systemFields });
      return systems.filter((system) => system.name.length >= 3 && sentence.includes(system.name.toLowerCase()));
    },
    findPeople: async (text) => {
      const wanted = text.trim();
      if (wanted.length < 2) return [];
      return prisma.person.findMany({
        where: { OR: [{ displayName: { contains: wanted, mode: "insensitive" } }, { email: wanted.toLowerCase() }] },
        select: { id: true, displayName: true, email: true },
        orderBy: { displayName: "asc" },
        take: 10,
      });
    },
    personById: (id) => prisma.person.findUnique({ where: { id }, select: { id: true, displayName: true, email: true } }),
    incident: async (reference) => {
      const incident = await prisma.incident.findUnique({
        where: { reference },
        select: { reference: true, severity: true, status: true, correctiveActions: { where: { status: "open" }, select: { reference: true, description: true }, orderBy: { reference: "asc" } } },
      });
      if (!incident) return null;
      const { correctiveActions, ...facts } = incident;
      return { ...facts, openActions: correctiveActions };
    },
  };
}
