// The first messages people actually type, through the local chat's HTTP API: each goes where a
// person expects, and nothing is saved that the person did not mean as an answer.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("first messages in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;

  const { turn, say } = chat;
  const draftOf = (person: string) => chat.database.prisma.conversationState.findFirst({ where: { userId: people.get(person)!, status: "active" } });
  const question = (messages: OutgoingMessage[]) => firstOfKind(messages, "question");
  const counts = async () => ({ systems: await chat.database.prisma.aiSystem.count(), incidents: await chat.database.prisma.incident.count() });

  it("answers questions that mention incidents or new models, and starts nothing", async () => {
    const before = await counts();
    for (const text of ["how quickly does a sev1 incident have to be triaged?", "we want to test the new fraud model with last month's real claims, is that allowed?"]) {
      const reply = await say("tom", text);
      expect(firstOfKind(reply, "answer"), text).toBeDefined();
      expect(question(reply), text).toBeUndefined();
    }
    // The follow-up is a question too, not a system's name.
    expect(firstOfKind(await say("tom", "and can we keep the claims data afterwards?"), "answer")).toBeDefined();
    expect(await draftOf("tom")).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it.each([
    "our support chatbot told a customer they could get a refund we don't offer",
    "the fraud scores look completely off since Tuesday's update",
  ])("starts an incident report from %j, with the text as its description", async (text) => {
    const reply = await say("priya", text);
    expect(question(reply)?.flowId).toBe("report_incident");
    const draft = await draftOf("priya");
    expect(draft?.flowId).toBe("report_incident");
    expect((draft?.answers as Record<string, unknown>).description).toBe(text);
    expect(firstOfKind(await say("priya", "cancel"), "text")?.text).toMatch(/nothing was saved/);
  });

  it("starts a shadow-AI report from a sighting of an unapproved tool", async () => {
    const reply = await say("tom", "someone in finance is using an AI spreadsheet add-in nobody approved");
    expect(question(reply)?.flowId).toBe("report_shadow_ai");
    await say("tom", "cancel");
  });

  it("answers \"what can you do?\" and greetings with the capabilities and buttons", async () => {
    for (const text of ["what can you do?", "hi", "thanks!"]) {
      const menu = firstOfKind(await say("tom", text), "menu");
      expect(menu?.text, text).toMatch(/ask me about our AI policy/);
      expect(menu?.options.map((option) => option.label)).toContain("Register an AI system");
    }
  });

  it("lists the commands by role for help", async () => {
    const member = firstOfKind(await say("tom", "help"), "text")!.text;
    expect(member).toContain("my systems");
    expect(member).toContain("incidents");
    expect(member).not.toContain("evidence pack");
    const governance = firstOfKind(await say("amara", "help"), "text")!.text;
    expect(governance).toContain("evidence pack");
    expect(governance).toContain("gap analysis");
  });

  it("lists an owner's systems for \"my systems\", \"systems\" and \"inventory\"; governance sees the inventory", async () => {
    const owned = await chat.database.prisma.aiSystem.findMany({ where: { ownerId: people.get("sofia")!, status: { not: "retired" } } });
    expect(owned.length).toBeGreaterThan(0);
    for (const text of ["my systems", "systems", "inventory"]) {
      const list = firstOfKind(await say("sofia", text), "record_list");
      expect(list?.title, text).toBe("Your AI systems");
      expect(new Set(list?.items.map((item) => item.reference))).toEqual(new Set(owned.map((system) => system.reference)));
    }
    const inventory = firstOfKind(await say("amara", "inventory"), "record_list");
    expect(inventory?.items.length).toBe(await chat.database.prisma.aiSystem.count({ where: { status: { not: "retired" } } }));
    expect(firstOfKind(await say("tom", "my systems"), "record_list")?.note).toMatch(/You own no AI systems/);
  });

  it("asks whether a question typed at a free-text question is the answer, and saves nothing until told", async () => {
    await say("lukas", "I want to register a new AI system");
    const asked = question(await say("lukas", "is it ok to register a model that is only a prototype?"));
    expect(asked?.prompt).toBe("Is this your answer, or a question for the policy assistant?");
    expect((await draftOf("lukas"))?.answers).not.toHaveProperty("name");
    // The policy assistant answers, and the registration asks for the name again.
    const answered = await turn("lukas", { kind: "choice", stepId: asked!.stepId, value: "ask" });
    expect(firstOfKind(answered, "answer")).toBeDefined();
    expect(question(answered)?.stepId).toBe("name");
    expect((await draftOf("lukas"))?.answers).not.toHaveProperty("name");
    // A command typed there is confirmed too; "1" says it was meant as the answer.
    expect(question(await say("lukas", "my systems"))?.prompt).toMatch(/^Is "my systems" your answer, or do you want to run the command "my systems"\?/);
    const next = question(await say("lukas", "1"));
    expect(next?.stepId).not.toBe("name");
    expect((await draftOf("lukas"))?.answers).toMatchObject({ name: "my systems" });
    await say("lukas", "cancel");
  });

  describe("a command with a record typed at a question", () => {
    const commandPrompt = /^Is "(.+)" your answer, or do you want to run the command "(.+)"\? Your AI system registration stays where it is either way\.$/;

    it("does not take \"incident INC-0001\" as the system's name; running it shows the incident and goes back to the name", async () => {
      await turn("amara", { kind: "start", flowId: "register_ai_system" });
      const asked = question(await say("amara", "incident INC-0001"))!;
      expect(asked.prompt).toMatch(commandPrompt);
      expect(asked.choices?.map((choice) => choice.label)).toEqual(["It's my answer", 'Run "incident INC-0001"']);
      expect((await draftOf("amara"))?.answers).not.toHaveProperty("name");

      const ran = await turn("amara", { kind: "choice", stepId: asked.stepId, value: "command" });
      expect(firstOfKind(ran, "incident")?.reference, JSON.stringify(ran)).toBe("INC-0001");
      expect(question(ran)?.stepId).toBe("name");
      expect((await draftOf("amara"))?.answers).not.toHaveProperty("name");
      await say("amara", "cancel");
    });

    it("asks about a bare reference too, offering the command that shows it, and keeps it when it is the answer", async () => {
      await turn("sofia", { kind: "start", flowId: "register_ai_system" });
      const asked = question(await say("sofia", "AIS-0001"))!;
      expect(asked.prompt).toBe('Is "AIS-0001" your answer, or do you want to run the command "system AIS-0001"? Your AI system registration stays where it is either way.');
      const kept = await turn("sofia", { kind: "choice", stepId: asked.stepId, value: "answer" });
      expect(question(kept)?.stepId).not.toBe("name");
      expect((await draftOf("sofia"))?.answers).toMatchObject({ name: "AIS-0001" });
      await say("sofia", "cancel");
    });

    it("keeps \"note INC-0007 …\" typed as a description when the person says it is their answer", async () => {
      await turn("sofia", { kind: "start", flowId: "register_ai_system" });
      await say("sofia", "Renewal Letter Drafter");
      const asked = question(await say("sofia", "note INC-0001 the scores drifted again after the update"))!;
      expect(asked.prompt).toMatch(commandPrompt);
      expect(question(await say("sofia", "it's my answer"))?.stepId).not.toBe("purpose");
      expect((await draftOf("sofia"))?.answers).toMatchObject({ purpose: "note INC-0001 the scores drifted again after the update" });
      const timeline = await chat.database.prisma.incidentEvent.count({ where: { incident: { reference: "INC-0001" }, text: { contains: "drifted again" } } });
      expect(timeline).toBe(0);
      await say("sofia", "cancel");
    });

    it("takes references as the answer where the question asks for them", async () => {
      await turn("amara", { kind: "start", flowId: "schedule_internal_audit" });
      await say("amara", "15/01/2027", "Claims models: risk and impact assessment", "ISO/IEC 42001 clause 8.2");
      const next = question(await say("amara", "AIS-0001"));
      expect(next?.prompt).not.toMatch(/your answer, or/);
      expect((await draftOf("amara"))?.answers).toMatchObject({ systems: expect.anything() });
      await say("amara", "cancel");
    });
  });

  describe("a command or a question typed at a date, person, system or choice question", () => {
    const commandPrompt = (typed: string, command: string, noun: string) => `Is "${typed}" your answer, or do you want to run the command "${command}"? Your ${noun} stays where it is either way.`;

    it("asks at a date and a person question, runs the command or re-asks with the question's own error, and takes real answers at once", async () => {
      await turn("amara", { kind: "start", flowId: "schedule_internal_audit" });
      const policyQuestion = question(await say("amara", "can we audit a system that is still a prototype?"))!;
      expect(policyQuestion.prompt).toBe("Is this your answer, or a question for the policy assistant?");
      expect(question(await turn("amara", { kind: "choice", stepId: policyQuestion.stepId, value: "ask" }))?.stepId).toBe("scheduledOn");
      const atDate = question(await say("amara", "incidents"))!;
      expect(atDate.prompt).toBe(commandPrompt("incidents", "incidents", "internal audit"));
      const ran = await turn("amara", { kind: "choice", stepId: atDate.stepId, value: "command" });
      expect(firstOfKind(ran, "record_list")?.items.length).toBeGreaterThan(0);
      expect(question(ran)?.stepId).toBe("scheduledOn");
      expect((await draftOf("amara"))?.answers).not.toHaveProperty("scheduledOn");

      // A date is the answer without asking; so is "skip" and "me" further on.
      expect(question(await say("amara", "15/01/2027"))?.stepId).toBe("scope");
      await say("amara", "Claims models: risk and impact assessment", "ISO/IEC 42001 clause 8.2", "skip");
      const atPerson = question(await say("amara", "INC-0001"))!;
      expect(atPerson.prompt).toBe(commandPrompt("INC-0001", "INC-0001", "internal audit"));
      const kept = await say("amara", "it's my answer");
      expect(firstOfKind(kept, "error")?.text).toBe('I couldn\'t find "INC-0001" in the directory. Type "me", or a name or email address.');
      expect(question(kept)?.stepId).toBe("areaOwner");
      expect(question(await say("amara", "me"))?.stepId).toBe("lead");
      await say("amara", "cancel");
    });

    it("asks at a system and a choice question too", async () => {
      await say("kenji", "report incident");
      const atSystem = question(await say("kenji", "my systems"))!;
      expect(atSystem.prompt).toBe(commandPrompt("my systems", "my systems", "AI incident report"));
      expect(question(await say("kenji", "1"))?.stepId).toBe("system");
      await say("kenji", "skip", "The claims model gave every claim from one postcode the same score.");
      const atType = question(await say("kenji", "actions"))!;
      expect(atType.prompt).toBe(commandPrompt("actions", "actions", "AI incident report"));
      const ran = await say("kenji", "2");
      expect(question(ran)?.stepId).toBe("type");
      expect((await draftOf("kenji"))?.answers).not.toHaveProperty("type");
      await say("kenji", "cancel");
    });
  });

  it("takes a typed number as the pick from the systems that matched", async () => {
    await say("kenji", "report incident");
    const several = await say("kenji", "claims");
    const offered = question(several)!.choices!;
    expect(offered.length).toBeGreaterThan(2);
    const next = question(await say("kenji", "2"));
    expect(next?.stepId).toBe("description");
    const picked = ((await draftOf("kenji"))?.answers as { system: { name: string } }).system;
    expect(picked.name).toBe(offered[1]!.label);
    await say("kenji", "cancel");
  });

  it("refuses a governance-only flow when it starts, not at confirm", async () => {
    const reply = await say("tom", "gap analysis");
    expect(firstOfKind(reply, "error")?.text).toMatch(/Only the governance team/);
    const refused = await turn("tom", { kind: "start", flowId: "record_training" });
    expect(firstOfKind(refused, "error")?.text).toMatch(/Only the governance team can record trainings/);
    expect(await draftOf("tom")).toBeNull();
  });
});
