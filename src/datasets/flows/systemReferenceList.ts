// "AIS-4, AIS-0007": AI systems named by their inventory references, as a list without repeats.
import { z } from "zod";

export const systemReferenceList = z.string().transform((text, context) => {
  const references = [...text.matchAll(/ais[-\s]?(\d{1,6})/gi)].map((match) => `AIS-${match[1]!.padStart(4, "0")}`);
  if (references.length === 0) context.addIssue({ code: "custom", message: "Please give the inventory references of the systems that use it, e.g. \"AIS-0001, AIS-0003\"." });
  return [...new Set(references)];
});
