// Slack's mrkdwn decoded at the edge: what the person typed, not Slack's markup.
import { describe, expect, it } from "vitest";
import { decodeSlackText } from "../../src/channels/slack/slackText.js";

const names: Record<string, string> = { U0SOFIA: "Sofia Alvarez" };
const nameOf = async (id: string) => names[id] ?? null;

describe("decoding Slack text", () => {
  it.each([
    ["the owner is <@U0SOFIA>", "the owner is Sofia Alvarez"],
    ["ask <@U0NOBODY|marta>", "ask marta"],
    ["write to <mailto:dpo@northwind.example|dpo@northwind.example>", "write to dpo@northwind.example"],
    ["see <https://status.example/incidents/12|the status page>", "see https://status.example/incidents/12"],
    ["<https://evil.example>", "https://evil.example"],
    ["R&amp;D says 3 &lt; 5 &gt; 2", "R&D says 3 < 5 > 2"],
    ["in <#C0GOV|ai-governance>", "in #ai-governance"],
    ["<!here> look", "@here look"],
    ["plain text stays", "plain text stays"],
  ])("%j → %j", async (slackText, plain) => {
    expect(await decodeSlackText(slackText, nameOf)).toBe(plain);
  });

  it("keeps an entity written out by the person as they wrote it", async () => {
    // Slack sends a typed "&amp;" as "&amp;amp;".
    expect(await decodeSlackText("&amp;amp;", nameOf)).toBe("&amp;");
  });
});
