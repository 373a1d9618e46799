// A gap analysis against ISO/IEC 42001 clauses 4–10: for each requirement clause, is it in place,
// partly in place or missing, and for a gap, what is missing and who will close it. The steps are
// generated from the catalog; a re-run starts from the previous analysis's answers, so only what
// changed needs an edit before confirming.
import { z } from "zod";
import { ActionRefused } from "../../domain/actionRefused.js";
import { can, refusalText } from "../../domain/accessPolicy.js";
import { gapStatusLabels, gapStatuses, isOpenGap } from "../../domain/gapAnalysis.js";
import type { GapStatus } from "../../generated/prisma/enums.js";
import { requirementClauses, type Clause } from "../../iso42001/catalog.js";
import { createRecord } from "../../store/recordWriter.js";
import type { Answers, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";

export const gapAnalysisFlowId = "gap_analysis";
export const gapAnalysisEntity = "GapAnalysis";

const key = (clause: Clause) => clause.id.replace(/\./g, "_");
export const statusStepId = (clause: Clause) => `status_${key(clause)}`;
export const noteStepId = (clause: Clause) => `note_${key(clause)}`;
export const ownerStepId = (clause: Clause) => `owner_${key(clause)}`;

/** Answers from an earlier analysis, by clause: what a re-run starts from. */
export interface PreviousFinding {
  clauseId: string;
  status: GapStatus;
  note: string | null;
  owner: PersonAnswer | null;
}

/** Marks where a re-run's answers came from; not a question, so it is not saved with the analysis. */
const previousKey = "previousAnalysis";
/** What the records hold for some clauses (scope for 4.3, objectives for 6.2), shown with their question; not saved either. */
export const recordsKey = "recordsShow";

const recordsNote = (answers: Answers, clause: Clause) => {
  const records = (answers[recordsKey] as Record<string, { text: string }> | undefined)?.[clause.id];
  return records ? ` (The records show: ${records.text}.)` : "";
};

export function gapAnalysisPrefill(previous: { reference: string; findings: PreviousFinding[] } | null): Answers {
  if (!previous) return {};
  const answers: Answers = { [previousKey]: previous.reference };
  for (const clause of requirementClauses) {
    const finding = previous.findings.find((candidate) => candidate.clauseId === clause.id);
    if (!finding) continue;
    answers[statusStepId(clause)] = finding.status;
    if (isOpenGap(finding.status)) {
      answers[noteStepId(clause)] = finding.note;
      answers[ownerStepId(clause)] = finding.owner;
    }
  }
  return answers;
}

function clauseSteps(clause: Clause): StepDefinition[] {
  const isGap = (answers: Answers) => isOpenGap(answers[statusStepId(clause)]);
  return [
    {
      id: statusStepId(clause),
      label: `${clause.id} ${clause.title}`,
      prompt: (answers) => `${clause.id} ${clause.title}: is this in place?${recordsNote(answers, clause)}`,
      help: "In place: done and working, and you could show an auditor the evidence. Partial: started, or done for part of the organisation. Missing: not there yet.",
      input: "single_choice",
      choices: choicesFrom(gapStatusLabels),
      schema: z.enum(gapStatuses),
    },
    {
      id: noteStepId(clause),
      label: `${clause.id} what is missing`,
      prompt: `What is missing for ${clause.id}? ("skip" to leave no note)`,
      help: "A sentence is enough: it becomes the to-do in the gap report.",
      input: "text",
      schema: requiredText("note", 1000),
      optional: true,
      defaultValue: () => null,
      when: isGap,
    },
    {
      id: ownerStepId(clause),
      label: `${clause.id} owner`,
      prompt: `Who will close the gap in ${clause.id}? ("me", a name or an email; "skip" if nobody yet)`,
      help: "The person the gap report names for this clause.",
      input: "person",
      schema: z.object({ personId: z.string(), displayName: z.string() }),
      optional: true,
      defaultValue: () => null,
      when: isGap,
    },
  ];
}

export function gapAnalysisFlow(): FlowDefinition {
  return {
    id: gapAnalysisFlowId,
    title: "Run a gap analysis",
    noun: "gap analysis",
    description: "Check each ISO/IEC 42001 requirement (clauses 4–10): in place, partial or missing.",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "gap_analysis") ? null : refusalText("create", "gap_analysis")),
    steps: requirementClauses.flatMap(clauseSteps),
    introFor(answers) {
      const previous = answers[previousKey];
      if (typeof previous !== "string") {
        return `Let's run a gap analysis: ${requirementClauses.length} requirement clauses of ISO/IEC 42001, one question each, with a note and an owner for each gap. Type "help" at any question, "back" to change the previous answer, or "cancel" to stop.`;
      }
      return `I have filled in the answers from ${previous}, the previous gap analysis. Change what moved on with "edit <number>" (or the Edit buttons), then confirm to save a new analysis. "gap analysis fresh" starts from empty answers instead.`;
    },
    complete: async (answers, context) => {
      if (!can(context.speaker, "create", "gap_analysis")) throw new ActionRefused(refusalText("create", "gap_analysis"));
      const findings = requirementClauses.map((clause) => {
        const status = answers[statusStepId(clause)] as GapStatus;
        const open = isOpenGap(status);
        return {
          clauseId: clause.id,
          status,
          note: open ? ((answers[noteStepId(clause)] as string | null) ?? null) : null,
          ownerId: open ? ((answers[ownerStepId(clause)] as PersonAnswer | null)?.personId ?? null) : null,
        };
      });
      const analysis = await createRecord(context.tx, {
        entityType: gapAnalysisEntity,
        prefix: "GAP",
        actor: actorOf(context),
        create: (tx, reference) =>
          tx.gapAnalysis.create({ data: { reference, conductedById: context.speaker.personId, createdVia: context.channel, findings: { create: findings } } }),
      });
      const count = (status: GapStatus) => findings.filter((finding) => finding.status === status).length;
      return {
        reference: analysis.reference,
        title: `Saved gap analysis ${analysis.reference}`,
        lines: [
          `${count("in_place")} in place, ${count("partial")} partial, ${count("missing")} missing of ${findings.length} clauses.`,
          'Type "gap report" to see the gaps by clause, with notes, owners and progress since the previous analysis.',
        ],
      };
    },
  };
}
