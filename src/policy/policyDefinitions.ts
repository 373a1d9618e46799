// A definitions section ("Key terms", "Glossary", a list of "Term: meaning" items) names the words
// of many rules without saying what anyone may or must do: "can I put a patient's name into
// Copilot?" shares every word with the definition of patient-identifiable information, yet the
// rule that answers is elsewhere. Such a section is the answer only when the question asks what
// something means or counts as; otherwise it is ranked below the sections that state rules.
import type { PolicyPassage } from "./policySections.js";
import { unitsOf } from "./policyUnits.js";

const definitionsHeading = /\b(definitions?|glossary|key terms|terms used|terminology|interpretation)\b/i;
/** A list item that defines: "**AI tool**: any software that…", "Clinical AI – an AI tool whose…". */
const definingItem = /^\s*(?:\*\*|__)?[\p{L}\p{N} ()'/-]{2,60}(?:\*\*|__)?\s*(?::|–|—| - | means\b)/u;
/** Most of the section's units are defining items… */
const definingShare = 0.6;
/** …and it says they define: a list of tools as "**Name**: what it is for" is not a glossary. */
const saysItDefines = /\b(means|refers to|is defined as|the following (terms|words|definitions))\b|\bin this (policy|standard|document|procedure|guidance)\b[^.]{0,30}:/i;

export function isDefinitions(passage: PolicyPassage): boolean {
  if (definitionsHeading.test(passage.heading)) return true;
  if (!saysItDefines.test(passage.text)) return false;
  const units = unitsOf(passage.text);
  const items = units.filter((unit) => unit.kind === "item");
  return items.length >= 3 && items.filter((unit) => definingItem.test(unit.text)).length >= units.length * definingShare;
}

const asksMeaning = /\b(mean|means|meaning|stand for|stands for|defin(e|ed|es|ition|itions)|counts? as|classed as|considered (an?|as)|what (is|are) (an?|the)\b|difference between|what kind of)\b/i;

export function asksWhatSomethingMeans(question: string): boolean {
  return asksMeaning.test(question);
}
