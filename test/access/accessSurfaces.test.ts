// The access policy (src/domain/accessPolicy.ts) as every surface applies it: for each surface, each
// persona and each record type, the view command shows the record exactly when can() says so, with
// the record's real relations. Then create/edit/approve on the local chat: a refused action stores
// nothing. A confidential incident and the evidence pack get their own checks on every surface.
// One service serves all surfaces (local chat, Slack through /slack/events, Teams through
// /api/messages), over one embedded database seeded with one record of each kind; the terminal
// chat runs in process over the same database.
import { Readable, Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { createConversationEngine } from "../../src/conversationEngine.js";
import { runTerminalChat } from "../../src/channels/terminal/terminalChat.js";
import type { OutgoingMessage, TurnInput } from "../../src/conversations/messages.js";
import { demoPeople } from "../../src/demo/demoOrganisation.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { can, type Access, type RecordRelations, type RecordType, type Viewer } from "../../src/domain/accessPolicy.js";
import { startService, type RunningService } from "../../src/service.js";
import { personAudience } from "../../src/store/notifications.js";
import { createStore } from "../../src/store/store.js";
import { linkTeamsAccounts, startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { eventCallback, postToSlackEndpoint, slashCommand } from "../support/slackRequests.js";
import { messageText } from "../support/slackService.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const signingSecret = "test-signing-secret";
/** Tom and Leila are members (Leila reports the confidential incident), Kenji and Sofia owners, Priya a manager, Daniel an auditor, Amara governance. */
const personas = ["tom", "leila", "kenji", "sofia", "priya", "daniel", "amara"] as const;
type Persona = (typeof personas)[number];
type Surface = "local chat" | "Slack DM" | "Slack /aims" | "Teams";
const surfaces: Surface[] = ["local chat", "Slack DM", "Slack /aims", "Teams"];

// What the seeded records say: each text appears only where the record is shown.
const marks = {
  openIncident: "quoted the wrong excess to a tenant",
  confidentialIncident: "revealed a colleague's sick-leave dates",
  risk: "Triage scores drift when the claim mix shifts in winter",
  impact: "Claimants may wait longer when a claim is misrouted",
  soa: "Verification evidence is kept in the model registry",
  gap: "No documented AI objectives for the claims function",
  review: "Claims triage controls and incident handling",
  nonconformity: "Risk review dates were missed for two systems",
  correctiveAction: "Add review dates to the owners' calendar reminders",
  training: "Responsible use of claims AI",
  incidentAction: "Show the excess from the policy record, not the quote",
};

describe("the access policy on every surface", () => {
  let database: TestDatabase;
  let service: RunningService;
  let slackApi: FakeSlackApi;
  let connector: FakeBotConnector;
  const people = new Map<string, string>();
  const viewers = new Map<Persona, Viewer>();
  let claimsSystem: { id: string; reference: string; ownerId: string | null; ownerManagerId: string | null };
  let pendingSystem: { reference: string; ownerId: string | null; ownerManagerId: string | null };
  /** Everything each persona was shown on each surface, for the leak checks at the end. */
  const transcripts = new Map<string, string[]>();

  beforeAll(async () => {
    slackApi = await startFakeSlackApi();
    connector = await startFakeBotConnector();
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    for (const key of personas) {
      const person = demoPeople.find((candidate) => candidate.key === key)!;
      viewers.set(key, { personId: people.get(key)!, roles: person.roles ?? ["member"] });
      slackApi.addUser(slackId(key), { realName: person.displayName, email: person.email!, tz: "Europe/London" });
      connector.roster.set(teamsId(key), { id: teamsId(key), name: person.displayName, aadObjectId: `aad-${key}`, email: person.email! });
    }
    await seedRecords();
    // Teams runs in emulator mode here, where the roster's e-mail links nobody: link the accounts as a verified sign-in would.
    await linkTeamsAccounts(database.prisma, connector.roster.values());
    const config = loadConfig({
      TEAMS_EMULATOR: "on",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slackApi.url,
      SLACK_GOVERNANCE_CHANNEL: "C0GOV",
      LOCAL_CHAT: "on",
      AIMS_DIGEST_HOUR: "0",
    });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
    await deliverQueuedNotices();
  });
  afterAll(async () => {
    await service?.stop();
    await database?.dispose();
    await slackApi?.close();
    await connector?.close();
  });

  /** The demo's notices (new incidents for governance, …) go out first, so they are not taken for replies. */
  async function deliverQueuedNotices() {
    let seen = -1;
    while (seen !== slackApi.calls.length + connector.calls.length) {
      seen = slackApi.calls.length + connector.calls.length;
      await service.delivery.kick();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  const slackId = (key: string) => `U0${key.toUpperCase()}`;
  const teamsId = (key: string) => `29:${key}`;

  async function seedRecords() {
    const prisma = database.prisma;
    const id = (key: Persona | "lukas") => people.get(key)!;
    const system = await prisma.aiSystem.findFirstOrThrow({ where: { ownerId: id("sofia"), status: "approved" }, include: { owner: true }, orderBy: { reference: "asc" } });
    claimsSystem = { id: system.id, reference: system.reference, ownerId: system.ownerId, ownerManagerId: system.owner?.managerId ?? null };
    const pending = await prisma.aiSystem.findFirstOrThrow({ where: { name: "HR Policy Q&A Assistant" }, include: { owner: true } });
    pendingSystem = { reference: pending.reference, ownerId: pending.ownerId, ownerManagerId: pending.owner?.managerId ?? null };
    const inAYear = new Date(Date.now() + 365 * 86_400_000);
    await prisma.incident.create({
      data: { reference: "INC-0901", type: "inaccurate_output", severity: "sev3", status: "triaged", description: `The renewal letter generator ${marks.openIncident} in Leeds`, reporterId: id("tom"), assigneeId: id("kenji"), systemId: system.id, createdVia: "local_chat" },
    });
    await prisma.incident.create({
      data: { reference: "INC-0902", type: "privacy", severity: "sev2", status: "triaged", confidential: true, description: `The HR policy assistant ${marks.confidentialIncident} to their team lead`, reporterId: id("leila"), assigneeId: id("lukas"), createdVia: "local_chat" },
    });
    await prisma.risk.create({
      data: {
        reference: "RSK-0901", systemId: system.id, direction: "from_system", category: "model_drift", description: marks.risk, likelihood: 3, impactSafety: 1, impactFinancial: 3, impactReputational: 2,
        impactRegulatory: 2, impactEthical: 2, impactEnvironmental: 1, score: 9, level: "medium", treatment: "accept", treatmentJustification: "Monitored monthly", residualLikelihood: 2, residualImpact: 3,
        residualScore: 6, residualLevel: "medium", reviewDate: inAYear, status: "acceptance_pending", assessorId: id("sofia"), createdVia: "local_chat",
      },
    });
    await prisma.impactAssessment.create({
      data: { reference: "AIA-0901", systemId: system.id, individuals: marks.impact, groups: "Postcodes with few claims", society: "Little", foreseeableMisuse: "Used to deny claims", mitigations: "Human review", reassessOn: inAYear, assessorId: id("sofia"), createdVia: "local_chat" },
    });
    await prisma.controlApplicability.create({ data: { reference: "A.6.2.4", applicable: true, justification: marks.soa, implementation: "in_progress", ownerId: id("kenji"), createdVia: "local_chat" } });
    await prisma.gapAnalysis.create({
      data: {
        reference: "GAP-0901", conductedById: id("amara"), createdVia: "local_chat",
        findings: { create: [{ clauseId: "6.2", status: "missing", note: marks.gap, ownerId: id("priya") }, { clauseId: "6.1.2", status: "partial", note: "Risk method drafted" }] },
      },
    });
    const review = await prisma.scheduledReview.create({ data: { reference: "REV-0901", kind: "internal_audit", scheduledOn: new Date(), scope: marks.review, leadId: id("kenji"), status: "held", heldOn: new Date(), createdVia: "local_chat" } });
    const nonconformity = await prisma.nonconformity.create({
      data: { reference: "NC-0901", source: "internal_audit", reviewId: review.id, requirement: "6.1.2", description: marks.nonconformity, raisedById: id("daniel"), createdVia: "local_chat" },
    });
    await prisma.correctiveAction.create({ data: { reference: "CA-0901", nonconformityId: nonconformity.id, description: marks.correctiveAction, ownerId: id("kenji"), dueDate: inAYear, createdVia: "local_chat" } });
    const openIncident = await prisma.incident.findUniqueOrThrow({ where: { reference: "INC-0901" } });
    await prisma.correctiveAction.create({ data: { reference: "CA-0902", incidentId: openIncident.id, description: marks.incidentAction, ownerId: id("sofia"), dueDate: inAYear, createdVia: "local_chat" } });
    await prisma.trainingRecord.create({ data: { reference: "TRN-0901", personId: id("tom"), course: marks.training, completedOn: new Date(), validUntil: inAYear, createdVia: "local_chat" } });
  }

  // ---- The surfaces: each takes a persona and a typed command and returns all the bot said. ----

  async function localTurn(persona: Persona, input: TurnInput): Promise<OutgoingMessage[]> {
    const response = await fetch(`${service.url}/chat/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: people.get(persona), conversationId: `access-${persona}`, input }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutgoingMessage[] }).messages;
  }

  let slackSequence = 0;
  async function slackTurn(persona: Persona, text: string, via: "dm" | "slash"): Promise<string> {
    const user = slackId(persona);
    const after = slackApi.calls.length;
    const body = via === "dm"
      ? eventCallback({ type: "message", channel_type: "im", channel: `D${user}`, user, text, ts: `1800000000.${String(++slackSequence).padStart(6, "0")}` })
      : slashCommand({ userId: user, channelId: `D${user}`, text, responseUrl: `${slackApi.url}response` });
    const response = await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, body);
    expect(response.status).toBe(200);
    // Notices queued before the tests were delivered in beforeAll, so the next post in the DM is the reply.
    const reply = await slackApi.waitFor(
      (call) => slackApi.calls.indexOf(call) >= after && ((call.method === "chat.postMessage" && call.args.channel === `D${user}`) || call.method === "response"),
      10_000,
    );
    return messageText(reply);
  }

  let teamsSequence = 0;
  async function teamsTurn(persona: Persona, text: string): Promise<string> {
    const conversationId = `a:personal-${teamsId(persona)}`;
    const after = connector.calls.length;
    const response = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message", id: `incoming-${++teamsSequence}`, channelId: "msteams", serviceUrl: connector.url, timestamp: new Date().toISOString(),
        from: { id: teamsId(persona), name: persona, aadObjectId: `aad-${persona}` }, recipient: { id: "28:aims-bot", name: "AIMS Assistant" },
        conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-1" }, channelData: { tenant: { id: "tenant-1" } }, text,
      }),
    });
    expect(response.status).toBe(200);
    await service.teams!.settled();
    return JSON.stringify(connector.calls.slice(after).filter((call) => call.conversationId === conversationId).map((call) => call.body));
  }

  async function show(surface: Surface, persona: Persona, text: string): Promise<string> {
    const said =
      surface === "local chat" ? JSON.stringify(await localTurn(persona, { kind: "text", text }))
      : surface === "Teams" ? await teamsTurn(persona, text)
      : await slackTurn(persona, text, surface === "Slack DM" ? "dm" : "slash");
    // An editor typing "soa A.6.2.4" lands in the edit flow, prefilled: leave it, as a person would.
    // "/aims cancel" is no command, so on Slack the draft is cancelled in the direct message.
    if (/Please check your/.test(said)) await show(surface === "Slack /aims" ? "Slack DM" : surface, persona, "cancel");
    const key = `${surface}/${persona}`;
    transcripts.set(key, [...(transcripts.get(key) ?? []), said]);
    return said;
  }

  // ---- The view table: one row per record type, the command(s) that show it and what it says. ----

  interface ViewRow {
    type: RecordType;
    label: string;
    commands: () => string[];
    mark: string;
    relations: () => RecordRelations;
    /** The /aims verbs that reach this command; rows without one are typed in a DM only. */
    slash: boolean;
  }
  const systemRelations = () => ({ ownerId: claimsSystem.ownerId, ownerManagerId: claimsSystem.ownerManagerId });
  const viewRows: ViewRow[] = [
    { type: "ai_system", label: "an AI system", commands: () => [`system ${claimsSystem.reference}`], mark: "Risk tier:", relations: systemRelations, slash: false },
    { type: "incident", label: "an open incident", commands: () => ["incident INC-0901"], mark: marks.openIncident, relations: () => ({ reporterId: people.get("tom"), assigneeId: people.get("kenji") }), slash: true },
    { type: "incident", label: "a confidential incident", commands: () => ["incident INC-0902"], mark: marks.confidentialIncident, relations: () => ({ reporterId: people.get("leila"), assigneeId: people.get("lukas"), confidential: true }), slash: true },
    { type: "incident", label: "a confidential incident in the list", commands: () => ["incidents"], mark: "INC-0902", relations: () => ({ reporterId: people.get("leila"), assigneeId: people.get("lukas"), confidential: true }), slash: true },
    { type: "risk", label: "a risk", commands: () => ["RSK-0901"], mark: marks.risk, relations: systemRelations, slash: false },
    { type: "impact_assessment", label: "an impact assessment", commands: () => [`impact ${claimsSystem.reference}`], mark: marks.impact, relations: systemRelations, slash: false },
    { type: "soa_control", label: "a control's applicability", commands: () => ["soa A.6.2.4"], mark: marks.soa, relations: () => ({ ownerId: people.get("kenji") }), slash: true },
    { type: "gap_analysis", label: "the gap analysis", commands: () => ["gap report"], mark: marks.gap, relations: () => ({}), slash: true },
    { type: "review", label: "an internal audit", commands: () => ["REV-0901"], mark: marks.review, relations: () => ({ leadId: people.get("kenji") }), slash: false },
    { type: "nonconformity", label: "a nonconformity", commands: () => ["NC-0901"], mark: marks.nonconformity, relations: () => ({ ownerId: people.get("kenji") }), slash: false },
    { type: "corrective_action", label: "a corrective action", commands: () => ["NC-0901", "actions"], mark: marks.correctiveAction, relations: () => ({ ownerId: people.get("kenji") }), slash: false },
    { type: "corrective_action", label: "an incident's corrective action", commands: () => ["incident INC-0901"], mark: marks.incidentAction, relations: () => ({ ownerId: people.get("sofia") }), slash: true },
    { type: "training", label: "a training record", commands: () => ["training", "training all"], mark: marks.training, relations: () => ({ personId: people.get("tom") }), slash: true },
    { type: "digest", label: "the digest preview", commands: () => ["digest"], mark: "Needs attention", relations: () => ({}), slash: true },
  ];

  // Slack: /aims where it has a verb for the command, a direct message where it has none. Leila, a
  // member like Tom, matters as the confidential incident's reporter only.
  const onSurface = (surface: Surface, row: ViewRow) => (surface === "Slack /aims" ? row.slash : surface === "Slack DM" ? !row.slash : true);
  const viewCases = surfaces.flatMap((surface) =>
    viewRows
      .filter((row) => onSurface(surface, row))
      .flatMap((row) => personas.filter((persona) => persona !== "leila" || row.type === "incident").map((persona) => ({ surface, persona, row, label: row.label }))),
  );

  describe.each(surfaces)("%s", (surface) => {
    it.each(viewCases.filter((entry) => entry.surface === surface))("$persona viewing $label", async ({ persona, row }) => {
      const expected = can(viewers.get(persona)!, "view", row.type, row.relations());
      let said = "";
      for (const command of row.commands()) said += await show(surface, persona, command);
      expect(said.includes(row.mark), `${row.commands().join(" + ")} → ${said.slice(0, 600)}`).toBe(expected);
    });
  });

  // ---- The "View" buttons on the local chat (on notices and lists): the same answer as typing. ----

  const buttonRows: { label: string; input: () => TurnInput; row: ViewRow }[] = [
    { label: "the open incident's View button", input: () => ({ kind: "incident_action", reference: "INC-0901", action: "view" }), row: viewRows.find((row) => row.label === "an open incident")! },
    { label: "the confidential incident's View button", input: () => ({ kind: "incident_action", reference: "INC-0902", action: "view" }), row: viewRows.find((row) => row.label === "a confidential incident")! },
    { label: "a risk's View button", input: () => ({ kind: "record_action", reference: "RSK-0901", action: "view" }), row: viewRows.find((row) => row.type === "risk")! },
    { label: "an impact assessment's View button", input: () => ({ kind: "record_action", reference: "AIA-0901", action: "view" }), row: viewRows.find((row) => row.type === "impact_assessment")! },
    { label: "a nonconformity's View button", input: () => ({ kind: "record_action", reference: "NC-0901", action: "view" }), row: viewRows.find((row) => row.type === "nonconformity")! },
    { label: "an AI system's View button", input: () => ({ kind: "record_action", reference: claimsSystem.reference, action: "view" }), row: viewRows.find((row) => row.type === "ai_system")! },
  ];
  const buttonCases = buttonRows.flatMap((button) => personas.map((persona) => ({ persona, button, label: button.label })));

  describe("buttons in the local chat", () => {
    it.each(buttonCases)("$persona pressing $label", async ({ persona, button }) => {
      const expected = can(viewers.get(persona)!, "view", button.row.type, button.row.relations());
      const said = JSON.stringify(await localTurn(persona, button.input()));
      transcripts.set(`local chat/${persona}`, [...(transcripts.get(`local chat/${persona}`) ?? []), said]);
      expect(said.includes(button.row.mark), said.slice(0, 600)).toBe(expected);
    });
  });

  // ---- The terminal chat (`aims chat`): its own engine over the same database, one session per case. ----

  async function terminalSession(persona: Persona, lines: string[]): Promise<string> {
    const person = demoPeople.find((candidate) => candidate.key === persona)!;
    let output = "";
    await runTerminalChat({
      engine: createConversationEngine(database.prisma),
      store: createStore(database.prisma),
      speaker: { personId: people.get(persona)!, displayName: person.displayName, roles: viewers.get(persona)!.roles },
      input: Readable.from([`${[...lines, "cancel"].join("\n")}\n`]),
      output: new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) }),
    });
    return output;
  }
  const terminalCases = viewRows.flatMap((row) => personas.map((persona) => ({ persona, row, label: row.label })));

  describe("terminal chat", () => {
    it.each(terminalCases)("$persona viewing $label", async ({ persona, row }) => {
      const said = await terminalSession(persona, row.commands());
      transcripts.set(`terminal/${persona}`, [...(transcripts.get(`terminal/${persona}`) ?? []), said]);
      expect(said.includes(row.mark), said.slice(0, 600)).toBe(can(viewers.get(persona)!, "view", row.type, row.relations()));
    });
  });

  // ---- A confidential incident reaches nobody it should not, whatever they type or open. ----

  describe("the confidential incident", () => {
    const confidential = () => ({ reporterId: people.get("leila"), assigneeId: people.get("lukas"), confidential: true });
    const outsiders = () => personas.filter((persona) => !can(viewers.get(persona)!, "view", "incident", confidential()));

    it("is kept from members, owners, the manager and the auditor by the policy itself", () => {
      expect(outsiders()).toEqual(["tom", "kenji", "sofia", "priya", "daniel"]);
    });

    it.each([...surfaces, "terminal"])("never appears in anything an outsider was shown on %s (incident, incidents, digest, actions, …)", (surface) => {
      for (const persona of outsiders()) {
        const said = (transcripts.get(`${surface}/${persona}`) ?? []).join("\n");
        expect(said.length, `${surface}/${persona} was asked nothing`).toBeGreaterThan(0);
        expect(said).not.toContain(marks.confidentialIncident);
      }
    });

    it.each([...personas])("stays out of %s's Slack App Home", async (persona) => {
      const user = slackId(persona);
      const after = slackApi.calls.length;
      await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, eventCallback({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" }));
      const publish = await slackApi.waitFor((call) => call.method === "views.publish" && call.args.user_id === user && slackApi.calls.indexOf(call) >= after, 10_000);
      const home = JSON.stringify(publish.args.view);
      expect(home).toContain("Register an AI system");
      if (!can(viewers.get(persona)!, "view", "incident", confidential())) expect(home).not.toContain(marks.confidentialIncident);
    });
  });

  // ---- The evidence pack: only those the policy lets export it get one, on any surface. ----

  const packSurfaces = ["local chat", "Slack /aims", "Slack DM", "Teams"] as const;
  describe.each(packSurfaces)("the evidence pack on %s", (surface) => {
    it.each([...personas])("%s asks for it", async (persona) => {
      const where = { kind: "evidence_pack", audience: personAudience(people.get(persona)!) };
      const before = await database.prisma.notification.count({ where });
      const said = await show(surface, persona, "evidence pack");
      const after = await database.prisma.notification.count({ where });
      // Teams takes no files from a bot, so nobody gets the pack there; the policy decides everywhere else.
      const expected = surface !== "Teams" && can(viewers.get(persona)!, "export", "evidence_pack");
      expect(after - before, said.slice(0, 400)).toBe(expected ? 1 : 0);
      if (!can(viewers.get(persona)!, "export", "evidence_pack")) expect(said).toContain("Only the governance team can export the evidence pack.");
    });
  });

  // ---- Create, edit and approve on the local chat: a refused action is refused and stores nothing. ----

  interface ActionRow {
    type: RecordType;
    access: Access;
    label: string;
    input: () => TurnInput;
    relations: () => RecordRelations;
    /** Whether the reply shows the action going ahead (by default: no "Only … can …" refusal). */
    wentAhead?: (messages: OutgoingMessage[]) => boolean;
  }
  const text = (value: string) => (): TurnInput => ({ kind: "text", text: value });
  const refusedByPolicy = (messages: OutgoingMessage[]) => messages.some((message) => message.kind === "error" && /\bOnly\b.*\bcan\b/.test(message.text));
  /** A flow started: its first question, or its summary when the command prefilled every answer. */
  const asksAQuestion = (messages: OutgoingMessage[]) => messages.some((message) => message.kind === "question" || message.kind === "summary");
  const actionRows: ActionRow[] = [
    { type: "ai_system", access: "approve", label: "approve a pending AI system", input: () => ({ kind: "text", text: `approve ${pendingSystem.reference}` }), relations: () => ({ ownerId: pendingSystem.ownerId, ownerManagerId: pendingSystem.ownerManagerId }) },
    { type: "incident", access: "edit", label: "start investigating an incident", input: text("incident INC-0901 investigate"), relations: () => ({ reporterId: people.get("tom"), assigneeId: people.get("kenji") }) },
    { type: "risk", access: "create", label: "assess a risk", input: () => ({ kind: "text", text: `assess risk ${claimsSystem.reference}` }), relations: systemRelations },
    { type: "risk", access: "approve", label: "approve a risk acceptance", input: () => ({ kind: "record_action", reference: "RSK-0901", action: "approve_acceptance" }), relations: systemRelations },
    { type: "impact_assessment", access: "create", label: "assess impact", input: () => ({ kind: "text", text: `assess impact ${claimsSystem.reference}` }), relations: systemRelations },
    { type: "soa_control", access: "edit", label: "edit a control's applicability", input: text("soa A.6.2.4"), relations: () => ({ ownerId: people.get("kenji") }), wentAhead: asksAQuestion },
    { type: "gap_analysis", access: "create", label: "run a gap analysis", input: text("gap analysis"), relations: () => ({}) },
    { type: "review", access: "edit", label: "record an audit's results", input: text("REV-0901 results"), relations: () => ({ leadId: people.get("kenji") }) },
    { type: "nonconformity", access: "create", label: "raise a nonconformity from an audit", input: text("raise nonconformity from REV-0901"), relations: () => ({ leadId: people.get("kenji") }) },
    { type: "nonconformity", access: "edit", label: "plan a nonconformity's correction", input: text("NC-0901 plan"), relations: () => ({}) },
    { type: "corrective_action", access: "edit", label: "mark a corrective action done", input: text("CA-0901 done"), relations: () => ({ ownerId: people.get("kenji") }) },
    { type: "training", access: "create", label: "record a training", input: text("record training"), relations: () => ({}) },
  ];
  const actionCases = actionRows.flatMap((row) => personas.map((persona) => ({ persona, row, label: row.label })));

  describe("create, edit and approve in the local chat", () => {
    it.each(actionCases)("$persona: $label", async ({ persona, row }) => {
      const allowed = can(viewers.get(persona)!, row.access, row.type, row.relations());
      const before = await database.prisma.changeLog.count();
      const messages = await localTurn(persona, row.input());
      const wentAhead = row.wentAhead ? row.wentAhead(messages) : !refusedByPolicy(messages);
      expect(wentAhead, JSON.stringify(messages).slice(0, 600)).toBe(allowed);
      if (asksAQuestion(messages)) await localTurn(persona, { kind: "text", text: "cancel" });
      if (!allowed) {
        expect(asksAQuestion(messages)).toBe(false);
        await expect(database.prisma.changeLog.count()).resolves.toBe(before);
      }
    });
  });
});
