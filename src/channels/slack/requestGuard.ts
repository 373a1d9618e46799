// The door in front of Bolt's /slack/events handler. In this order, so that nothing about a payload
// is judged before its sender is known: a size limit (413, read no further), Slack's signature and a
// timestamp within five minutes either way (401), then the payload's shape (400 with the reason).
// A request that passes goes on with its raw body and its payload, parsed once here.
import { createHmac, timingSafeEqual } from "node:crypto";
import querystring from "node:querystring";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { Logger } from "../../logging/logger.js";
import { payloadProblem } from "./payloadShape.js";

/** Slack's own payloads are a few kilobytes; a modal with every field filled stays far below this. */
export const slackBodyLimitBytes = 1024 * 1024;
/** Slack's replay window: a signed request older or newer than this is refused. */
const timestampToleranceSeconds = 5 * 60;

export function slackRequestGuard(signingSecret: string, logger: Logger): RequestHandler {
  // An HMAC with an empty key is one anybody can compute: no guard is built without a secret.
  if (signingSecret === "") throw new Error("The Slack request guard needs the signing secret (SLACK_SIGNING_SECRET).");
  const readRawBody = express.raw({ type: () => true, limit: slackBodyLimitBytes });
  return (req, res, next) => {
    readRawBody(req, res, (error?: unknown) => {
      if (error) {
        refuseUnreadable(error, res, next);
        return;
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const text = rawBody.toString("utf8");
      const unauthentic = authenticityProblem(signingSecret, text, req);
      if (unauthentic) {
        logger.warn({ reason: unauthentic }, "Slack request refused");
        res.status(401).json({ error: "The request could not be verified as coming from Slack." });
        return;
      }
      const payload = parseLikeBolt(text, req.headers["content-type"]);
      const malformed = payloadProblem(payload);
      if (malformed) {
        logger.warn({ reason: malformed }, "malformed Slack payload refused");
        res.status(400).json({ error: malformed });
        return;
      }
      // Bolt's body parser takes a body that was already read from rawBody; the payload is parsed once.
      Object.assign(req, { rawBody, [guardedPayload]: payload });
      next();
    });
  };
}

const guardedPayload = Symbol("the Slack payload the guard parsed");

/** The payload of a request that passed the guard, as Bolt will see it. */
export function payloadOf(req: Request): unknown {
  const payload = (req as Request & { [guardedPayload]?: unknown })[guardedPayload];
  if (payload === undefined) throw new Error("the Slack request guard did not run before this handler");
  return payload;
}

function refuseUnreadable(error: unknown, res: Response, next: NextFunction) {
  const status = (error as { status?: number }).status;
  if (status === 413) res.status(413).json({ error: `The request is larger than ${slackBodyLimitBytes / 1024 / 1024} MB.` });
  else if (status && status >= 400 && status < 500) res.status(status).json({ error: "The request body could not be read." });
  else next(error);
}

/**
 * Slack's v0 signature: an HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing secret, compared
 * in constant time, and a timestamp within five minutes either way. Checked here rather than with
 * Bolt's `verifySlackRequest`, whose comparison draws random bytes and computes two more HMACs on
 * every request (about 30 µs of a Slack step in a CPU profile); `timingSafeEqual` is Node's
 * constant-time compare.
 */
function authenticityProblem(signingSecret: string, body: string, req: Request): string | undefined {
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isInteger(timestamp)) return "missing signature or timestamp";
  const age = Date.now() / 1000 - timestamp;
  if (age > timestampToleranceSeconds) return "stale timestamp";
  if (-age > timestampToleranceSeconds) return "timestamp in the future";
  const expected = Buffer.from(`v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "signature mismatch";
  return undefined;
}

/** The body as Bolt will see it: a form's `payload` field as JSON, any other form as fields, else JSON. */
export function parseLikeBolt(body: string, contentType: string | undefined): unknown {
  try {
    if (contentType === "application/x-www-form-urlencoded") {
      const fields = querystring.parse(body);
      return typeof fields.payload === "string" ? JSON.parse(fields.payload) : { ...fields };
    }
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
