// Northwind Mutual's records of data, resources, suppliers and outside communication: the datasets its
// models learn from (A.7), the tools, computing and people they need (A.4), its AI suppliers (A.10.2,
// A.10.3), what ClaimsDesk and Nora promise customers (A.10.4), who outside was told about the prompt-
// injection incident (A.8.4, A.8.5) and where users read about three systems (A.8.2). Written through
// the same registers as chat, so each carries its change history; each register is filled only when empty.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AiResourceKind, ExternalRecipientKind, LawfulBasis } from "../generated/prisma/enums.js";
import type { Actor } from "../store/changeHistory.js";
import { AiSystemStore } from "../store/aiSystems.js";
import { registerDataset } from "../datasets/datasetRegister.js";
import { addAiResource } from "../resources/resourceRegister.js";
import { recordCustomerObligation } from "../customerObligations/obligationRegister.js";
import { registerSupplier } from "../suppliers/supplierRegister.js";
import { recordExternalNotification } from "../externalNotices/externalNotificationStore.js";
import { demoIncidents, demoPeople, demoSystems } from "./demoOrganisation.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const demoDatasets: { name: string; systemKeys: string[]; source: string; lawfulBasis: LawfulBasis; provenance: string; qualityCriteria: string; qualityResults: string | null; preparation: string; retention: string; ownerKey: string; reviewOn: string }[] = [
  {
    name: "Motor and home claims 2019–2025",
    systemKeys: ["claims-triage", "fraud-scoring", "reserving-forecast"],
    source: "ClaimsHub, our claims system: every motor and home claim notified since January 2019",
    lawfulBasis: "contract",
    provenance: "Extracted monthly by the data engineering team from ClaimsHub's reporting replica; pseudonymised on export (claimant names, addresses and policy numbers replaced by keys); current version 2025-10, 412,000 claims",
    qualityCriteria: "At least 98% of closed claims with a settled amount; no duplicate claim keys; every region and product represented with at least 2% of claims; injury flags consistent with the medical-report field",
    qualityResults: "2025-10 extract: 99.3% of closed claims settled, 0 duplicates, smallest region 3.1%; 214 inconsistent injury flags corrected at source (check run by Sofia Alvarez, 2025-11-04)",
    preparation: "Pseudonymised; claims reopened more than twice removed; split 80/20 by notification month so the test set is later than the training set; fraud labels taken only from closed investigations",
    retention: "Seven years after the claim closes, then deleted from the extract at the next monthly refresh",
    ownerKey: "sofia",
    reviewOn: "2027-05-31",
  },
  {
    name: "Home property and flood-risk features",
    systemKeys: ["home-pricing"],
    source: "Our home policy records, joined with a licensed national flood-risk map (annual release)",
    lawfulBasis: "legitimate_interests",
    provenance: "Policy records from the policy administration system; flood map licensed yearly, release 2026.1 loaded on 2026-09-20 (the release behind incident INC-0004)",
    qualityCriteria: "Every postcode district matched to a flood band; year-on-year band changes above two bands reviewed by a pricing actuary before use",
    qualityResults: "Release 2026.1: 100% of districts matched; 37 districts moved more than two bands, 12 of them still under review after the pricing drift incident",
    preparation: "Postcodes aggregated to district; property values banded; features refreshed when a new map release is approved",
    retention: "While the pricing model using them is in production, plus six years for the pricing record",
    ownerKey: "sofia",
    reviewOn: "2027-03-31",
  },
  {
    name: "ClaimsDesk damage photos (licensed by customers)",
    systemKeys: ["damage-estimator"],
    source: "Photos of vehicle and property damage uploaded by claimants of the ClaimsDesk customers who opted in to model improvement",
    lawfulBasis: "contract",
    provenance: "Copied from the ClaimsDesk tenants of three opted-in customers under the data-licence schedule; faces and number plates blurred before copying; 58,000 photos with the settled repair cost",
    qualityCriteria: "Repair cost known for every photo; at least 500 photos per damage type; photo resolution at least 1024 px on the short side",
    qualityResults: null,
    preparation: "Faces and number plates blurred; photos without a settled cost dropped; labelled by damage type by two assessors, disagreements resolved by a third",
    retention: "Until the customer withdraws consent to model improvement, or three years after copying, whichever is sooner",
    ownerKey: "kenji",
    reviewOn: "2027-02-26",
  },
  {
    name: "HR policy library",
    systemKeys: ["hr-policy-assistant"],
    source: "Our published HR policies and the employee handbook on the intranet",
    lawfulBasis: "no_personal_data",
    provenance: "Indexed nightly from the intranet's HR policy section by Copilot Studio; only documents marked 'published'",
    qualityCriteria: "Only current, published versions; every answer cites its policy",
    qualityResults: "2026-11 spot check of 40 answers: all cited a current policy, 2 cited an older handbook section now removed from the index",
    preparation: "None beyond the index; drafts and archived versions are excluded by the site's metadata",
    retention: "The index holds what the intranet publishes; withdrawn policies drop out the next night",
    ownerKey: "hannah",
    reviewOn: "2027-06-30",
  },
];

