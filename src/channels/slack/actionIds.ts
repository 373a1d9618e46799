// The ids our Slack blocks carry, and the small JSON values behind them. One place, so that
// the renderer and the listeners cannot drift apart.
export const actionIds = {
  choice: "aims_choice",
  select: "aims_select",
  checks: "aims_checks",
  checksSubmit: "aims_checks_submit",
  date: "aims_date",
  command: "aims_command",
  /** The select a long review summary offers instead of an Edit button per answer. */
  editAnswer: "aims_edit_answer",
  start: "aims_start",
  startForm: "aims_start_form",
  policyFeedback: "aims_policy_feedback",
  incidentAction: "aims_incident_action",
  /** A notice's button: its value is the whole turn input it stands for. */
  noticeAction: "aims_notice_action",
} as const;

export const callbackIds = {
  reportIncidentShortcut: "report_incident",
  reportMessageShortcut: "report_message_as_incident",
  registrationModal: "register_ai_system_form",
} as const;

/**
 * Slack refuses a message whose actions block holds the same action_id twice, so repeats in a block
 * get a suffix ("aims_command:2"); `listensTo` matches an id with or without one.
 */
export function withUniqueActionIds<T extends { type: string }>(blocks: T[]): T[] {
  return blocks.map((block) => {
    const elements = (block as { elements?: { action_id?: string }[] }).elements;
    if (block.type !== "actions" || !elements) return block;
    const seen = new Map<string, number>();
    const unique = elements.map((element) => {
      if (!element.action_id) return element;
      const count = (seen.get(element.action_id) ?? 0) + 1;
      seen.set(element.action_id, count);
      return count === 1 ? element : { ...element, action_id: `${element.action_id}:${count}` };
    });
    return { ...block, elements: unique };
  });
}

export const listensTo = (actionId: string) => new RegExp(`^${actionId}(?::\\d+)?$`);

export const checksBlockId = (stepId: string) => `aims_checks:${stepId}`;
export const dateBlockId = (stepId: string) => `aims_date:${stepId}`;
export const stepOfBlock = (blockId: string) => blockId.slice(blockId.indexOf(":") + 1);

export interface ChoiceValue {
  stepId: string;
  value: string;
}
export interface IncidentActionValue {
  reference: string;
  action: string;
}
export interface CommandValue {
  command: string;
  stepId?: string;
}

export const encodeValue = (value: object): string => JSON.stringify(value);

export function decodeValue<T>(raw: string | undefined): T | null {
  try {
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
