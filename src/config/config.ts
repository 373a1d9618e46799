// Configuration from the environment, validated once at start-up. Every problem is
// reported together, each with the variable's name and how to fix it.
import path from "node:path";
import type { ReminderSettings } from "../domain/reminderRules.js";
import { z } from "zod";
import { parseRoutes, type ChannelRoute, type RouteCategory } from "../domain/noticeRouteConfig.js";
import { defaultReviewIntervals, parseReviewIntervals, type ReviewIntervals } from "../domain/reviewSchedule.js";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** An empty variable (PORT= in .env) means "use the default", as it does for people reading .env files. */
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const port = z.coerce
  .number({ error: "must be a whole number, e.g. 3978" })
  .int("must be a whole number, e.g. 3978")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const postgresUrl = z
  .string()
  .trim()
  .refine(isPostgresUrl, "must look like postgresql://USER:PASSWORD@HOST:5432/DATABASE (or leave it unset for the embedded database)");

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "" && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** The roles a person can hold (the Role enum of the schema). */
export const roleNames = ["member", "owner", "manager", "auditor", "governance"] as const;
export type RoleName = (typeof roleNames)[number];

/** AIMS_ROUTE_INCIDENTS=slack:C012AB,teams:19:abc@thread.tacv2 and so on: where each kind of notice is posted. */
const noticeRoute = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .optional()
    .transform((text, context) => {
      try {
        return parseRoutes(text ?? "");
      } catch (error) {
        context.addIssue({ code: "custom", message: `${(error as Error).message}, comma-separated, e.g. slack:C012AB3CD` });
        return z.NEVER;
      }
    }),
);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://slack.com/api/" });

