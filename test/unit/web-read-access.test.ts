// Who may read pages and read APIs: everyone by default; with a read token or basic auth set, only who
// presents it. Upload tokens never open reads.
import { describe, expect, it } from "vitest";
import { checkReadAccess } from "../../web/lib/read-access.ts";
import { readSettings } from "../../web/lib/settings.ts";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const READ_TOKEN = "read-token-0123456789";

describe("checkReadAccess", () => {
  it("is open when neither a read token nor basic auth is set", () => {
    expect(checkReadAccess(null, { readToken: null, basicAuth: null })).toBe("open");
  });

  it("takes the read token as a bearer token, or as the password of basic auth", () => {
    const settings = { readToken: READ_TOKEN, basicAuth: null };
    expect(checkReadAccess(`Bearer ${READ_TOKEN}`, settings)).toBe("granted");
    expect(checkReadAccess(basic("anyone", READ_TOKEN), settings)).toBe("granted");
    expect(checkReadAccess(null, settings)).toBe("denied");
    expect(checkReadAccess(`Bearer ${READ_TOKEN}x`, settings)).toBe("denied");
    expect(checkReadAccess("Bearer swu_an-upload-token", settings)).toBe("denied");
  });

  it("takes basic auth's user and password together", () => {
    const settings = { readToken: null, basicAuth: { user: "team", password: "s3cret-pass" } };
    expect(checkReadAccess(basic("team", "s3cret-pass"), settings)).toBe("granted");
    expect(checkReadAccess(basic("other", "s3cret-pass"), settings)).toBe("denied");
    expect(checkReadAccess(basic("team", "wrong"), settings)).toBe("denied");
    expect(checkReadAccess("Bearer s3cret-pass", settings)).toBe("denied");
    expect(checkReadAccess("Basic !!!", settings)).toBe("denied");
  });
});

describe("readSettings", () => {
  it("reads every setting, with its default", () => {
    expect(readSettings({})).toEqual({
      database: "./data/seamwatch.db",
      poolSize: 10,
      readToken: null,
      basicAuth: null,
      maxUploadBytes: 100 * 1024 * 1024,
      maxTestsPerUpload: 100_000,
      retentionDays: 90,
      publicUrl: null,
      oidcIssuer: "https://token.actions.githubusercontent.com",
      oidcAudience: null,
    });
    expect(
      readSettings({
        SEAMWATCH_BASIC_AUTH: "team:pass:with:colons",
        SEAMWATCH_PUBLIC_URL: "https://dash.example/",
        SEAMWATCH_OIDC_ISSUER: "https://ghes.example/_services/token/",
        SEAMWATCH_OIDC_AUDIENCE: "https://dash.example/",
      }),
    ).toMatchObject({
      basicAuth: { user: "team", password: "pass:with:colons" },
      publicUrl: "https://dash.example",
      oidcIssuer: "https://ghes.example/_services/token",
      oidcAudience: "https://dash.example",
    });
  });

  it("names the setting that is wrong", () => {
    expect(() => readSettings({ SEAMWATCH_READ_TOKEN: "short" })).toThrow(/SEAMWATCH_READ_TOKEN/);
    expect(() => readSettings({ SEAMWATCH_BASIC_AUTH: "nopassword" })).toThrow(/SEAMWATCH_BASIC_AUTH/);
    expect(() => readSettings({ SEAMWATCH_OIDC_ISSUER: "not a url" })).toThrow(/SEAMWATCH_OIDC_ISSUER/);
    expect(() => readSettings({ SEAMWATCH_MAX_TESTS_PER_UPLOAD: "-1" })).toThrow(
      /SEAMWATCH_MAX_TESTS_PER_UPLOAD/,
    );
  });
});