export const demoResources: { systemKey: string; kind: AiResourceKind; name: string; details: string; provider: string | null }[] = [
  { systemKey: "claims-triage", kind: "tooling", name: "Azure Machine Learning", details: "Training pipelines, model registry and the approval gate before deployment; model version 3.2 in production", provider: "Microsoft" },
  { systemKey: "claims-triage", kind: "compute", name: "Two inference nodes in UK South", details: "Standard_D8s_v5 virtual machines behind the claims API; scored 1.1 million claims in 2025", provider: "Microsoft Azure" },
  { systemKey: "claims-triage", kind: "human", name: "Claims data science team", details: "Three data scientists and a claims handler reviewing fast-track decisions; each holds the responsible AI training (see the competence records)", provider: null },
  { systemKey: "home-pricing", kind: "tooling", name: "LightGBM and MLflow", details: "Gradient-boosted pricing model tracked in MLflow; every run logged with its data release", provider: null },
  { systemKey: "home-pricing", kind: "compute", name: "On-premises batch cluster, London", details: "Nightly re-scoring of the renewal book; 16 CPU nodes shared with the actuarial team", provider: "Northwind IT" },
  { systemKey: "customer-chatbot", kind: "tooling", name: "Azure OpenAI Service with prompt flow", details: "A GPT-4o deployment with content filters on; prompts and retrieval over the policy wording versioned in the repository", provider: "Microsoft" },
  { systemKey: "customer-chatbot", kind: "compute", name: "Provisioned throughput in Sweden Central", details: "Reserved capacity for Nora's peak of 300 conversations an hour; data stays in the EU", provider: "Microsoft Azure" },
  { systemKey: "customer-chatbot", kind: "human", name: "Contact-centre supervisors", details: "Review conversations Nora hands over and a weekly sample of the rest; trained on the AI incident procedure", provider: null },
];

export const demoObligations: { customer: string; systemKey: string; promise: string; contractReference: string | null; ownerKey: string; reviewOn: string }[] = [
  {
    customer: "All ClaimsDesk customers (insurers and brokers)",
    systemKey: "claimsdesk-email-assistant",
    promise: "Customer data is never used to train models; every reply the assistant drafts is approved by the customer's claims handler before it is sent; security incidents affecting a customer are notified within 72 hours",
    contractReference: "ClaimsDesk MSA v4 §9.2 and Schedule 3 (AI features)",
    ownerKey: "kenji",
    reviewOn: "2027-04-30",
  },
  {
    customer: "ClaimsDesk Enterprise customers",
    systemKey: "damage-estimator",
    promise: "Estimates above £5,000 are reviewed by an engineer before they are offered; accuracy against settled costs is reported to the customer every quarter",
    contractReference: "ClaimsDesk Enterprise SLA §4.3",
    ownerKey: "kenji",
    reviewOn: "2027-03-31",
  },
  {
    customer: "Policyholders using Nora",
    systemKey: "customer-chatbot",
    promise: "People are told they are talking to an AI assistant and can reach a person at any time; Nora gives no decision on a claim",
    contractReference: "Nora terms of use §2 on northwind.example",
    ownerKey: "priya",
    reviewOn: "2027-05-31",
  },
];

