// The demo organisation's life-cycle records (A.6.2.2–A.6.2.8), consistent with its approvals: every
// approved medium- or high-tier system holds what its tier needs (domain/lifecycleRules.ts);
// one system pending review holds only its requirements, to show what is missing. Written through the
// same functions as records made in chat, so they carry change history; only for systems created in
// this run, so loading twice adds nothing.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LifecycleRecordKind } from "../generated/prisma/enums.js";
import { acceptVerification, addLifecycleRecord, reviseLifecycleRecord, type LifecycleContent } from "../lifecycle/lifecycleRecords.js";
import { demoPeople, demoReferenceDate } from "./demoOrganisation.js";
import type { DemoIds } from "./loadDemoRecords.js";

type DemoRecord = { kind: LifecycleRecordKind; content: LifecycleContent & { responsibleKey?: string } };

const link = (path: string) => `https://wiki.northwind.example/ai/${path}`;
const verification = (metric: string, comparison: "at_least" | "at_most", threshold: number, result: number, summary: string, unit: string | null = null): DemoRecord => ({
  kind: "verification",
  content: { metric, thresholdComparison: comparison, thresholdValue: threshold, resultValue: result, unit, summary },
});
const monitoring = (watches: string[], frequency: string, responsibleKey: string, summary: string): DemoRecord => ({ kind: "monitoring_plan", content: { watches, frequency, responsibleKey, summary } });
const requirements = (summary: string): DemoRecord => ({ kind: "requirements", content: { summary } });

/** What each approved high-tier system adds beyond the medium tier's three. */
const highTierExtras = (slug: string, logged: string, location: string): DemoRecord[] => [
  { kind: "deployment_plan", content: { summary: "Shadow run for 4 weeks beside handlers, then a pilot with two teams, then all traffic; the owner signs off each stage; the previous model stays deployed for a one-click rollback.", link: link(`${slug}/deployment`) } },
  { kind: "technical_documentation", content: { summary: "Architecture, training data and its lineage, model card, known limitations, instructions for operators.", link: link(`${slug}/technical-documentation`) } },
  { kind: "event_logging", content: { summary: logged, logLocation: location, retention: "7 years (claims and underwriting records rule)" } },
];

