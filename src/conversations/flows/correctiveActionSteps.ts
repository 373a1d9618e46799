// The questions every corrective action asks (who owns it, by when), shared by the incident and
// nonconformity flows so both read the same and produce the same record.
import { z } from "zod";
import type { NewCorrectiveAction } from "../../store/correctiveActions.js";
import type { Answers, StepDefinition } from "../flowDefinition.js";
import type { PersonAnswer } from "../stepInput.js";

export const actionOwnerStep = (id: string, when?: (answers: Answers) => boolean): StepDefinition => ({
  id,
  label: "Action owner",
  prompt: "Who owns this corrective action? (\"me\", a name or an email)",
  help: "The person who will make sure it gets done; reminders go to them.",
  input: "person",
  schema: z.object({ personId: z.string(), displayName: z.string() }),
  ...(when ? { when } : {}),
});

export const actionDueStep = (id: string, when?: (answers: Answers) => boolean): StepDefinition => ({
  id,
  label: "Due date",
  prompt: "By when should it be done? (a date, \"in 2 weeks\")",
  help: "Pick a realistic date: reminders are sent before it falls due.",
  input: "date",
  schema: z.string(),
  dates: { only: "future", message: "A due date can't be in the past; when should it be done?" },
  ...(when ? { when } : {}),
});

/** The action from the answers "actionDescription", "actionOwner" and "actionDue". */
export const correctiveActionFrom = (answers: Answers): NewCorrectiveAction => ({
  description: answers.actionDescription as string,
  ownerId: (answers.actionOwner as PersonAnswer).personId,
  dueDate: new Date(answers.actionDue as string),
});
