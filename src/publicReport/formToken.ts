// The same-origin token of the public report form (CSRF protection without sessions): the page sets
// it in a SameSite=Strict cookie and in a hidden field; a submission must carry both, equal, signed by
// this service and less than a few hours old. Another site can make a browser post the form, but it
// can neither read the cookie nor make the browser send it along.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const formTokenCookie = "aims_report_form";
const maxAgeMs = 4 * 60 * 60_000;

export class FormTokens {
  private readonly secret = randomBytes(32);

  constructor(private readonly clock: () => Date = () => new Date()) {}

  issue(): string {
    const payload = `${this.clock().getTime().toString(36)}.${randomBytes(12).toString("base64url")}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** True when the field and the cookie hold the same token, this service signed it, and it is fresh. */
  accepts(fieldToken: unknown, cookieToken: string | undefined): boolean {
    if (typeof fieldToken !== "string" || !cookieToken || !same(fieldToken, cookieToken)) return false;
    const [issued, nonce, signature] = fieldToken.split(".");
    if (!issued || !nonce || !signature || !same(signature, this.sign(`${issued}.${nonce}`))) return false;
    const age = this.clock().getTime() - parseInt(issued, 36);
    return age >= 0 && age < maxAgeMs;
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url");
  }
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The form token cookie from a Cookie header, without a cookie library for one value. */
export function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === formTokenCookie) return value.join("=");
  }
  return undefined;
}