export const demoSuppliers: { name: string; systemKeys: string[]; dueDiligenceOn: string | null; contractReference: string | null; responsibilities: string; ownerKey: string; reviewDate: string }[] = [
  {
    name: "Microsoft",
    systemKeys: ["m365-copilot", "medical-summariser", "customer-chatbot", "voice-authentication"],
    dueDiligenceOn: "2026-03-12",
    contractReference: "Microsoft Enterprise Agreement 2025 with the Products and Services Data Protection Addendum",
    responsibilities: "Microsoft: model updates, content filtering, availability, EU data residency, breach notice without undue delay. We: tenant configuration, what data the services may reach, human oversight of outputs, our users' training",
    ownerKey: "grace",
    reviewDate: "2027-03-31",
  },
  {
    name: "Workday",
    systemKeys: ["cv-screening"],
    dueDiligenceOn: "2026-06-02",
    contractReference: "Workday MSA 2023, amendment 4 (Recruiting AI features)",
    responsibilities: "Workday: the screening model, its bias testing and documentation. We: the knockout rules we configure, recruiter review of every rejection, candidates' information about automated screening",
    ownerKey: "hannah",
    reviewDate: "2027-06-30",
  },
  {
    name: "OpenAI",
    systemKeys: ["campaign-copy", "claimsdesk-email-assistant"],
    dueDiligenceOn: "2026-02-20",
    contractReference: "OpenAI API services agreement with zero data retention",
    responsibilities: "OpenAI: model behaviour and safety mitigations, no training on our API data, zero data retention. We: prompts and input filtering, what customer data is sent, approval of every output before it is used",
    ownerKey: "kenji",
    reviewDate: "2027-02-28",
  },
  {
    name: "Amazon Web Services",
    systemKeys: ["claims-document-ocr"],
    dueDiligenceOn: null,
    contractReference: null,
    responsibilities: "AWS: the Textract service and its accuracy. We: which documents are sent, checking extracted amounts above £1,000. Due diligence and contract review planned for Q1 2027",
    ownerKey: "sofia",
    reviewDate: "2027-02-15",
  },
];

/** Who outside was told about the prompt-injection incident, recorded by the governance team. */
export const demoExternalNotifications: { incidentKey: string; recipientKind: ExternalRecipientKind; recipient: string; notifiedOn: string; summary: string; notifiedByKey: string; link: string | null }[] = [
  {
    incidentKey: "email-assistant-prompt-injection",
    recipientKind: "customer",
    recipient: "Every ClaimsDesk customer using the Email Reply Assistant (14 insurers and brokers)",
    notifiedOn: "2026-11-20",
    summary: "A crafted claimant email could make the assistant draft internal notes into a reply; no reply was sent with them; internal notes were removed from the assistant's context the same day and a fix is being tested.",
    notifiedByKey: "kenji",
    link: "https://status.claimsdesk.example/incidents/2026-11-19",
  },
  {
    incidentKey: "email-assistant-prompt-injection",
    recipientKind: "supplier",
    recipient: "OpenAI security team",
    notifiedOn: "2026-11-20",
    summary: "Shared the injection pattern and our mitigations, and asked for their guidance on input filtering.",
    notifiedByKey: "amara",
    link: null,
  },
];

export const demoUserDocumentation: { systemKey: string; url: string }[] = [
  { systemKey: "customer-chatbot", url: "https://www.northwind.example/help/nora-ai-assistant" },
  { systemKey: "claimsdesk-email-assistant", url: "https://docs.claimsdesk.example/ai/email-reply-assistant" },
  { systemKey: "claims-triage", url: "https://www.northwind.example/claims/how-we-use-automated-decisions" },
];

interface Demo {
  prisma: PrismaClient;
  personIds: Map<string, string>;
  systemRef: (key: string) => string;
  actor: (key: string) => Actor & { personId: string };
}