const environmentSchema = z.object({
  PORT: z.preprocess(emptyAsUnset, port.default(3978)),
  /** Which address the HTTP server binds to; loopback unless a platform needs it reachable. */
  HOST: optionalText,
  DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
  AIMS_DATA_DIR: z.string().trim().min(1).default("./data"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional(),
  ),
  SLACK_API_URL: optionalText.pipe(httpUrl.optional()),
  SLACK_GOVERNANCE_CHANNEL: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
      error: "must be MultiTenant, SingleTenant or UserAssignedMSI",
    })
    .default("MultiTenant"),
  MicrosoftAppTenantId: optionalText,
  /** Teams without authentication, for the Bot Framework Emulator on this machine: only when asked for. */
  TEAMS_EMULATOR: z.preprocess(emptyAsUnset, z.enum(["on", "off"], { error: "must be on or off" }).default("off")),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(httpUrl.optional()),
  POLICY_DIR: z.string().trim().min(1).default("./policies"),
  LOCAL_CHAT: z
    .preprocess(emptyAsUnset, z.enum(["auto", "on", "off"], { error: "must be auto, on or off" }).default("auto")),
  /** The local chat's access token: required to open it on a non-loopback HOST. */
  LOCAL_CHAT_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters (e.g. openssl rand -hex 16)").optional()),
  /** The report form for people outside the workspace at /report: off unless asked for. */
  PUBLIC_REPORT_FORM: z.preprocess(emptyAsUnset, z.enum(["on", "off"], { error: "must be on or off" }).default("off")),
  PUBLIC_REPORT_PER_ADDRESS_PER_HOUR: z.preprocess(emptyAsUnset, z.coerce.number({ error: "must be a number, e.g. 5" }).int("must be a whole number").min(1, "must be at least 1").default(5)),
  PUBLIC_REPORT_PER_HOUR: z.preprocess(emptyAsUnset, z.coerce.number({ error: "must be a number, e.g. 60" }).int("must be a whole number").min(1, "must be at least 1").default(60)),
  AIMS_DRAFT_EXPIRY_HOURS: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number of hours, e.g. 168" }).positive("must be a positive number of hours, e.g. 168").default(168),
  ),
  AIMS_DELIVERY_INTERVAL_SECONDS: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number of seconds, e.g. 15" }).int("must be whole seconds").min(1, "must be at least 1 second").default(15),
  ),
  AIMS_DELIVERY_MAX_ATTEMPTS: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number, e.g. 6" }).int("must be a whole number").min(1, "must be at least 1").default(6),
  ),
  AIMS_REMINDER_DAYS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default("14,7,1")
      .transform((text, context) => {
        const days = text.split(",").map((part) => Number(part.trim()));
        if (days.some((day) => !Number.isInteger(day) || day < 1 || day > 90)) {
          context.addIssue({ code: "custom", message: "must be whole days between 1 and 90, comma-separated, e.g. 14,7,1" });
          return z.NEVER;
        }
        return [...new Set(days)].sort((a, b) => b - a);
      }),
  ),
  AIMS_WORKING_HOURS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default("09-17")
      .transform((text, context) => {
        const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
        const [start, end] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
        if (!(start >= 0 && end <= 24 && start < end)) {
          context.addIssue({ code: "custom", message: "must be START-END hours, e.g. 09-17" });
          return z.NEVER;
        }
        return { start, end };
      }),
  ),
  AIMS_ATTESTATION_MONTHS: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number of months, e.g. 6" }).int("must be whole months").min(1, "must be at least 1 month").default(6),
  ),
  AIMS_ESCALATE_AFTER_DAYS: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number of days, e.g. 7" }).int("must be whole days").min(1, "must be at least 1 day").default(7),
  ),
  AIMS_DIGEST_TIME_ZONE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default("UTC")
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat("en-GB", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone, e.g. Europe/London"),
  ),
  /** How people here write dates: the order of day and month in "03/04/2026", and the language of "next Friday". */
  AIMS_LOCALE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .default("en-GB")
      .transform((tag, context) => {
        try {
          const [locale] = Intl.getCanonicalLocales(tag);
          if (locale && Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0) return locale;
        } catch {
          // reported below
        }
        context.addIssue({ code: "custom", message: "must be a locale such as en-GB (day first: 03/04/2026 is 3 April) or en-US (month first)" });
        return z.NEVER;
      }),
  ),
  AIMS_DIGEST_HOUR: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be an hour, e.g. 9" }).int("must be a whole hour").min(0, "must be between 0 and 23").max(23, "must be between 0 and 23").default(9),
  ),
  AIMS_GOVERNANCE_EMAILS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .optional()
      .transform((text, context) => {
        const emails = (text ?? "").split(",").map((part) => part.trim().toLowerCase()).filter(Boolean);
        const bad = emails.filter((email) => !z.email().safeParse(email).success);
        if (bad.length > 0) {
          context.addIssue({ code: "custom", message: `${bad.join(", ")} ${bad.length > 1 ? "are not e-mail addresses" : "is not an e-mail address"}; use e.g. ada@example.com,grace@example.com` });
          return z.NEVER;
        }
        return emails;
      }),
  ),
  SLACK_ROLE_USERGROUPS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .optional()
      .transform((text, context) => {
        const pairs = (text ?? "").split(",").map((part) => part.trim()).filter(Boolean);
        const groups: { role: RoleName; usergroupId: string }[] = [];
        for (const pair of pairs) {
          const match = /^(\w+)\s*=\s*(S[A-Z0-9]+)$/.exec(pair);
          if (!match || !roleNames.includes(match[1] as RoleName)) {
            context.addIssue({ code: "custom", message: `"${pair}" must be ROLE=USERGROUP_ID with a role from ${roleNames.join(", ")}, e.g. governance=S012AB,auditor=S034CD` });
            return z.NEVER;
          }
          groups.push({ role: match[1] as RoleName, usergroupId: match[2]! });
        }
        return groups;
      }),
  ),
  AIMS_ROUTE_INCIDENTS: noticeRoute,
  AIMS_ROUTE_APPROVALS: noticeRoute,
  AIMS_ROUTE_RISK_ACCEPTANCES: noticeRoute,
  AIMS_ROUTE_DELIVERY_FAILURES: noticeRoute,
  AIMS_ROUTE_DIGEST: noticeRoute,
  AIMS_USERGROUP_SYNC_MINUTES: z.preprocess(
    emptyAsUnset,
    z.coerce.number({ error: "must be a number of minutes, e.g. 15" }).int("must be whole minutes").min(1, "must be at least 1 minute").default(15),
  ),
  AIMS_REVIEW_MONTHS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .optional()
      .transform((text, context) => {
        if (text === undefined) return defaultReviewIntervals;
        try {
          return parseReviewIntervals(text);
        } catch (error) {
          context.addIssue({ code: "custom", message: `${(error as Error).message}; use e.g. high=3,medium=6,low=12` });
          return z.NEVER;
        }
      }),
  ),
});

