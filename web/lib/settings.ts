// Every setting of the dashboard, read from the environment once and checked: a bad value stops the server
// at start with the variable's name, instead of surprising someone later.
import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();

const schema = z.object({
  SEAMWATCH_DB: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//i,
      "only a postgres:// URL is read from here; set SEAMWATCH_DB for a SQLite file",
    )
    .optional(),
  SEAMWATCH_DB_POOL_SIZE: positiveInteger.max(1000).default(10),
  SEAMWATCH_READ_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  SEAMWATCH_BASIC_AUTH: z
    .string()
    .regex(/^[^:]+:.{8,}$/, "write it as user:password, with a password of at least 8 characters")
    .optional(),
  SEAMWATCH_MAX_UPLOAD_BYTES: positiveInteger.default(100 * 1024 * 1024),
  SEAMWATCH_MAX_TESTS_PER_UPLOAD: positiveInteger.default(100_000),
  SEAMWATCH_RETENTION_DAYS: positiveInteger.default(90),
  SEAMWATCH_PUBLIC_URL: z.url().optional(),
  SEAMWATCH_OIDC_ISSUER: z.url().default("https://token.actions.githubusercontent.com"),
  SEAMWATCH_OIDC_AUDIENCE: z.string().min(1).optional(),
});

export interface Settings {
  /**
   * SEAMWATCH_DB, else DATABASE_URL (a postgres:// URL), else ./data/seamwatch.db: a `postgres://` URL selects
   * PostgreSQL, anything else is the SQLite file.
   */
  readonly database: string;
  /** PostgreSQL: connections each server opens at most. */
  readonly poolSize: number;
  readonly readToken: string | null;
  readonly basicAuth: { readonly user: string; readonly password: string } | null;
  /** Request bodies, after gzip is undone. */
  readonly maxUploadBytes: number;
  readonly maxTestsPerUpload: number;
  /** Raw results older than this are pruned; daily rollups stay. */
  readonly retentionDays: number;
  /** Base of the links the API answers with; by default the request's own origin. */
  readonly publicUrl: string | null;
  /** Whose OIDC tokens are taken for tokenless uploads: GitHub's, or a GitHub Enterprise Server's. */
  readonly oidcIssuer: string;
  /** The `aud` those tokens must carry; by default the public URL (or the request's origin). */
  readonly oidcAudience: string | null;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const blankAsUnset = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, env[name]?.trim() ? env[name] : undefined]),
  );
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new SettingsError(`invalid settings: ${problems.join("; ")}`);
  }
  const values = parsed.data;
  const separator = values.SEAMWATCH_BASIC_AUTH?.indexOf(":") ?? -1;
  return {
    database: values.SEAMWATCH_DB ?? values.DATABASE_URL ?? "./data/seamwatch.db",
    poolSize: values.SEAMWATCH_DB_POOL_SIZE,
    readToken: values.SEAMWATCH_READ_TOKEN ?? null,
    basicAuth:
      values.SEAMWATCH_BASIC_AUTH && separator > 0
        ? {
            user: values.SEAMWATCH_BASIC_AUTH.slice(0, separator),
            password: values.SEAMWATCH_BASIC_AUTH.slice(separator + 1),
          }
        : null,
    maxUploadBytes: values.SEAMWATCH_MAX_UPLOAD_BYTES,
    maxTestsPerUpload: values.SEAMWATCH_MAX_TESTS_PER_UPLOAD,
    retentionDays: values.SEAMWATCH_RETENTION_DAYS,
    publicUrl: values.SEAMWATCH_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    oidcIssuer: values.SEAMWATCH_OIDC_ISSUER.replace(/\/+$/, ""),
    oidcAudience: values.SEAMWATCH_OIDC_AUDIENCE?.replace(/\/+$/, "") ?? null,
  };
}