export async function loadDemoDataAndSuppliers(prisma: PrismaClient, personIds: Map<string, string>): Promise<void> {
  const references = new Map((await prisma.aiSystem.findMany({ select: { name: true, reference: true } })).map((system) => [system.name, system.reference]));
  const systemRef = (key: string) => references.get(demoSystems.find((system) => system.key === key)!.name)!;
  const actor = (key: string) => ({ personId: personIds.get(key)!, label: demoPeople.find((person) => person.key === key)!.displayName, channel: "cli" as const });
  const demo: Demo = { prisma, personIds, systemRef, actor };
  await loadDatasets(demo);
  await loadResources(demo);
  await loadObligations(demo);
  await loadSuppliers(demo);
  await loadExternalNotifications(demo);
  await loadUserDocumentation(demo);
}

const governance = (demo: Demo) => ({ personId: demo.personIds.get("amara")!, roles: ["governance" as const] });

async function loadDatasets(demo: Demo): Promise<void> {
  if ((await demo.prisma.dataset.count()) > 0) return;
  for (const { systemKeys, ownerKey, reviewOn, ...fields } of demoDatasets) {
    const owner = demo.actor(ownerKey);
    await registerDataset(demo.prisma, { ...fields, systemReferences: systemKeys.map(demo.systemRef), ownerId: owner.personId, reviewOn: day(reviewOn) }, { personId: owner.personId, roles: ["owner"] }, owner);
  }
}

async function loadResources(demo: Demo): Promise<void> {
  if ((await demo.prisma.aiResource.count()) > 0) return;
  for (const { systemKey, ...fields } of demoResources) await addAiResource(demo.prisma, { ...fields, systemReference: demo.systemRef(systemKey) }, governance(demo), demo.actor("lukas"));
}

async function loadObligations(demo: Demo): Promise<void> {
  if ((await demo.prisma.customerObligation.count()) > 0) return;
  for (const { systemKey, ownerKey, reviewOn, ...fields } of demoObligations) {
    await recordCustomerObligation(demo.prisma, { ...fields, systemReference: demo.systemRef(systemKey), ownerId: demo.personIds.get(ownerKey)!, reviewOn: day(reviewOn) }, governance(demo), demo.actor("amara"));
  }
}

async function loadSuppliers(demo: Demo): Promise<void> {
  if ((await demo.prisma.supplier.count()) > 0) return;
  for (const { systemKeys, ownerKey, reviewDate, dueDiligenceOn, ...fields } of demoSuppliers) {
    const supplier = { ...fields, systemReferences: systemKeys.map(demo.systemRef), dueDiligenceDone: dueDiligenceOn !== null, dueDiligenceOn: dueDiligenceOn ? day(dueDiligenceOn) : null, ownerId: demo.personIds.get(ownerKey)!, reviewDate: day(reviewDate) };
    await registerSupplier(demo.prisma, supplier, demo.actor("amara"));
  }
}

async function loadExternalNotifications(demo: Demo): Promise<void> {
  if ((await demo.prisma.externalNotification.count()) > 0) return;
  for (const { incidentKey, notifiedByKey, notifiedOn, ...fields } of demoExternalNotifications) {
    const incident = await demo.prisma.incident.findFirst({ where: { description: demoIncidents.find((candidate) => candidate.key === incidentKey)!.description } });
    if (!incident) continue;
    await recordExternalNotification(demo.prisma, { ...fields, incidentReference: incident.reference, notifiedOn: day(notifiedOn), notifiedById: demo.personIds.get(notifiedByKey)! }, demo.actor("amara"), governance(demo));
  }
}

async function loadUserDocumentation(demo: Demo): Promise<void> {
  const store = new AiSystemStore(demo.prisma);
  for (const { systemKey, url } of demoUserDocumentation) {
    const reference = demo.systemRef(systemKey);
    const system = await demo.prisma.aiSystem.findUnique({ where: { reference } });
    if (system && !system.userDocumentationUrl) await store.update(reference, { userDocumentationUrl: url }, demo.actor(demoSystems.find((candidate) => candidate.key === systemKey)!.ownerKey!));
  }
}