export type Environment = z.infer<typeof environmentSchema>;

const defaultHost = "127.0.0.1";

/** An address only this machine can reach. */
/** Teams is there when it is configured (MicrosoftAppId), or in emulator mode when asked for; otherwise not at all. */
export const teamsEnabled = (settings: Config["teams"]) => !!settings.appId || settings.emulator;

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface Config {
  port: number;
  host: string;
  logLevel: Environment["LOG_LEVEL"];
  dataDir: string;
  database: { kind: "postgresql"; url: string } | { kind: "embedded"; dataDir: string };
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string; governanceChannel?: string };
  /** `emulator`: no authentication, this machine only (TEAMS_EMULATOR=on without MicrosoftAppId). */
  teams: { appId?: string; appPassword?: string; appType: Environment["MicrosoftAppType"]; tenantId?: string; emulator: boolean };
  openai?: { apiKey: string; baseUrl?: string };
  policyDir: string;
  /** The browser chat at /chat, for trying the bot without Slack or Teams. */
  localChat: boolean;
  /** When set, every local chat API request must carry it. */
  localChatToken?: string;
  /** The public report form at /report and its submission limits; absent when off. */
  publicReportForm?: { perAddressPerHour: number; totalPerHour: number };
  draftTtlMs: number;
  reviewIntervals: ReviewIntervals;
  /** The notification outbox: how often it is checked, and how often a delivery is tried before it is dead. */
  delivery: { intervalMs: number; maxAttempts: number };
  reminders: ReminderSettings;
  /** The weekly governance digest: Monday at this hour in this time zone. */
  digest: { timeZone: string; hoursIntoWeek: number };
  /** How dates typed in chat are read: the locale's order of day and month, and the days of this time zone. */
  dates: { locale: string; timeZone: string };
  /** Who gets which role without anyone granting it: bootstrap e-mails, and Slack user groups kept in sync. */
  people: { governanceEmails: string[]; slackRoleUsergroups: { role: RoleName; usergroupId: string }[]; usergroupSyncMs: number };
  /** Channels for each kind of notice, besides those governance members set in chat. */
  routes: Partial<Record<RouteCategory, ChannelRoute[]>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `AIMS Assistant cannot start: the configuration has ${problems.length} problem(s).\n` +
        problems.map((problem) => `  - ${problem}`).join("\n") +
        "\nSet these in the environment or in .env (see .env.example).",
    );
    this.name = "ConfigError";
  }
}

/** Reads and checks the configuration; throws one ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return toConfig(parsed.data);
}

/** Checks that need several variables; read from the raw environment so they are reported alongside field errors. */
function crossFieldProblems(raw: NodeJS.ProcessEnv): string[] {
  const env = Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, value?.trim() === "" ? undefined : value?.trim()]),
  );
  const problems: string[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push("SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (Basic Information → App Credentials)");
  }
  if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN) {
    problems.push("SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set (OAuth & Permissions → Bot User OAuth Token)");
  }
  if (env.LOCAL_CHAT === "on" && !isLoopbackHost(env.HOST ?? defaultHost) && !env.LOCAL_CHAT_TOKEN) {
    problems.push(`LOCAL_CHAT_TOKEN: required when LOCAL_CHAT=on and HOST=${env.HOST} is reachable from other machines (anyone reaching the chat could act as anyone); e.g. openssl rand -hex 16`);
  }
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== "UserAssignedMSI") {
    problems.push("MicrosoftAppPassword: required when MicrosoftAppId is set (the bot's client secret)");
  }
  if (env.MicrosoftAppType === "SingleTenant" && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    problems.push("MicrosoftAppTenantId: required for a SingleTenant bot (your Entra ID tenant id)");
  }
  return problems;
}

