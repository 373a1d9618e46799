// "Question 2 of 5" counts the questions this conversation actually asks: not the answers it was
// started with (the incident a button was pressed on), and a question whose condition still waits on
// an unanswered question counts as asked, so the total can only shrink as answers come in, never jump.
import { type Answers, type FlowDefinition, type StepDefinition } from "./flowDefinition.js";

/** Where the ids of the answers given when the conversation started are kept, beside the answers. */
const givenKey = "__givenAtStart";

/** Notes which questions the starting answers already answer (nothing is added when none do). */
export function withGivenAtStart(flow: FlowDefinition, answers: Answers): Answers {
  const given = flow.steps.filter((step) => answers[step.id] !== undefined).map((step) => step.id);
  return given.length > 0 ? { ...answers, [givenKey]: given } : answers;
}

/** The questions counted in the progress, in order; the current one is always among them. */
export function questionsAsked(flow: FlowDefinition, answers: Answers, currentStepId: string): StepDefinition[] {
  const given = Array.isArray(answers[givenKey]) ? (answers[givenKey] as string[]) : [];
  return flow.steps.filter((step) => step.id === currentStepId || (!given.includes(step.id) && mayBeAsked(flow, step, answers)));
}

function mayBeAsked(flow: FlowDefinition, step: StepDefinition, answers: Answers): boolean {
  if (!step.when) return true;
  const unanswered = new Set(flow.steps.filter((other) => other.id !== step.id && answers[other.id] === undefined).map((other) => other.id));
  let waits = false;
  // The condition is run on the answers as they are; reading a question not answered yet means it can't tell.
  const watched = new Proxy(answers, {
    get(target, key, receiver) {
      if (typeof key === "string" && unanswered.has(key)) waits = true;
      return Reflect.get(target, key, receiver);
    },
  });
  const shown = step.when(watched);
  return shown || waits;
}
