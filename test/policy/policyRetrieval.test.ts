// Offline policy retrieval: the everyday words, typos and phrasal verbs of chat questions still
// find the section that answers them.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicyCorpus } from "../../src/policy/policyCorpus.js";
import { conceptsOf, PolicyIndex } from "../../src/policy/policyIndex.js";
import { minimumCoverage } from "../../src/policy/policyAssistant.js";
import { oneEditApart, PolicySpeller } from "../../src/policy/policySpelling.js";
import { stem } from "../../src/policy/policyWords.js";

const index = new PolicyIndex(loadPolicyCorpus(path.resolve("policies")));
const topSection = (question: string) => {
  const [top] = index.query(question, 3);
  return top && { id: top.passage.id, relevant: top.coverage >= minimumCoverage };
};

describe("policy retrieval", () => {
  it("reads everyday words as the policy's: client info and ChatGPT find the customer personal data section", () => {
    expect(topSection("can I put client info into chatgpt")).toEqual({ id: "ai-acceptable-use-policy.md#4.2", relevant: true });
  });

  it("corrects typos to the policy word one edit away", () => {
    expect(topSection("how do I reprot an incdent anonymusly")).toEqual({ id: "ai-incident-procedure.md#5.3", relevant: true });
  });

  it("matches a phrasal verb split by its object", () => {
    const suspend = stem("suspend");
    expect(conceptsOf("can we switch the claims model off").some((variants) => variants.includes(suspend))).toBe(true);
    expect(conceptsOf("can we switch to the claims model").some((variants) => variants.includes(suspend))).toBe(false);
  });
});

describe("the policy speller", () => {
  const speller = new PolicySpeller(new Map([["severity", 4], ["model", 9], ["draft", 2]]));

  it("corrects an unknown word one edit from a policy word", () => {
    expect(speller.correct("severty")).toBe("severity");
    expect(speller.correct("sevreity")).toBe("severity");
  });

  it("leaves short words and inflections of policy words alone", () => {
    expect(speller.correct("mode")).toBe("mode");
    expect(speller.correct("drafting")).toBe("drafting");
    expect(speller.correct("parental")).toBe("parental");
  });

  it("counts one insertion, deletion, substitution or swap as one edit", () => {
    expect(["medcal", "medicall", "medixal", "mdeical"].map((typed) => oneEditApart(typed, "medical"))).toEqual([true, true, true, true]);
    expect(oneEditApart("mdicla", "medical")).toBe(false);
  });
});
