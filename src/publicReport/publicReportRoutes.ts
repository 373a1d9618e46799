// GET/POST /report: the report form for people outside the workspace. Mounted only when
// PUBLIC_REPORT_FORM=on; it reaches nothing but this form. Submissions are size-limited, rate-limited
// per client address and in total, and must carry the same-origin form token (formToken.ts).
import express, { Router, type Request, type Response, type NextFunction } from "express";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import { cookieToken, formTokenCookie, FormTokens } from "./formToken.js";
import { SubmissionRateLimiter, type RateLimits } from "./rateLimit.js";
import { problemPage, reportFormPage, thankYouPage, type ReportFormValues } from "./reportPage.js";
import { publicReportSchema, savePublicReport } from "./publicReportSubmission.js";

export interface PublicReportOptions {
  prisma: PrismaClient;
  logger: Logger;
  limits: RateLimits;
  /** Sends the governance notice now rather than at the outbox's next pass. */
  afterReport: () => void;
  clock?: () => Date;
}

/** A report is text: 32 kB is far more than the form's fields allow. */
const bodyLimit = "32kb";
const formFields = ["description", "type", "system", "occurredOn", "affected", "contactName", "contactEmail"] as const;

export function publicReportRoutes(options: PublicReportOptions): Router {
  const clock = options.clock ?? (() => new Date());
  const tokens = new FormTokens(clock);
  const limiter = new SubmissionRateLimiter(options.limits, clock);
  const router = Router();
  const sendForm = (res: Response, status: number, values: ReportFormValues = {}, problems: string[] = []) => {
    const token = tokens.issue();
    res.cookie(formTokenCookie, token, { httpOnly: true, sameSite: "strict", path: "/report", maxAge: 4 * 60 * 60_000 });
    sendPage(res, status, reportFormPage(token, values, problems));
  };

  router.get("/", (_req, res) => sendForm(res, 200));
  router.post("/", express.urlencoded({ extended: false, limit: bodyLimit, parameterLimit: 20 }), async (req, res) => {
    const values = formValues(req.body);
    if (!tokens.accepts((req.body as Record<string, unknown> | undefined)?.token, cookieToken(req.headers.cookie)) || !sameOrigin(req)) {
      sendForm(res, 403, values, ["This form had expired or was not opened on this site. Your text is below: please check it and send it again."]);
      return;
    }
    const parsed = publicReportSchema.safeParse(values);
    if (!parsed.success) {
      sendForm(res, 400, values, [...new Set(parsed.error.issues.map((issue) => issue.message))]);
      return;
    }
    // Counted once a report would be saved: a mistake corrected by its sender does not use up their reports.
    const decision = limiter.take(req.ip ?? req.socket.remoteAddress ?? "unknown");
    if (!decision.allowed) {
      res.setHeader("Retry-After", String(decision.retryAfterSeconds));
      const wait = `Please try again in about ${Math.ceil(decision.retryAfterSeconds / 60)} minutes`;
      sendPage(res, 429, problemPage("Too many reports just now", decision.reason === "address" ? `We have received several reports from your connection in the last hour. ${wait}.` : `We are receiving an unusual number of reports. ${wait}.`));
      return;
    }
    const reference = await savePublicReport(options.prisma, parsed.data, clock());
    // Only the reference: the report and any contact details are confidential and stay out of the logs.
    options.logger.info({ reference }, "public report received");
    options.afterReport();
    sendPage(res, 201, thankYouPage(reference));
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413) return sendPage(res, 413, problemPage("Your report is too long", "Please shorten it (the description can be up to 10,000 characters) and send it again."));
    if (status && status >= 400 && status < 500) return sendPage(res, 400, problemPage("We could not read your report", "Please go back to the form and send it again."));
    next(error);
  });
  return router;
}

function sendPage(res: Response, status: number, html: string): void {
  res.status(status).type("html").setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  res.setHeader("Cache-Control", "no-store");
  res.send(html);
}

function formValues(body: unknown): ReportFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(formFields.filter((field) => typeof fields[field] === "string").map((field) => [field, fields[field] as string]));
}

/** A browser says where a form was posted from; when it does, it must be this site. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return origin !== "null";
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
