// The conversation that adds a dataset to the register: started by "add dataset" (system owners and governance).
import { z } from "zod";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { can } from "../../domain/accessPolicy.js";
import type { LawfulBasis } from "../../generated/prisma/enums.js";
import { lawfulBasisLabels, registerDataset, updateDataset, type NewDataset } from "../datasetRegister.js";
import { systemReferenceList } from "./systemReferenceList.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const addDatasetFlowId = "add_dataset";

const refusal = "Only system owners and the governance team keep the dataset register.";
const text = (id: string, label: string, prompt: string, help: string, max = 2000) => ({ id, label, prompt, help, input: "text" as const, schema: requiredText(label.toLowerCase(), max) });

export function addDatasetFlow(): FlowDefinition {
  return {
    id: addDatasetFlowId,
    title: "Add a dataset",
    noun: "dataset registration",
    description: "Record a dataset an AI system is trained, tested or run on (A.7)",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "dataset") ? null : refusal),
    steps: [
      text("name", "Dataset", "What is the dataset called?", "A name people here would recognise, e.g. \"Motor claims 2019–2025\".", 200),
      { id: "systems", label: "Used by", prompt: "Which AI systems use it? (inventory references, e.g. \"AIS-0001, AIS-0003\")", help: "Type \"my systems\" in another chat to look them up.", input: "text", schema: systemReferenceList, display: (value) => (value as string[]).join(", ") },
      text("source", "Source", "Where does the data come from?", "E.g. \"our claims system\", \"bought from a data broker\", \"public web data\", \"customer uploads\"."),
      { id: "lawfulBasis", label: "Lawful basis", prompt: "On what lawful basis is its personal data processed?", help: "As recorded by the data protection officer; \"No personal data\" when it holds none.", input: "single_choice", choices: choicesFrom(lawfulBasisLabels), schema: z.enum(Object.keys(lawfulBasisLabels) as [LawfulBasis, ...LawfulBasis[]]) },
      text("provenance", "Provenance", "How was it obtained, and what has happened to it since? (provenance)", "E.g. \"extracted monthly from ClaimsHub by the data team; pseudonymised on export; version 2025-06\"."),
      text("qualityCriteria", "Quality criteria", "What quality must it meet to be fit for its use?", "E.g. \"≥ 98% of claims with a settled amount; no duplicates; every region represented\"."),
      { ...text("qualityResults", "Quality results", "What did the latest quality checks find? (\"skip\" if not checked yet)", "The results against the criteria, with the date, e.g. \"2026-10: 99.1% complete, 0 duplicates\"."), optional: true, defaultValue: () => null },
      text("preparation", "Preparation", "How is it prepared before use?", "Cleaning, labelling, pseudonymisation, balancing, train/test split…"),
      text("retention", "Retention", "How long is it kept, and what happens then?", "E.g. \"7 years after the claim closes, then deleted\".", 500),
      { id: "owner", label: "Owner", prompt: "Who owns the dataset? (\"me\", a name or an email)", help: "They answer for it and are reminded before its review date.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "reviewOn", label: "Next review", prompt: "When should the entry be reviewed next? (a date, \"in 12 months\")", help: "A reminder goes to the owner before it.", input: "date", schema: z.string(), dates: { only: "future", message: "A review date can't be in the past; when should it be reviewed?" } },
      // Carried, never asked: present only when the conversation was started by "edit DS-0001".
      { id: "updateDataset", label: "Updates", prompt: "Which dataset? (e.g. DS-0001)", help: "Filled in when you started from the dataset.", input: "text", schema: z.string().regex(/^DS-\d{4,}$/, "Please give a reference such as DS-0001."), when: (answers) => answers.updateDataset !== undefined },
    ],
    introFor: (answers) => (typeof answers.updateDataset === "string" ? `Here is ${answers.updateDataset} as recorded. Edit whatever has changed, then confirm.` : undefined),
    async complete(answers, context) {
      const viewer = { personId: context.speaker.personId, roles: context.speaker.roles };
      const fields: NewDataset = {
        name: answers.name as string,
        systemReferences: answers.systems as string[],
        source: answers.source as string,
        lawfulBasis: answers.lawfulBasis as LawfulBasis,
        provenance: answers.provenance as string,
        qualityCriteria: answers.qualityCriteria as string,
        qualityResults: (answers.qualityResults as string | null) ?? null,
        preparation: answers.preparation as string,
        retention: answers.retention as string,
        ownerId: (answers.owner as PersonAnswer).personId,
        reviewOn: new Date(`${String(answers.reviewOn).slice(0, 10)}T00:00:00Z`),
      };
      if (typeof answers.updateDataset === "string") {
        const updated = await updateDataset(context.tx, answers.updateDataset, fields, viewer, actorOf(context));
        return { reference: updated.reference, title: `${updated.reference} ${updated.name} is updated`, lines: [`Type "dataset ${updated.reference}" to see it with its history.`] };
      }
      const dataset = await registerDataset(context.tx, fields, viewer, actorOf(context));
      return { reference: dataset.reference, title: `${dataset.reference} ${dataset.name} is in the dataset register`, lines: [`Next review: ${displayDate(dataset.reviewOn)}.`, `Type "dataset ${dataset.reference}" to see it.`] };
    },
  };
}
