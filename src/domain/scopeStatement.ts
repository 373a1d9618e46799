// The scope of the AI management system (ISO/IEC 42001 4.3) as people type and read it: the
// exclusions are a list of "what: why", because an auditor accepts an exclusion only with its reason.
import { z } from "zod";

export interface ScopeExclusion {
  what: string;
  reason: string;
}

export interface ScopeStatement {
  boundaries: string;
  systemsInScope: string;
  rolesInScope: string;
  exclusions: ScopeExclusion[];
}

export const exclusionsSchema = z.array(z.object({ what: z.string(), reason: z.string() }));

/** "none", or one exclusion per line (or separated by ";"), each as "what: why" or "what because why". */
export function parseExclusions(text: string): { ok: true; exclusions: ScopeExclusion[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (/^(none|no|nothing|no exclusions?)\.?$/i.test(trimmed)) return { ok: true, exclusions: [] };
  const entries = trimmed.split(/\r?\n|;/).map((entry) => entry.trim().replace(/^[-*•]\s*/, "")).filter((entry) => entry.length > 0);
  const exclusions: ScopeExclusion[] = [];
  for (const entry of entries) {
    const match = /^(.+?)(?:\s*[:–—]\s*|\s+-\s+|\s+because\s+)(.+)$/i.exec(entry);
    if (!match || match[1]!.trim().length < 2 || match[2]!.trim().length < 3) {
      return { ok: false, message: `"${entry}" has no reason. Write each exclusion as "what: why it is left out", e.g. "Group IT in Singapore: runs no AI systems", or "none".` };
    }
    exclusions.push({ what: match[1]!.trim(), reason: match[2]!.trim() });
  }
  return exclusions.length > 0 ? { ok: true, exclusions } : { ok: false, message: 'Please list the exclusions as "what: why", or type "none".' };
}

/** The exclusions as they are typed, so an edit starts from what is recorded. */
export const exclusionsText = (exclusions: ScopeExclusion[]) => (exclusions.length === 0 ? "none" : exclusions.map((exclusion) => `${exclusion.what}: ${exclusion.reason}`).join("; "));

/** The statement as lines for chat and Markdown. */
export function scopeLines(scope: ScopeStatement): string[] {
  return [
    `Boundaries: ${scope.boundaries}`,
    `AI systems in scope: ${scope.systemsInScope}`,
    `Roles in scope: ${scope.rolesInScope}`,
    scope.exclusions.length === 0 ? "Exclusions: none" : `Exclusions: ${scope.exclusions.map((exclusion) => `${exclusion.what} (${exclusion.reason})`).join("; ")}`,
  ];
}
