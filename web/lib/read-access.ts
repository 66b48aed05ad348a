// Who may read pages and read APIs. Open by default (a trusted network); SEAMWATCH_READ_TOKEN or
// SEAMWATCH_BASIC_AUTH closes them. Upload tokens never open them: they are for writing one project.
import { timingSafeEqual } from "node:crypto";
import type { Settings } from "./settings.ts";

export type ReadAccess = "open" | "granted" | "denied";

export function checkReadAccess(
  authorization: string | null,
  settings: Pick<Settings, "readToken" | "basicAuth">,
): ReadAccess {
  const { readToken, basicAuth } = settings;
  if (!readToken && !basicAuth) return "open";
  if (!authorization) return "denied";
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer !== undefined) return readToken && sameText(bearer, readToken) ? "granted" : "denied";
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization)?.[1];
  if (basic === undefined) return "denied";
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return "denied";
  const user = decoded.slice(0, separator);
  const password = decoded.slice(separator + 1);
  if (basicAuth && sameText(user, basicAuth.user) && sameText(password, basicAuth.password)) return "granted";
  // A browser can only send basic auth: with a read token, any user name and the token as password.
  if (readToken && sameText(password, readToken)) return "granted";
  return "denied";
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
