// What an installer must have in place before the organisation can rely on the bot: the checks
// behind `aims doctor`, the warning at start and the governance checklist in Slack and Teams.
// Essential ones stop `aims doctor` with a non-zero exit; each failing check says how to fix it.
import fs from "node:fs";
import { bufferedFetch } from "../http/bufferedFetch.js";
import { isPolicyFile } from "../policy/policyFormats.js";
import type { Config } from "../config/config.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { inProject } from "../project/projectFolder.js";
import { loadWebClient } from "../slackApi/loadWebClient.js";

export interface SetupCheck {
  title: string;
  ok: boolean;
  /** Without it the bot cannot serve the organisation (else: recommended). */
  essential: boolean;
  detail: string;
  fix?: string;
}

const passed = (title: string, detail: string, essential = true): SetupCheck => ({ title, ok: true, essential, detail });
const failed = (title: string, detail: string, fix: string, essential = true): SetupCheck => ({ title, ok: false, essential, detail, fix });

/** The checks that need only the configuration and the database (cheap: App Home runs them on opening). */
export async function localSetupChecks(config: Config, prisma: PrismaClient): Promise<SetupCheck[]> {
  return [chatPlatformCheck(config), teamsCheck(config), policyCheck(config.policyDir), governanceChannelCheck(config), await governanceMemberCheck(prisma)];
}

function chatPlatformCheck(config: Config): SetupCheck {
  if (config.slack || config.teams.appId) return passed("Chat platform", [config.slack ? "Slack" : "", config.teams.appId ? "Microsoft Teams" : ""].filter(Boolean).join(" and ") + " configured");
  return failed("Chat platform", "neither Slack nor Microsoft Teams is configured (only the local chat works)", "set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or MicrosoftAppId and MicrosoftAppPassword (see README: Connecting Slack / Teams)");
}

/** Teams credentials are checked for completeness; whether Entra accepts them shows on the first message. */
function teamsCheck(config: Config): SetupCheck {
  const { appId, appPassword, appType, tenantId } = config.teams;
  if (!appId) return passed("Microsoft Teams", "not configured (optional)", false);
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(appId)) return failed("Microsoft Teams", `MicrosoftAppId "${appId}" is not an application (client) id`, "copy the Application (client) ID of the bot's Entra app registration (a GUID)");
  if (!appPassword && appType !== "UserAssignedMSI") return failed("Microsoft Teams", "MicrosoftAppPassword is missing", "create a client secret for the app registration and set MicrosoftAppPassword");
  if (appType === "SingleTenant" && !tenantId) return failed("Microsoft Teams", "MicrosoftAppTenantId is missing for a single-tenant bot", "set MicrosoftAppTenantId to your Entra tenant id");
  return passed("Microsoft Teams", `app ${appId} (${appType}) has its credentials`, false);
}

function policyCheck(policyDir: string): SetupCheck {
  const documents = fs.existsSync(policyDir) && fs.statSync(policyDir).isDirectory() ? fs.readdirSync(policyDir).filter(isPolicyFile) : [];
  if (documents.length > 0) return passed("Policy documents", `${documents.length} document${documents.length === 1 ? "" : "s"} in ${policyDir}`);
  return failed("Policy documents", `no policy documents in ${policyDir}`, "put your AI policy documents (Markdown, Word .docx, OpenDocument .odt, PDF, HTML, text, AsciiDoc or reStructuredText) in a folder and set POLICY_DIR to it");
}

function governanceChannelCheck(config: Config): SetupCheck {
  if (!config.slack) return passed("Governance channel", "Slack is not configured; governance notices go by direct message", false);
  if (config.slack.governanceChannel) return passed("Governance channel", `Slack channel ${config.slack.governanceChannel}`);
  return failed("Governance channel", "SLACK_GOVERNANCE_CHANNEL is not set, so new incidents and approvals reach the governance team only one by one", "create a private channel for the governance team, invite the bot, and set SLACK_GOVERNANCE_CHANNEL to its id (C…)");
}

async function governanceMemberCheck(prisma: PrismaClient): Promise<SetupCheck> {
  const people = await prisma.person.findMany({ select: { roles: true } });
  const count = people.filter((person) => person.roles.includes("governance")).length;
  if (count > 0) return passed("Governance team", `${count} ${count === 1 ? "person has" : "people have"} the governance role`);
  return failed("Governance team", "nobody has the governance role, so nobody can triage incidents or approve systems", "set AIMS_GOVERNANCE_EMAILS=you@example.com and restart, or run npx aims people grant EMAIL governance");
}

/** The bot scopes the app needs: those of manifests/slack/manifest.json. */
export function manifestScopes(): string[] {
  const manifest = JSON.parse(fs.readFileSync(inProject("manifests", "slack", "manifest.json"), "utf8")) as { oauth_config: { scopes: { bot: string[] } } };
  return manifest.oauth_config.scopes.bot;
}

/** Slack itself: the token works (auth.test) and carries every scope the manifest asks for. */
export async function slackSetupChecks(config: Config): Promise<SetupCheck[]> {
  if (!config.slack) return [];
  const WebClient = await loadWebClient(); // loaded only where Slack is configured
  const client = new WebClient(config.slack.botToken, { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), fetch: bufferedFetch, retryConfig: { retries: 1 } });
  try {
    const auth = await client.auth.test();
    const granted = auth.response_metadata?.scopes ?? [];
    const missing = manifestScopes().filter((scope) => !granted.includes(scope));
    return [
      passed("Slack connection", `signed in as ${auth.user ?? "the bot"} in ${auth.team ?? "the workspace"}`),
      missing.length === 0
        ? passed("Slack scopes", "every scope of the manifest is granted")
        : failed("Slack scopes", `missing ${missing.join(", ")}`, "add them under OAuth & Permissions (or update the app from manifests/slack/manifest.json) and reinstall the app"),
    ];
  } catch (error) {
    return [failed("Slack connection", `auth.test failed: ${error instanceof Error ? error.message : String(error)}`, "check SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token) and that the app is installed")];
  }
}

export const openItems = (checks: SetupCheck[]) => checks.filter((check) => !check.ok);