function toConfig(env: Environment): Config {
  const dataDir = path.resolve(env.AIMS_DATA_DIR);
  return {
    port: env.PORT,
    // Loopback by default: the local chat and the emulator mode must not be reachable from the network.
    host: env.HOST ?? defaultHost,
    logLevel: env.LOG_LEVEL,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: "postgresql", url: env.DATABASE_URL }
      : { kind: "embedded", dataDir },
    ...(env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET
      ? {
          slack: {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET,
            ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
            ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
            ...(env.SLACK_GOVERNANCE_CHANNEL ? { governanceChannel: env.SLACK_GOVERNANCE_CHANNEL } : {}),
          },
        }
      : {}),
    teams: {
      appType: env.MicrosoftAppType,
      emulator: !env.MicrosoftAppId && env.TEAMS_EMULATOR === "on",
      ...(env.MicrosoftAppId ? { appId: env.MicrosoftAppId } : {}),
      ...(env.MicrosoftAppPassword ? { appPassword: env.MicrosoftAppPassword } : {}),
      ...(env.MicrosoftAppTenantId ? { tenantId: env.MicrosoftAppTenantId } : {}),
    },
    ...(env.OPENAI_API_KEY
      ? { openai: { apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}) } }
      : {}),
    policyDir: path.resolve(env.POLICY_DIR),
    // On an address other machines can reach, only when asked for (with its token, checked above).
    localChat: env.LOCAL_CHAT === "on" || (env.LOCAL_CHAT === "auto" && !env.SLACK_BOT_TOKEN && !env.MicrosoftAppId && isLoopbackHost(env.HOST ?? defaultHost)),
    ...(env.LOCAL_CHAT_TOKEN ? { localChatToken: env.LOCAL_CHAT_TOKEN } : {}),
    ...(env.PUBLIC_REPORT_FORM === "on" ? { publicReportForm: { perAddressPerHour: env.PUBLIC_REPORT_PER_ADDRESS_PER_HOUR, totalPerHour: env.PUBLIC_REPORT_PER_HOUR } } : {}),
    draftTtlMs: env.AIMS_DRAFT_EXPIRY_HOURS * 60 * 60 * 1000,
    reviewIntervals: env.AIMS_REVIEW_MONTHS,
    delivery: { intervalMs: env.AIMS_DELIVERY_INTERVAL_SECONDS * 1000, maxAttempts: env.AIMS_DELIVERY_MAX_ATTEMPTS },
    reminders: {
      daysBefore: env.AIMS_REMINDER_DAYS,
      workingHours: env.AIMS_WORKING_HOURS,
      attestationMonths: env.AIMS_ATTESTATION_MONTHS,
      escalateAfterDays: env.AIMS_ESCALATE_AFTER_DAYS,
    },
    digest: { timeZone: env.AIMS_DIGEST_TIME_ZONE, hoursIntoWeek: env.AIMS_DIGEST_HOUR },
    // The digest's zone is the organisation's: "today" and "yesterday" are its days.
    dates: { locale: env.AIMS_LOCALE, timeZone: env.AIMS_DIGEST_TIME_ZONE },
    routes: {
      incidents: env.AIMS_ROUTE_INCIDENTS,
      approvals: env.AIMS_ROUTE_APPROVALS,
      risk_acceptances: env.AIMS_ROUTE_RISK_ACCEPTANCES,
      delivery_failures: env.AIMS_ROUTE_DELIVERY_FAILURES,
      digest: env.AIMS_ROUTE_DIGEST,
    },
    people: { governanceEmails: env.AIMS_GOVERNANCE_EMAILS, slackRoleUsergroups: env.SLACK_ROLE_USERGROUPS, usergroupSyncMs: env.AIMS_USERGROUP_SYNC_MINUTES * 60_000 },
  };
}
