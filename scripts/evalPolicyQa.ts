// `npm run eval:qa`: how well the offline policy assistant finds the right section.
// hit@1 / hit@3: the expected section is the first / among the first three cited or retrieved;
// declined: the share of unanswerable questions and prompt injections that got no answer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PolicyAssistant } from "../src/policy/policyAssistant.js";
import { loadPrompt } from "../src/policy/prompts.js";
import { PolicyIndex } from "../src/policy/policyIndex.js";
import { loadPolicyCorpus } from "../src/policy/policyCorpus.js";

interface EvalItem {
  question: string;
  expected: { document: string; section: string } | null;
  kind: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const policyDir = path.join(root, "policies");
/** The main set, and a held-out set written before retrieval was tuned (a check against overfitting). */
export const evalSets = { main: "policy-eval.json", heldOut: "policy-eval-heldout.json" } as const;

export async function evaluate(verbose = false, set: keyof typeof evalSets = "main") {
  const items = JSON.parse(fs.readFileSync(path.join(root, "test", "fixtures", evalSets[set]), "utf8")) as EvalItem[];
  const assistant = new PolicyAssistant({ policyDir, prompt: loadPrompt("policy-answer") });
  const index = new PolicyIndex(loadPolicyCorpus(policyDir));
  let hit1 = 0;
  let hit3 = 0;
  let answerable = 0;
  let declined = 0;
  let unanswerable = 0;
  const misses: string[] = [];
  for (const item of items) {
    const answer = await assistant.ask(item.question);
    if (!item.expected) {
      unanswerable++;
      if (!answer.answered) declined++;
      else misses.push(`answered but should decline: ${item.question} → ${answer.citations.map((c) => c.section).join(",")}`);
      continue;
    }
    answerable++;
    const ranked = answer.answered ? index.query(item.question, 3).map((hit) => `${hit.passage.document}#${hit.passage.section}`) : [];
    const wanted = `${item.expected.document}#${item.expected.section}`;
    const first = answer.citations[0] ? `${answer.citations[0].document}#${answer.citations[0].section}` : "";
    if (first === wanted) hit1++;
    if (first === wanted || ranked.includes(wanted)) hit3++;
    else misses.push(`${item.kind}: ${item.question} → ${answer.answered ? ranked.join(", ") : "declined"} (wanted ${wanted})`);
  }
  const result = { questions: items.length, answerable, hitAt1: hit1 / answerable, hitAt3: hit3 / answerable, unanswerable, declinedShare: declined / unanswerable };
  if (verbose) for (const miss of misses) console.log(`  miss: ${miss}`);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const set of ["main", "heldOut"] as const) {
    const result = await evaluate(process.argv.includes("--verbose"), set);
    console.log(`Policy QA evaluation (offline retrieval), ${set === "main" ? "main set" : "held-out set"}: ${result.questions} questions`);
    console.log(`  hit@1: ${(result.hitAt1 * 100).toFixed(1)} %  (${result.answerable} answerable)`);
    console.log(`  hit@3: ${(result.hitAt3 * 100).toFixed(1)} %`);
    console.log(`  declined: ${(result.declinedShare * 100).toFixed(1)} % of ${result.unanswerable} unanswerable questions and prompt injections`);
  }
}
