// A policy assistant on a folder holding one document written by the test, removed after the file's tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { PolicyAssistant } from "../../src/policy/policyAssistant.js";
import { loadPrompt } from "../../src/policy/prompts.js";

export function assistantOnPolicy(fileName: string, text: string): PolicyAssistant {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-policy-"));
  fs.writeFileSync(path.join(dir, fileName), text);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return new PolicyAssistant({ policyDir: dir, prompt: loadPrompt("policy-answer") });
}
