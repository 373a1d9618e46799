// Policy retrieval latency over a 2,000-passage corpus: the sample policies' passages copied
// into 18 departments' variants (different document names and a department word in every passage),
// queried with the evaluation questions. Reports p50 and p95 in milliseconds.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicyCorpus, type PolicyPassage } from "../src/policy/policyCorpus.js";
import { PolicyIndex } from "../src/policy/policyIndex.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const departments = ["claims", "underwriting", "pricing", "marketing", "finance", "legal", "hr", "it", "security", "procurement", "actuarial", "broker", "contact", "fraud", "audit", "risk", "product", "data"];

export async function retrievalBenchmark(target = 2_000) {
  const { passages: base } = await loadPolicyCorpus(path.join(root, "policies"));
  const passages: PolicyPassage[] = [];
  for (const department of departments) {
    for (const passage of base) {
      if (passages.length >= target) break;
      passages.push({ ...passage, id: `${department}/${passage.id}`, document: `${department}/${passage.document}`, text: `${passage.text} This applies to the ${department} department.` });
    }
  }
  const started = performance.now();
  const index = new PolicyIndex(passages);
  const buildMs = performance.now() - started;
  const questions = (JSON.parse(fs.readFileSync(path.join(root, "test", "fixtures", "policy-eval.json"), "utf8")) as { question: string }[]).map((item) => item.question);
  for (const question of questions) index.query(question); // warm up
  const timings: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const question of questions) {
      const t0 = performance.now();
      index.query(question, 5);
      timings.push(performance.now() - t0);
    }
  }
  timings.sort((a, b) => a - b);
  const percentile = (p: number) => timings[Math.min(timings.length - 1, Math.floor(timings.length * p))]!;
  return { passages: passages.length, queries: timings.length, buildMs, p50Ms: percentile(0.5), p95Ms: percentile(0.95) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await retrievalBenchmark();
  console.log(`Policy retrieval over ${result.passages} passages (${result.queries} queries; index built in ${result.buildMs.toFixed(0)} ms)`);
  console.table([{ p50Ms: Number(result.p50Ms.toFixed(2)), p95Ms: Number(result.p95Ms.toFixed(2)) }]);
}
