// The local chat's door when it is reachable from other machines: every API request carries the
// access token (a header from scripts, a cookie the page sets once the person has typed it in).
// Without it anyone who can reach the port could act as anyone, governance included.
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";

export const accessTokenHeader = "x-aims-chat-token";
export const accessTokenCookie = "aims_chat_token";

export function requireAccessToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const offered = offeredToken(req.headers[accessTokenHeader], req.headers.cookie);
    if (offered !== undefined && timingSafeEqual(digest(offered), expected)) {
      next();
      return;
    }
    res.status(401).json({ error: "This chat needs its access token (LOCAL_CHAT_TOKEN); ask whoever runs the service." });
  };
}

function offeredToken(header: string | string[] | undefined, cookies: string | undefined): string | undefined {
  if (typeof header === "string") return header;
  for (const pair of cookies?.split(";") ?? []) {
    const [name, ...value] = pair.trim().split("=");
    if (name === accessTokenCookie) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Compared as digests, so the comparison takes the same time whatever the length offered. */
const digest = (text: string) => createHash("sha256").update(text).digest();
