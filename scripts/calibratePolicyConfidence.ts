// `npm run eval:calibrate`: the trade-off behind "confident" policy answers, measured on the corpora
// retrieval is tuned on only (the held-out corpora are never read here). A confident answer that
// cites a wrong section looks authoritative; an answer that says "I'm not certain" is safer but less
// useful. For each setting of the confidence rule (how far the best section must stand out, how
// much of the question it must explain, whether the section naming the tool the question names is
// quoted too) this prints, over all tuned corpora together: hit@1, confident answers
// citing a wrong section, "not certain" answers, declined answerable questions, and citations per
// answer (quoting more sections would lower wrong answers cheaply, so it is shown beside them).
import { evalCorpora, evaluate, type EvalResult } from "./evalPolicyQa.js";
import { relevance } from "../src/policy/policyRelevance.js";
import { answerShape } from "../src/policy/policyExtracts.js";

const margins = [0.7, 0.75, 0.8, 0.85, 0.9];
const explainedShares = [0, 0.3, 0.4, 0.5, 0.55, 0.6];
const chosen = { margin: relevance.confidentMargin, explained: relevance.confidentExplained, quoteNamedTool: answerShape.quoteNamedTool };

async function measure(): Promise<Record<string, string>> {
  const results: EvalResult[] = [];
  for (const corpus of evalCorpora.filter((candidate) => candidate.tuned)) results.push(await evaluate(corpus));
  const answerable = results.reduce((sum, result) => sum + result.answerable, 0);
  const total = (pick: (result: EvalResult) => number) => results.reduce((sum, result) => sum + pick(result) * result.answerable, 0);
  const percent = (count: number) => `${((count / answerable) * 100).toFixed(1)} % (${Math.round(count)})`;
  const answered = answerable - total((result) => result.declinedAnswerable);
  return {
    "hit@1": percent(total((result) => result.hitAt1)),
    "wrong section": percent(total((result) => result.wrongSection)),
    "not certain": percent(total((result) => result.uncertain)),
    "declined (answerable)": percent(total((result) => result.declinedAnswerable)),
    "citations per answer": (total((result) => result.citationsPerAnswer * (1 - result.declinedAnswerable)) / answered).toFixed(2),
  };
}

const rows: Record<string, string>[] = [];
for (const quoteNamedTool of [false, true]) {
  for (const margin of margins) {
    for (const explained of explainedShares) {
      Object.assign(relevance, { confidentMargin: margin, confidentExplained: explained });
      answerShape.quoteNamedTool = quoteNamedTool;
      const isChosen = margin === chosen.margin && explained === chosen.explained && quoteNamedTool === chosen.quoteNamedTool;
      rows.push({ "margin ≤": String(margin), "explains ≥": String(explained), "quotes the named tool": quoteNamedTool ? "yes" : "no", ...(await measure()), chosen: isChosen ? "◀" : "" });
    }
  }
}
const header = Object.keys(rows[0]!);
console.log(`Confidence calibration on the tuned corpora (${evalCorpora.filter((corpus) => corpus.tuned).map((corpus) => corpus.name).join(", ")})\n`);
console.log([header, header.map(() => "---"), ...rows.map((row) => header.map((key) => row[key]))].map((row) => `| ${row.join(" | ")} |`).join("\n"));
