// A policy file may carry its own register entry as front matter (a block between "---" lines at
// the top of a Markdown file): version, owner, approver, approved, next_review, summary. Simple
// "key: value" lines only; anything else in the block is ignored.
export interface PolicyFrontMatter {
  version?: string;
  owner?: string;
  approver?: string;
  /** YYYY-MM-DD */
  approved?: string;
  /** YYYY-MM-DD */
  nextReview?: string;
  summary?: string;
}

const keys: Record<string, keyof PolicyFrontMatter> = {
  version: "version",
  owner: "owner",
  approver: "approver",
  approved: "approved",
  approved_on: "approved",
  next_review: "nextReview",
  review: "nextReview",
  summary: "summary",
};

export function readFrontMatter(text: string): PolicyFrontMatter {
  const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!block) return {};
  const found: PolicyFrontMatter = {};
  for (const line of block[1]!.split(/\r?\n/)) {
    const pair = /^\s*([a-z_]+)\s*:\s*(.+?)\s*$/i.exec(line);
    const key = pair && Object.hasOwn(keys, pair[1]!.toLowerCase()) ? keys[pair[1]!.toLowerCase()] : undefined;
    if (key) found[key] = pair![2]!.replace(/^["']|["']$/g, "");
  }
  return found;
}

/** A date written YYYY-MM-DD, or null when it is not one. */
export function frontMatterDate(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}