/** By demo system key, in the order they are written. */
const demoLifecycle: Record<string, { recorderKey: string; accepterKey?: string; records: DemoRecord[] }> = {
  "claims-triage": {
    recorderKey: "sofia",
    accepterKey: "amara",
    records: [
      requirements("Fast-track only claims under £2,500 scored simple; never decline a claim; give the handler the three strongest reasons for each routing; respond within 2 seconds."),
      { kind: "design_decision", content: { summary: "Gradient-boosted trees rather than a neural network.", rationale: "Explainable feature by feature for handlers and complaints; the neural network scored 1 point higher in recall but could not be explained.", link: link("claims-triage/design") } },
      verification("Precision of fast-track decisions (hold-out claims, Q2 2026)", "at_least", 0.95, 0.97, "6,200 settled claims from Q2 2026 not used in training; run by the data science team, reviewed by claims operations."),
      monitoring(["performance", "drift", "bias"], "weekly", "sofia", "Precision below 0.93 two weeks running, or a fast-track rate differing by more than 5 points between regions: the owner is told and routing falls back to handlers."),
      ...highTierExtras("claims-triage", "Every score with its inputs, model version, routing and the handler's final decision.", "Claims data warehouse, table triage_decision_log"),
    ],
  },
  "home-pricing": {
    recorderKey: "sofia",
    accepterKey: "lukas",
    records: [
      requirements("Price within the filed rating structure; no protected characteristic or proxy for one among the features; every quote reproducible from its logged inputs."),
      verification("Gini coefficient on 2025 claims experience", "at_least", 0.3, 0.34, "Back-test on 410,000 policy years; proxy-discrimination test on postcode features by the pricing actuary."),
      monitoring(["performance", "drift", "bias"], "monthly", "sofia", "Loss ratio by segment outside its corridor, or a premium gap between comparable postcodes above 8%: pricing committee review."),
      ...highTierExtras("home-pricing", "Every quote with its rating factors, model version and premium.", "Pricing platform quote store"),
    ],
  },
  "voice-authentication": {
    recorderKey: "priya",
    accepterKey: "amara",
    records: [
      requirements("Authenticate callers who opted in by voice; fall back to security questions on any doubt; false acceptance below 0.1%; no voiceprint kept after opt-out."),
      verification("False acceptance rate (vendor test and our own 2,000 calls)", "at_most", 0.1, 0.04, "Vendor certification report plus our own test with 2,000 recorded calls, including impostor attempts.", "%"),
      monitoring(["performance", "bias", "misuse"], "monthly", "priya", "False rejections above 3% for any age group or accent group, or any confirmed impostor acceptance: the vendor is told and voice login is paused."),
      ...highTierExtras("voice-authentication", "Every authentication attempt: result, score, fallback used; never the audio.", "Contact-centre platform audit log"),
    ],
  },
  "fraud-scoring": {
    recorderKey: "sofia",
    records: [
      requirements("Score every claim for fraud indicators with an explanation; never refuse or delay payment by itself; the Special Investigations Unit decides."),
      verification("Recall on confirmed fraud cases (2025)", "at_least", 0.8, 0.84, "1,150 confirmed fraud cases and 20,000 genuine claims from 2025; run by the data science team."),
      monitoring(["performance", "drift"], "monthly", "sofia", "Recall below 0.75 on the month's confirmed cases: model review with the Special Investigations Unit."),
    ],
  },
  "churn-propensity": {
    recorderKey: "marcus",
    records: [
      requirements("A weekly call list of policyholders likely not to renew; it never changes a price or an offer."),
      verification("Lift in the top decile (renewals 2025)", "at_least", 2, 2.6, "Back-test on 2025 renewals."),
      monitoring(["performance", "drift"], "quarterly", "marcus", "Lift below 1.8 for a quarter: retrain."),
    ],
  },
  "campaign-copy": {
    recorderKey: "marcus",
    records: [
      requirements("Draft marketing copy only; a marketer approves every text before it is published; no claims about cover that the policy wording does not support."),
      verification("Share of drafts needing a compliance correction (sample of 200)", "at_most", 10, 6, "Compliance reviewed 200 drafts from the pilot.", "%"),
      monitoring(["misuse", "errors"], "monthly", "marcus", "Any published text found misleading: incident report and prompt review."),
    ],
  },
  "claims-document-ocr": {
    recorderKey: "sofia",
    records: [
      requirements("Extract policy number, dates, amounts and claimant details from claim documents; flag low-confidence fields for a handler; keep special-category data only where the claim needs it."),
      verification("Field-level accuracy on 1,000 claim documents", "at_least", 0.97, 0.985, "1,000 documents keyed by two handlers as ground truth."),
      monitoring(["performance", "data_quality"], "weekly", "sofia", "Handler corrections above 3% of fields in a week: vendor ticket and review."),
    ],
  },
  "m365-copilot": {
    recorderKey: "grace",
    records: [
      requirements("Drafting and summarising for staff inside Microsoft 365; respects document permissions; no customer decisions."),
      verification("Share of sampled summaries with a factual error (pilot, 100 documents)", "at_most", 5, 3, "Pilot users checked 100 summaries against their sources.", "%"),
      monitoring(["misuse", "errors"], "quarterly", "grace", "Sharing or permission issues reported: access review with IT."),
    ],
  },
  "einstein-lead-scoring": {
    recorderKey: "marcus",
    records: [
      requirements("Rank commercial leads for follow-up; sales decides; no use of personal data beyond business contact details."),
      verification("Conversion rate of the top-scored quartile against the average", "at_least", 1.5, 1.9, "Six months of CRM history."),
      monitoring(["performance", "drift"], "quarterly", "marcus", "Top-quartile conversion below 1.3× average: review the scoring with the vendor."),
    ],
  },
  "customer-chatbot": {
    recorderKey: "kenji",
    records: [
      requirements("Answer policyholders' questions about cover and claims status from approved content; hand over to a person on request or on any complaint; never make a claim decision."),
      verification("Answers rated correct by reviewers (500 real questions)", "at_least", 90, 94, "Two reviewers rated 500 anonymised questions from the pilot.", "%"),
      monitoring(["performance", "errors", "misuse"], "weekly", "kenji", "Correct-answer rate below 88% or any answer about cover found wrong: content fix within 2 days, incident if a customer relied on it."),
    ],
  },
  "claimsdesk-email-assistant": {
    recorderKey: "kenji",
    records: [
      requirements("Draft replies to claimants' emails for a handler to edit and send; never send by itself."),
      verification("Drafts sent with only minor edits (pilot, 300 emails)", "at_least", 70, 78, "Handlers marked 300 drafts during the pilot.", "%"),
      monitoring(["performance", "errors"], "monthly", "kenji", "Minor-edit rate below 60%: prompt and template review."),
    ],
  },
  "broker-submissions": {
    recorderKey: "priya",
    records: [requirements("Sort incoming broker submissions by line and appetite; an underwriter reviews every decline.")],
  },
};

const personFor = (ids: DemoIds, key: string) => {
  const person = demoPeople.find((candidate) => candidate.key === key)!;
  return { viewer: { personId: ids.personIds.get(key)!, roles: [...(person.roles ?? [])] }, actor: { personId: ids.personIds.get(key)!, label: person.displayName, channel: "cli" as const } };
};

export async function loadDemoLifecycle(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  const acceptedOn = new Date(`${demoReferenceDate}T11:00:00Z`);
  for (const [systemKey, { recorderKey, accepterKey, records }] of Object.entries(demoLifecycle)) {
    const system = ids.newSystems.get(systemKey);
    if (!system) continue;
    const recorder = personFor(ids, recorderKey);
    for (const { kind, content: { responsibleKey, ...content } } of records) {
      const full = { ...content, ...(responsibleKey ? { responsibleId: ids.personIds.get(responsibleKey)! } : {}) };
      const record = await addLifecycleRecord(prisma, { systemReference: system.reference, kind, content: full }, recorder.viewer, recorder.actor);
      if (kind === "verification" && accepterKey) {
        const accepter = personFor(ids, accepterKey);
        await acceptVerification(prisma, record.reference, accepter.viewer, accepter.actor, acceptedOn);
      }
    }
  }
  await reviseFraudThreshold(prisma, ids);
}

/** An example of a revised record: the fraud model's first result, then a retest with more cases (a new version, the first kept). */
async function reviseFraudThreshold(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  const system = ids.newSystems.get("fraud-scoring");
  if (!system) return;
  const current = await prisma.lifecycleRecord.findFirst({ where: { systemId: system.id, kind: "verification", supersededAt: null } });
  if (!current) return;
  const sofia = personFor(ids, "sofia");
  await reviseLifecycleRecord(prisma, current.reference, { metric: current.metric, thresholdComparison: current.thresholdComparison, thresholdValue: current.thresholdValue, resultValue: 0.86, unit: current.unit, summary: `${current.summary} Retested after adding the 2026 H1 confirmed cases (1,480 in all).` }, sofia.viewer, sofia.actor, new Date(`${demoReferenceDate}T09:00:00Z`));
}
