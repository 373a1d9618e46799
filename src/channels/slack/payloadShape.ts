// The shape a Slack request body must have before Bolt reads it. Bolt 5.1 dereferences a few fields
// without checking them (the user of an event or interaction, a modal's view, a channel), so a signed
// but malformed body would throw inside Bolt and come back as a 500, which Slack then retries.
// These rules name what is missing instead; they follow the order in which Bolt classifies a body.

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);
const isAbsent = (value: unknown) => value === undefined;

/** Why a parsed Slack body cannot be handled, or undefined when Bolt can read it safely. */
export function payloadProblem(body: unknown): string | undefined {
  if (!isObject(body)) return "The payload is not a JSON object.";
  if (!isAbsent(body.event)) return eventProblem(body.event);
  if (!isAbsent(body.command)) return undefined;
  if (isInteraction(body)) return interactionProblem(body);
  return undefined;
}

function eventProblem(event: unknown): string | undefined {
  if (!isObject(event)) return "The event is not an object.";
  if ("user" in event && !isUser(event.user)) return "The event's user is not a user id.";
  if ("channel" in event && typeof event.channel !== "string" && !isObject(event.channel)) return "The event's channel is not a channel id.";
  if ("item" in event && !isObject(event.item)) return "The event's item is not an object.";
  if ("subteam" in event && !isObject(event.subteam)) return "The event's subteam is not an object.";
  return undefined;
}

/** Options, block actions, dialogs, shortcuts and modal submissions: everything Bolt reads a user from. */
function isInteraction(body: Fields): boolean {
  if (!isAbsent(body.name) || !isAbsent(body.actions)) return true;
  return typeof body.type === "string" && interactionTypes.has(body.type);
}
const interactionTypes = new Set(["block_suggestion", "dialog_submission", "shortcut", "message_action", "view_submission", "view_closed"]);
const viewTypes = new Set(["view_submission", "view_closed"]);

function interactionProblem(body: Fields): string | undefined {
  if (!isObject(body.user) || typeof body.user.id !== "string") return "The interaction has no user.";
  if (!isAbsent(body.channel) && !isObject(body.channel)) return "The interaction's channel is not an object.";
  if (typeof body.type === "string" && viewTypes.has(body.type) && !isObject(body.view)) return `The ${body.type} has no view.`;
  return undefined;
}

/** A user id, or a user object with one (user_change and team_join carry the whole profile). */
function isUser(value: unknown): boolean {
  return typeof value === "string" || (isObject(value) && typeof value.id === "string");
}
