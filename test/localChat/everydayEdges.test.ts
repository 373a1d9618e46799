// The everyday rough edges people met in the conversations, each tried again through the local
// chat's HTTP API as the browser page drives it, over the demo organisation.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("everyday conversations in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;

  const { turn, say } = chat;
  const find = firstOfKind;
  const question = (messages: OutgoingMessage[]) => messages.findLast((message) => message.kind === "question") as Extract<OutgoingMessage, { kind: "question" }> | undefined;
  const errorOf = (messages: OutgoingMessage[]) => find(messages, "error")?.text;
  const clickIncident = (person: string, reference: string, action: string) => turn(person, { kind: "incident_action", reference, action });

  /** Answers a flow's questions by step id until the review summary, skipping any not asked. */
  async function answerUntilSummary(person: string, reply: OutgoingMessage[], answers: Record<string, string>): Promise<OutgoingMessage[]> {
    for (let guard = 0; guard < 30; guard++) {
      const asked = question(reply);
      if (!asked) return reply;
      const answer = answers[asked.stepId];
      if (answer === undefined) throw new Error(`No answer for ${asked.stepId}: ${JSON.stringify(reply)}`);
      reply = await say(person, answer);
    }
    throw new Error("the flow did not reach its summary");
  }

  /** A reported incident taken to resolved by governance, with one open corrective action owned by Kenji. */
  async function resolvedIncidentWithOpenAction(description: string): Promise<{ reference: string; action: string }> {
    await turn("leila", { kind: "start", flowId: "report_incident" });
    const report = await answerUntilSummary("leila", await say("leila", "skip"), {
      description,
      type: "inaccurate_output",
      occurredAt: "today",
      affectedParties: "one customer",
      anyoneHarmed: "no",
      severity: "sev3",
      immediateAction: "skip",
      confidential: "no",
      anonymous: "no",
    });
    expect(find(report, "summary"), JSON.stringify(report)).toBeDefined();
    const reference = find(await say("leila", "confirm"), "done")!.reference;
    await clickIncident("amara", reference, "acknowledge");
    await clickIncident("amara", reference, "start_investigation");
    await clickIncident("amara", reference, "raise_action");
    const raised = find(await say("amara", "Add a check of quoted rules against the policy pages", "Kenji", "in 3 weeks", "confirm"), "done")!;
    const action = /CA-\d{4}/.exec(raised.lines.join(" "))![0];
    await clickIncident("amara", reference, "resolve");
    expect(find(await say("amara", "The model answered from an outdated page", "Customer sent the correct rule", "skip", "confirm"), "done")!.lines).toContain("Status: Resolved.");
    return { reference, action };
  }

  describe("the registration questionnaire", () => {
    it("requires a named owner, answered with one click on Me, and offers a pilot stage", async () => {
      await turn("sofia", { kind: "start", flowId: "register_ai_system" });
      let reply = await say("sofia", "Renewal Letter Drafter", "Drafts renewal letters", "Handlers edit and send each letter", "third-party AI service", "OpenAI", "Retention");
      expect(question(reply)?.stepId).toBe("owner");
      expect(question(reply)?.optional).toBe(false);
      expect(question(reply)?.choices?.map((choice) => choice.label)).toEqual(["Me"]);

      const skipped = await say("sofia", "skip");
      expect(errorOf(skipped)).toBe('Every AI system needs a named owner. Answer "me" to own it yourself, or give a colleague\'s name or email.');
      expect(question(skipped)?.stepId).toBe("owner");

      reply = await turn("sofia", { kind: "choice", stepId: "owner", value: "me" });
      reply = await say("sofia", "personal data", "customers", "advises", "none");
      expect(question(reply)?.stepId).toBe("lifecycleStage");
      expect(question(reply)?.choices?.map((choice) => choice.label)).toEqual(["Proposed", "In development", "Pilot", "In production", "Retired"]);
      const summary = find(await say("sofia", "pilot", "yes"), "summary")!;
      expect(summary.fields).toEqual(expect.arrayContaining([
        expect.objectContaining({ label: "Owner", value: "Sofia Alvarez" }),
        expect.objectContaining({ label: "Life-cycle stage", value: "Pilot" }),
      ]));
      const done = find(await say("sofia", "confirm"), "done")!;
      const saved = await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference: done.reference } });
      expect(saved).toMatchObject({ lifecycleStage: "pilot", ownerId: people.get("sofia") });
    });
  });

  describe("wording an owner reads", () => {
    it("keeps acronyms in the risk tier's reasons and writes no doubled punctuation in the life-cycle records", async () => {
      await turn("kenji", { kind: "start", flowId: "register_ai_system" });
      const summary = await answerUntilSummary("kenji", await say("kenji", "Shift Rota Suggester"), {
        purpose: "Suggests weekly shift rotas",
        intendedUse: "Team leaders adjust and publish each rota",
        kind: "third_party_service",
        vendor: "Quinyx",
        businessUnit: "skip",
        owner: "me",
        dataCategories: "personal data",
        affectedParties: "employees",
        autonomyLevel: "advises_human",
        regulatedDomain: "employment_hr",
        lifecycleStage: "pilot",
        inAimsScope: "yes",
      });
      expect(find(summary, "summary")).toBeDefined();
      const done = find(await say("kenji", "confirm"), "done")!;
      expect(done.lines).toContain("• It is used in a regulated domain (employment and HR).");

      const lifecycle = find(await say("amara", "lifecycle AIS-0001"), "notice")!.text;
      expect(lifecycle).toContain("Every score with its inputs, model version, routing and the handler's final decision; kept in");
      expect(lifecycle).not.toMatch(/[.;,:][.;,:]/);
    });
  });

  describe("closing an incident", () => {
    it("asks why an open corrective action is carried over, and records the reason on the timeline", async () => {
      const { reference, action } = await resolvedIncidentWithOpenAction("The chatbot quoted a cancellation fee we abolished last year");
      const asked = question(await clickIncident("amara", reference, "close"))!;
      expect(asked.stepId).toBe("carryOverReason");
      expect(asked.prompt).toMatch(new RegExp(`^${action} is still open\\. Closing now carries it over`));

      const reason = "The check needs the new policy site, live next month; the outdated page is already taken down";
      const closed = await say("amara", reason, "Asked the chatbot about every fee: all answers current", "no", "confirm");
      expect(find(closed, "done")!.lines).toContain("Status: Closed.");
      const view = find(await say("amara", `incident ${reference}`), "incident")!;
      expect(view.timeline.at(-1)!.text).toContain(`Carried over, still open: ${action}. Reason: ${reason}`);
      const stored = await chat.database.prisma.correctiveAction.findUniqueOrThrow({ where: { reference: action } });
      expect(stored.status).toBe("open"); // still tracked, with its owner and reminders
    });

    it("closes without asking once the corrective actions are done", async () => {
      const { reference, action } = await resolvedIncidentWithOpenAction("The chatbot told a customer their claim was approved before any decision");
      await say("amara", "cancel");
      expect(find(await say("kenji", `${action} done`), "text") ?? find(await say("kenji", `incident ${reference}`), "incident")).toBeDefined();
      const stored = await chat.database.prisma.correctiveAction.findUniqueOrThrow({ where: { reference: action } });
      expect(stored.status).toBe("done");
      expect(question(await clickIncident("amara", reference, "close"))?.stepId).toBe("effectivenessCheck");
      const closed = await say("amara", "Ten test conversations: no decision announced", "no", "confirm");
      expect(find(closed, "done")!.lines).toContain("Status: Closed.");
    });

    it("refuses to close when an action was raised after the closure began", async () => {
      const { reference } = await resolvedIncidentWithOpenAction("The chatbot promised a refund within a day; the policy says ten days");
      const { action } = { action: (await chat.database.prisma.correctiveAction.findFirstOrThrow({ where: { incident: { reference } } })).reference };
      await say("kenji", `${action} done`);
      await clickIncident("amara", reference, "close");
      await say("amara", "Refund answers checked against the policy", "no");
      // Meanwhile a colleague raises another action directly in the store's workflow.
      await clickIncident("lukas", reference, "raise_action");
      await say("lukas", "Review all refund answers monthly", "me", "in 4 weeks", "confirm");
      const refused = await say("amara", "confirm");
      expect(errorOf(refused)).toMatch(new RegExp(`^${reference} can't close while CA-\\d{4} is still open\\. Mark it done first`));
      expect(find(refused, "summary")).toBeDefined();
      await say("amara", "cancel");
    });
  });
  describe("wording", () => {
    it("says what an incident action did, counts only the questions asked, and reads each line once", async () => {
      await turn("tom", { kind: "start", flowId: "report_incident" });
      await answerUntilSummary("tom", await say("tom", "skip"), {
        description: "The quote assistant offered a discount nobody approved",
        type: "inaccurate_output",
        occurredAt: "today",
        affectedParties: "one customer",
        anyoneHarmed: "no",
        severity: "sev3",
        immediateAction: "skip",
        confidential: "no",
        anonymous: "no",
      });
      const reference = find(await say("tom", "confirm"), "done")!.reference;

      const listed = find(await say("amara", "incidents"), "record_list")!.items.find((item) => item.reference === reference)!;
      expect(listed.text).toContain("reported today");
      expect(listed.text).not.toMatch(/days? old/);

      const acknowledged = await clickIncident("amara", reference, "acknowledge");
      expect(find(acknowledged, "text")!.text).toBe(`${reference}: Acknowledged; handled by Amara Okafor.`);
      const view = find(acknowledged, "incident")!;
      expect(view.title).toBe(`${reference}: Inaccurate or harmful output · SEV3 (moderate) · triaged`);
      expect(view.title).not.toContain("))");
      expect(view.lines[0]).toMatch(/^System: /); // the title is not repeated as the first line

      const assign = question(await clickIncident("amara", reference, "assign"))!;
      expect(assign).toMatchObject({ stepId: "assignee", progress: { step: 1, of: 1 } });
      const assigned = find(await say("amara", "Kenji Tan", "confirm"), "done")!;
      expect(assigned.title).toBe(`${reference}: Assigned`);
      expect(assigned.lines[0]).toBe("Assigned to Kenji Tan.");

      await clickIncident("kenji", reference, "start_investigation");
      // Resolving asks up to five questions; the total never grows as answers come in.
      let reply = await clickIncident("kenji", reference, "resolve");
      const progress: string[] = [];
      for (const answer of ["A discount table was out of date", "Quote re-issued at the right price", "Load the discount table from pricing", "me", "in 3 weeks"]) {
        const asked = question(reply)!;
        progress.push(`${asked.progress.step} of ${asked.progress.of}`);
        reply = await say("kenji", answer);
      }
      expect(progress).toEqual(["1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"]);
      expect(find(reply, "summary")).toBeDefined();
      expect(find(await say("kenji", "confirm"), "done")!.title).toBe(`${reference}: Resolved`);
    });

    it("suggests recording a risk or an impact assessment only to people who may", async () => {
      const system = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { status: "approved", risks: { none: {} }, impactAssessments: { none: {} }, owner: { isNot: null } }, include: { owner: true }, orderBy: { reference: "asc" } });
      const ownerKey = [...people.entries()].find(([, id]) => id === system.ownerId)![0];
      const forAuditor = await say("daniel", `risks ${system.reference}`);
      expect(JSON.stringify(forAuditor)).toContain(`No risks are recorded for ${system.reference} yet.`);
      expect(JSON.stringify(forAuditor)).not.toContain("assess risk");
      expect(JSON.stringify(await say(ownerKey, `risks ${system.reference}`))).toContain(`Type \\"assess risk ${system.reference}\\" to add one.`);
      expect(JSON.stringify(await say("daniel", `impact ${system.reference}`))).not.toContain("assess impact");
      expect(JSON.stringify(await say(ownerKey, `impact ${system.reference}`))).toContain(`assess impact ${system.reference}`);
    });
  });
  describe("who registered a system and who owns it", () => {
    const notices = async (person: string) =>
      (await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get(person)}`)).json()) as { subject: string; text: string; actions?: { label: string }[] }[];

    it("says registered by the colleague and owned by the person named, tells the owner, who may decline", async () => {
      await turn("leila", { kind: "start", flowId: "register_ai_system" });
      await say("leila", "Meeting Minutes Summariser", "Summarises meeting recordings into minutes", "Project teams read the minutes; not for HR matters", "third-party AI service", "NoteCo", "skip");
      const summary = find(await say("leila", "Priya Raman", "personal data", "none", "advises", "none", "pilot", "yes"), "summary")!;
      expect(summary.fields).toContainEqual(expect.objectContaining({ label: "Owner", value: "Priya Raman" }));
      const done = find(await say("leila", "confirm"), "done")!;
      const reference = done.reference;
      expect(done.lines).toContain("Registered by you; owner Priya Raman, who has been told and may decline.");

      const stored = await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } });
      expect(stored).toMatchObject({ ownerId: people.get("priya"), reportedById: people.get("leila") });
      const toGovernance = (await notices("amara")).find((notice) => notice.subject === `New AI system awaiting review: ${reference}`)!;
      expect(toGovernance.text).toContain("was registered by Leila Haddad, owner Priya Raman.");
      const toOwner = (await notices("priya")).find((notice) => notice.subject === `You are named owner of ${reference}`)!;
      expect(toOwner.text).toMatch(/^Leila Haddad registered .* and named you its owner/);
      expect(toOwner.actions?.map((action) => action.label)).toEqual(["Decline ownership"]);
      expect(JSON.stringify(await say("amara", `system ${reference}`))).toContain("Owner: Priya Raman; registered by Leila Haddad.");

      expect(errorOf(await turn("tom", { kind: "record_action", reference, action: "decline_ownership" }))).toBe(`Only the owner of ${reference} can decline its ownership.`);
      const asked = await turn("priya", { kind: "record_action", reference, action: "decline_ownership" });
      expect(question(asked)?.prompt).toBe("Why is it not yours to own?");
      expect((await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } })).ownerId).toBe(people.get("priya"));
      const reason = "I left the minutes project; Tom Becker runs it now";
      const summary2 = await say("priya", reason);
      expect(JSON.stringify(summary2)).toContain(reason);
      const declined = find(await say("priya", "confirm"), "done")!;
      expect(declined.title).toBe(`You no longer own ${reference}`);
      expect(declined.lines).toEqual(["Leila Haddad, who registered it, owns it again; they and the governance team have been told, with your reason."]);
      expect((await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } })).ownerId).toBe(people.get("leila"));
      const toGovernanceDeclined = (await notices("amara")).find((notice) => notice.subject === `Priya Raman declined ownership of ${reference}`)!;
      expect(toGovernanceDeclined.text).toContain(`Their reason: ${reason}`);
      const backToRegistrant = (await notices("leila")).find((notice) => notice.subject === `${reference} is yours again`)!;
      expect(backToRegistrant.text).toContain(`Their reason: ${reason}`);
      const history = await chat.database.prisma.changeLog.findMany({ where: { entityRef: reference }, orderBy: { id: "asc" } });
      expect(history.at(-1)!.changes).toMatchObject({ ownerId: { to: people.get("leila") }, reason: { to: `Ownership declined: ${reason}` } });
      expect(errorOf(await say("priya", `decline ${reference}`))).toBe(`Only the owner of ${reference} can decline its ownership.`);
    });
  });
  describe("finding systems and people by what people call them", () => {
    const choicesOf = (messages: OutgoingMessage[]) => question(messages)?.choices?.map((choice) => choice.label) ?? [];
    async function atSystemQuestion(person: string) {
      expect(question(await turn(person, { kind: "start", flowId: "report_incident" }))?.stepId).toBe("system");
    }

    it("offers the system whose description fits, to confirm, and takes an exact alias at once", async () => {
      const screening = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Workday Recruiting Candidate Screening" } });
      await atSystemQuestion("tom");
      expect(question(await say("tom", "CV screener"))?.stepId).toBe("description"); // the demo's alias, taken at once
      await say("tom", "cancel");
      await atSystemQuestion("tom");
      const offered = await say("tom", "applicant ranking");
      expect(errorOf(offered)).toMatch(/^No AI system is called "applicant ranking"\. Did you mean (this one|one of these)\?$/);
      expect(choicesOf(offered)).toContain(screening.name);
      expect(choicesOf(offered).at(-1)).toBe('"applicant ranking" is not listed');
      // Typing what the help says to choose, before any name, asks for the name instead of guessing a system.
      const notListed = await say("tom", "it's not listed");
      expect(errorOf(notListed)).toMatch(/^Type the AI system's name as people call it/);
      expect(question(notListed)?.stepId).toBe("system");
      expect(choicesOf(notListed)).not.toContain(screening.name);
      const picked = await turn("tom", { kind: "choice", stepId: "system", value: `system:${screening.id}` });
      expect(question(picked)?.stepId).toBe("description");
      await say("tom", "cancel");

      const chatbot = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Nora Customer Assistant" } });
      await atSystemQuestion("tom");
      const fragment = await say("tom", "nora");
      expect(errorOf(fragment)).toBe('No AI system is called "nora". Did you mean this one?');
      expect(choicesOf(fragment)).toEqual([chatbot.name, '"nora" is not listed']);
      expect(question(await say("tom", "1"))?.stepId).toBe("description");
      await say("tom", "cancel");

      await chat.database.prisma.aiSystem.update({ where: { id: chatbot.id }, data: { aliases: ["website helper"] } });
      await atSystemQuestion("tom");
      expect(question(await say("tom", "Website Helper"))?.stepId).toBe("description");
      await say("tom", "cancel");
    });

    it("lets the owner or governance add and remove aliases in chat, with their history, and finds the system by them", async () => {
      const screening = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Workday Recruiting Candidate Screening" } });
      const reference = screening.reference;
      const shown = find(await say("tom", `aliases ${reference}`), "text")!.text;
      expect(shown.split("\n")[0]).toBe(`${reference} Workday Recruiting Candidate Screening is also called "CV screener".`);
      expect(shown.split("\n").at(-1)).toBe(`To change them: aliases ${reference} add "CV screener", or aliases ${reference} remove "CV screener".`);
      expect(errorOf(await say("tom", "risks"))).toBe(
        "The risk register is for the governance team, auditors, managers and system owners. You don't own any AI system, so there is no part of it to show you; a system's owner can tell you about its risks.",
      );

      expect(errorOf(await say("tom", `aliases ${reference} add "shortlister"`))).toBe(`Only its owner, Hannah Vogel, or the governance team can change the aliases of ${reference}.`);
      expect(find(await say("hannah", `aliases ${reference} add "shortlister"`), "text")!.text).toBe(`${reference} Workday Recruiting Candidate Screening is now also found as "shortlister". Its aliases: "CV screener", "shortlister".`);
      expect(errorOf(await say("hannah", `aliases ${reference} add Shortlister`))).toBe(`${reference} is already found by "Shortlister".`);
      const nora = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Nora Customer Assistant" } });
      expect(errorOf(await say("amara", `aliases ${nora.reference} add "shortlister"`))).toBe(`"shortlister" already names ${reference} Workday Recruiting Candidate Screening; one alias can point to one system only.`);
      expect(find(await say("amara", `aliases ${reference} remove "CV screener"`), "text")!.text).toBe(`"CV screener" no longer finds ${reference} Workday Recruiting Candidate Screening. Its aliases: "shortlister".`);
      expect(errorOf(await say("amara", `aliases ${reference} remove "CV screener"`))).toBe(`${reference} has no alias "CV screener". Its aliases: "shortlister".`);

      const history = find(await say("daniel", `aliases ${reference}`), "text")!.text.split("\n");
      expect(history.slice(0, 4)).toEqual([
        `${reference} Workday Recruiting Candidate Screening is also called "shortlister".`,
        "Changes:",
        expect.stringMatching(/^• \d{1,2} [A-Z][a-z]+ \d{4}, Amara Okafor: removed "CV screener"$/),
        expect.stringMatching(/^• \d{1,2} [A-Z][a-z]+ \d{4}, Hannah Vogel: added "shortlister"$/),
      ]);
      const changes = await chat.database.prisma.changeLog.findMany({ where: { entityId: screening.id }, orderBy: { id: "desc" }, take: 2 });
      expect(changes.map((change) => change.changes)).toEqual([
        { aliases: { from: ["CV screener", "shortlister"], to: ["shortlister"] } },
        { aliases: { from: ["CV screener"], to: ["CV screener", "shortlister"] } },
      ]);

      await atSystemQuestion("tom");
      expect(question(await say("tom", "shortlister"))?.stepId).toBe("description");
      await say("tom", "cancel");
      await chat.database.prisma.aiSystem.update({ where: { id: screening.id }, data: { aliases: ["CV screener"] } });
    });

    it("confirms part of a person's name, and takes a first name, full name or e-mail at once", async () => {
      const incident = await chat.database.prisma.incident.findFirstOrThrow({ where: { status: "investigating" }, orderBy: { reference: "desc" } });
      await turn("amara", { kind: "incident_action", reference: incident.reference, action: "raise_action" });
      const partial = await say("amara", "Review the prompts every quarter", "kenj");
      expect(errorOf(partial)).toBe("Do you mean Kenji Tan?");
      expect(choicesOf(partial)).toEqual(["Kenji Tan"]);
      expect(question(await say("amara", "1"))?.stepId).toBe("actionDue");
      await say("amara", "back");
      expect(question(await say("amara", "Kenji"))?.stepId).toBe("actionDue");
      await say("amara", "cancel");
    });
  });
});
