// "evidence pack" in chat: a governance member receives the whole pack as a zip in a direct
// message. It goes through the outbox like any notice, so a Slack outage delays it, never loses it.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, viewerOf } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";

const packCommand = /^(?:send\s+(?:me\s+)?(?:the\s+)?|export\s+(?:the\s+)?)?(?:evidence\s+)?pack$/;

export class EvidencePackUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    private readonly settings: { timeZone: string; policyDir?: string | undefined },
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "");
    if (!packCommand.test(typed)) return null;
    if (!can(viewerOf(turn), "export", "evidence_pack")) return useCaseRefusal(refusalText("export", "evidence_pack"));
    // Teams only takes files from a bot through a consent card and OneDrive, which this bot does not use.
    if (turn.channel === "teams") return useCaseRefusal("Teams can't receive the pack as a file from me. Ask for it in Slack or the local chat, or run `npx aims export pack --out DIR` on the server.");
    return useCaseMessages({ kind: "text", text: await this.send(turn) });
  }

  private async send(turn: Turn): Promise<string> {
    const now = this.clock();
    // Loaded when a pack is asked for: the zip and CSV writers are not needed for anything else in chat.
    const { buildEvidencePack, packFolderName, zipEvidencePack } = await import("./evidencePack.js");
    const files = await buildEvidencePack(this.prisma, now, { ...this.settings, exportedBy: actorOfTurn(turn) });
    const folder = packFolderName(now);
    const zip = zipEvidencePack(files, folder);
    await this.prisma.$transaction((tx) =>
      enqueueNotice(
        tx,
        personAudience(turn.speaker.personId),
        {
          kind: "evidence_pack",
          subject: `Evidence pack ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          text: `The evidence pack you asked for: ${files.length} files (the policy documents, scope, objectives, roles and every register in Markdown, CSV and JSON, and the change history). Start with ${folder}/README.md; ${folder}/MANIFEST.json holds the SHA-256 of every file.`,
          recordRef: folder,
        },
        { occurrence: now.toISOString(), privateOnly: true, file: { bytes: zip, name: `${folder}.zip` } },
      ),
    );
    return `I'm putting the evidence pack together (${files.length} files, ${Math.ceil(zip.byteLength / 1024)} KB zipped). It arrives in a direct message in a moment.`;
  }
}
