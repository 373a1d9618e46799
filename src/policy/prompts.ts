// Prompts live in prompts/ as files; they are read and checked when the service starts, so a
// missing or empty prompt stops it with a clear message instead of failing on a user's question.
import fs from "node:fs";
import path from "node:path";
import { inProject } from "../project/projectFolder.js";

const promptsDir = inProject("prompts");

export const promptNames = ["policy-answer", "policy-rewrite", "incident-prefill", "message-route"] as const;
export type PromptName = (typeof promptNames)[number];

export class PromptError extends Error {}

export function loadPrompt(name: PromptName, dir = promptsDir): string {
  const file = path.join(dir, `${name}.md`);
  if (!fs.existsSync(file)) throw new PromptError(`The prompt ${path.relative(process.cwd(), file)} is missing; it ships with AIMS Assistant, so restore it from the repository.`);
  const text = fs.readFileSync(file, "utf8").trim();
  if (text === "") throw new PromptError(`The prompt ${path.relative(process.cwd(), file)} is empty; restore it from the repository.`);
  return text;
}

export function loadAllPrompts(dir = promptsDir): Record<PromptName, string> {
  return Object.fromEntries(promptNames.map((name) => [name, loadPrompt(name, dir)])) as Record<PromptName, string>;
}
