// What flows in and out of the conversation engine. Neutral on purpose: each channel (Slack,
// Teams, the local chat) turns a platform event into a Turn and renders the Reply natively.
import type { Channel, Role } from "../generated/prisma/enums.js";
import type { NoticeButton } from "../domain/governanceNotices.js";

export type { ConversationKey } from "../store/conversationStates.js";
import type { ConversationKey } from "../store/conversationStates.js";

/** The person behind a turn, already resolved to our directory. */
export interface Speaker {
  personId: string;
  displayName: string;
  roles: Role[];
}

export type Command = "back" | "skip" | "cancel" | "help" | "start_over" | "confirm" | "edit" | "continue" | "menu";

export type TurnInput =
  | { kind: "text"; text: string }
  /** A button, select or checkbox answer; bound to the step it was shown for. */
  | { kind: "choice"; stepId: string; value: string | string[] }
  | { kind: "command"; command: Command; stepId?: string }
  | { kind: "start"; flowId: string; prefill?: Record<string, unknown> }
  /** A verdict on a policy answer: it helped, it didn't, or pass the question to governance. */
  | { kind: "policy_feedback"; questionId: string; verdict: PolicyVerdict }
  /** A button on an incident (Acknowledge, Close…), or "view" to show it. */
  | { kind: "incident_action"; reference: string; action: string }
  /** A typed records command from a slash command ("incidents sev1", "INC-0007 close"), outside any flow. */
  | { kind: "desk_command"; text: string }
  /** A button on a reminder: "done", "still_accurate", "update", "snooze_day", "snooze_week". */
  | { kind: "reminder_action"; item: string; action: string }
  /** A button on another governance record: approve or reject an AI system or a risk acceptance, … */
  | { kind: "record_action"; reference: string; action: string };

/** A button on a notice: what clicking it sends back as a turn. */
export type NoticeAction = NoticeButton;

export type PolicyVerdict = "helpful" | "not_helpful" | "route";

export interface Turn {
  key: ConversationKey;
  speaker: Speaker;
  channel: Channel;
  input: TurnInput;
}

export type InputKind = "text" | "single_choice" | "multi_choice" | "date" | "yes_no" | "person" | "ai_system";

export interface Choice {
  value: string;
  label: string;
  /** A one-line explanation (e.g. what SEV2 means). */
  description?: string;
}

export type OutgoingMessage =
  | { kind: "text"; text: string }
  | { kind: "error"; text: string }
  | {
      kind: "question";
      flowId: string;
      stepId: string;
      prompt: string;
      help?: string;
      input: InputKind;
      choices?: Choice[];
      optional: boolean;
      /** The answer already given, when the user came back to this question. */
      currentAnswer?: string;
      progress: { step: number; of: number };
      canGoBack: boolean;
    }
  | {
      kind: "summary";
      flowId: string;
      title: string;
      fields: { stepId: string; label: string; value: string }[];
    }
  | {
      kind: "done";
      flowId: string;
      reference: string;
      title: string;
      lines: string[];
    }
  | { kind: "menu"; text: string; options: { flowId: string; label: string; description: string }[] }
  | {
      kind: "answer";
      /** Set when the question was stored: feedback and routing refer to it. */
      questionId?: string;
      answered: boolean;
      /** Declined because the policy does not cover it: the asker may pass it to governance. */
      routable: boolean;
      text: string;
      /** `label` is how the citation is shown: the document's title and version, the section and its heading. */
      citations: { document: string; section: string; heading: string; label: string }[];
    }
  | {
      kind: "incident";
      reference: string;
      title: string;
      lines: string[];
      timeline: TimelineEntry[];
      /** What the viewer may do now: one button each. */
      actions: { action: string; label: string }[];
    }
  | {
      /** A notification delivered on its own (not a reply): a new incident, a reminder, a digest. */
      kind: "notice";
      subject: string;
      text: string;
      actions: NoticeAction[];
    }
  | {
      kind: "record_list";
      title: string;
      items: { reference: string; text: string }[];
      /** Said when the list is empty, or after it (e.g. how many were left out and why). */
      note?: string;
      /** Items open with this incident action ("view"); absent for records without a view. */
      opensIncident?: boolean;
    };

export interface TimelineEntry {
  at: string;
  who: string;
  text: string;
  link?: string;
}

export interface Reply {
  messages: OutgoingMessage[];
  /** False when a duplicate or stale delivery was ignored: channels then send nothing. */
  handled: boolean;
}
