// Renders the engine's replies as plain text for a terminal: numbered choices, numbered summary.
import type { OutgoingMessage } from "../../conversations/messages.js";

export function renderPlainText(message: OutgoingMessage): string {
  switch (message.kind) {
    case "text":
      return message.text;
    case "error":
      return `! ${message.text}`;
    case "menu":
      return [message.text, ...message.options.map((option, index) => `  ${index + 1}) ${option.label}: ${option.description}`), "Type a number, or just describe what you need."].join("\n");
    case "question": {
      const lines = [`[${message.progress.step}/${message.progress.of}] ${message.prompt}`];
      if (message.currentAnswer) lines.push(`    (current answer: ${message.currentAnswer})`);
      message.choices?.forEach((choice, index) => lines.push(`  ${index + 1}) ${choice.label}${choice.description ? ` — ${choice.description}` : ""}`));
      if (message.input === "multi_choice") lines.push("    Several are fine: separate them with commas (e.g. 1, 3).");
      const commands = [message.canGoBack ? '"back"' : "", message.optional ? '"skip"' : "", '"help"', '"cancel"'].filter(Boolean);
      lines.push(`    (${commands.join(", ")})`);
      return lines.join("\n");
    }
    case "summary":
      return [
        message.title + ":",
        ...message.fields.map((field, index) => `  ${index + 1}. ${field.label}: ${field.value}`),
        'Type "confirm" to save, "edit <number>" to change an answer, or "cancel".',
      ].join("\n");
    case "done":
      return [`✔ ${message.title}`, ...message.lines.map((line) => `  ${line}`)].join("\n");
    case "answer": {
      const hint = !message.questionId ? [] : message.answered ? ['    (type "helpful" or "not helpful")'] : message.routable ? ['    (type "pass it on" to send your question to the governance team)'] : [];
      return [message.text, ...message.citations.map((citation) => `  — ${citation.label}`), ...hint].join("\n");
    }
    case "incident":
      return [
        message.title,
        ...message.lines.map((line) => `  ${line}`),
        "Timeline:",
        ...message.timeline.map((entry) => `  ${entry.at}  ${entry.who}: ${entry.text}${entry.link ? ` <${entry.link}>` : ""}`),
        ...(message.actions.length > 0 ? [`You can: ${message.actions.map((action) => `"incident ${message.reference} ${action.action.replace(/_/g, " ")}"`).join(", ")}`] : []),
      ].join("\n");
    case "notice":
      return [`** ${message.subject}`, message.text, ...(message.actions.length > 0 ? [`    (${message.actions.map((action) => action.label).join(" · ")})`] : [])].join("\n");
    case "record_list":
      return [
        `${message.title}:`,
        ...message.items.map((item) => `  ${item.reference}  ${item.text}`),
        ...(message.note ? [message.note] : []),
        ...(message.opensIncident && message.items.length > 0 ? ['Type "incident <reference>" to open one.'] : []),
      ].join("\n");
  }
}
