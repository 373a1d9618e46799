// Slack sends text as mrkdwn: <@U123> for a person, <mailto:a@b|a@b>, <https://x|label>, and &, <, >
// as entities. People typed plain words, so that is what the conversation gets: names, addresses,
// URLs and the characters themselves.

/** The display name of a Slack user, or null when unknown (never creates anyone). */
export type SlackNameLookup = (userId: string) => Promise<string | null>;

const token = /<([^<>]+)>/g;

export async function decodeSlackText(text: string, nameOf: SlackNameLookup): Promise<string> {
  const names = new Map<string, string>();
  for (const [, inner] of text.matchAll(token)) {
    const mention = /^@([UW][A-Z0-9]+)(?:\|(.+))?$/.exec(inner!);
    if (mention && !names.has(mention[1]!)) names.set(mention[1]!, (await nameOf(mention[1]!).catch(() => null)) ?? mention[2] ?? "someone");
  }
  return entities(text.replace(token, (_whole, inner: string) => plainToken(inner, names)));
}

function plainToken(inner: string, names: Map<string, string>): string {
  const [target = "", label] = inner.split("|", 2) as [string, string | undefined];
  if (target.startsWith("@")) return names.get(target.slice(1)) ?? label ?? "someone";
  if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
  if (target.startsWith("mailto:")) return target.slice("mailto:".length);
  if (target.startsWith("!")) return specialMention(target.slice(1), label);
  return target; // a link: the URL itself, not a label that could disguise it
}

/** <!here>, <!channel>, <!subteam^ID|@team>, <!date^…|fallback>. */
function specialMention(name: string, label: string | undefined): string {
  if (label) return label;
  return `@${name.split("^")[0]}`;
}

const entities = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
