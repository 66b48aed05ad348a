// The baseline API and the published contract, on the real production server (standalone build) with a fresh
// SQLite file: a history uploaded through the real ingest path, then what the baseline says of it; and every
// status the OpenAPI document declares, provoked and checked against the document (provider side).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../core/history/index.ts";
import { checkResponse, documentedStatuses } from "../support/web/dashboard-contract.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

const READ_TOKEN = "read-token-0123456789abcdef";
let server: DashboardServer;
let token: string;
let otherToken: string;

beforeAll(async () => {
  server = await startDashboard({
    env: {
      SEAMWATCH_READ_TOKEN: READ_TOKEN,
      SEAMWATCH_MAX_TESTS_PER_UPLOAD: "50",
      // Nothing listens there: OIDC tokens meet an issuer that is down.
      SEAMWATCH_OIDC_ISSUER: "http://127.0.0.1:9",
    },
  });
  token = await server.createToken("acme/shop");
  otherToken = await server.createToken("acme/other");
});
afterAll(async () => {
  await server?.stop();
});

const hour = (n: number) => new Date(Date.now() - (48 - n) * 3_600_000).toISOString();
const sha = (n: number) => String(n).padStart(2, "0").repeat(20);

/** A run on a branch: test 0 passes (its time given), test 1 as told, test 2 passes in 40 ms. */
function run(
  n: number,
  options: { branch?: string; slowMs: number; second: "passed" | "failed" | "flaky" },
): RunReport {
  const report = makeRunReport({
    tests: 3,
    startedAt: hour(n),
    ci: { runId: `run-${n}`, commitSha: sha(n), branch: options.branch ?? "main", jobKey: "CI / test" },
    verdicts: options.second === "passed" ? {} : { 1: options.second },
  });
  const tests = report.tests.map((test, index) =>
    index === 0
      ? {
          ...test,
          durationMs: options.slowMs,
          attempts: test.attempts.map((a) => ({ ...a, durationMs: options.slowMs })),
        }
      : test,
  );
  return { ...report, durationMs: 60_000 + n * 1000, tests };
}

async function post(path: string, body: unknown, auth = token, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${auth}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { response, body: (await response.json()) as BaselineBody };
}

interface BaselineBody {
  readonly tests: Record<string, { health: string | null; p50Ms: number | null; samples: number }>;
  readonly wallTime: unknown;
  readonly testUrlTemplate: string;
}

describe("the baseline", () => {
  const ids = makeRunReport({ tests: 3 }).tests.map((test) => test.id) as [string, string, string];

  beforeAll(async () => {
    // Six runs on main: test 0 takes 1 s to 6 s; test 1 passes, then fails three times in a row (broken);
    // then two runs on a feature branch.
    for (let n = 1; n <= 6; n++) {
      const { response } = await post(
        "/api/v1/runs",
        run(n, { slowMs: n * 1000, second: n >= 4 ? "failed" : "passed" }),
      );
      expect(response.status).toBe(201);
    }
    for (let n = 7; n <= 8; n++) {
      await post("/api/v1/runs", run(n, { branch: "feature", slowMs: 100, second: "flaky" }));
    }
  });

  it("answers for the tests a run saw, in one request: health, flake rate, p50 with its sample, the wall time", async () => {
    const { response, body } = await post("/api/v1/projects/acme/shop/baseline", {
      branch: "main",
      jobKey: "CI / test",
      tests: [...ids, "ffffffffffffffff"],
    });
    expect(response.status).toBe(200);
    expect(checkResponse("queryBaseline", 200, response.headers.get("content-type") ?? "", body)).toEqual([]);
    expect(body).toMatchObject({ project: "acme/shop", branch: "main", healthKnown: true, runs: 6 });
    expect(body.wallTime).toEqual({ p50Ms: 63_000, samples: 6 });
    expect(Object.keys(body.tests).sort()).toEqual([...ids].sort());
    expect(body.tests[ids[0]]).toMatchObject({ health: "healthy", flakeRate: 0, samples: 6 });
    // Nearest-rank p50 of 1..6 s, from the rollups' sketch (within 1 %).
    expect(body.tests[ids[0]]?.p50Ms).toBeGreaterThan(2_950);
    expect(body.tests[ids[0]]?.p50Ms).toBeLessThan(3_050);
    expect(body.tests[ids[1]]).toMatchObject({ health: "broken", samples: 3 });
    expect(body.testUrlTemplate).toBe(`${server.url}/acme/shop/tests/{testId}`);
  });

  it("keeps no health for another branch, and counts its flakiness there", async () => {
    const response = await fetch(
      `${server.url}/api/v1/projects/acme/shop/baseline?branch=feature&tests=${ids[1]}`,
      {
        headers: { authorization: `Bearer ${READ_TOKEN}` },
      },
    );
    const body = (await response.json()) as BaselineBody;
    expect(checkResponse("getBaseline", 200, response.headers.get("content-type") ?? "", body)).toEqual([]);
    expect(body).toMatchObject({ branch: "feature", healthKnown: false, runs: 2 });
    expect(body.tests[ids[1]]).toEqual({ health: null, flakeRate: 1, p50Ms: null, samples: 0 });
  });

  it("is readable with the project's upload token, not with another project's", async () => {
    const own = await fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(own.status).toBe(200);
    const other = await fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(other.status).toBe(403);
  });
});

describe("the OpenAPI document", () => {
  it("is served at /api/v1/openapi.json, the same as web/openapi.json", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served).toEqual(
      JSON.parse(readFileSync(new URL("../../web/openapi.json", import.meta.url), "utf8")),
    );
  });

  /** Each documented status of each operation, provoked; what came back is checked against the document. */
  const covered = new Set<string>();
  const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
  const oidc = () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    return `${encode({ alg: "RS256", kid: "k" })}.${encode({ repository: "acme/shop" })}.c2ln`;
  };
  const junitXml = '<testsuite name="a"><testcase classname="A" name="works"/></testsuite>';
  const junitQuery = (over: Record<string, string> = {}) =>
    new URLSearchParams({ project: "acme/shop", commit: sha(90), branch: "main", run: "junit-1", ...over });
  const cases: [operationId: string, status: number, send: () => Promise<Response>][] = [
    ["getHealth", 200, () => fetch(`${server.url}/api/v1/health`)],
    ["getOpenApi", 200, () => fetch(`${server.url}/api/v1/openapi.json`)],
    ["listProjects", 200, () => fetch(`${server.url}/api/v1/projects`, { headers: bearer(READ_TOKEN) })],
    ["listProjects", 401, () => fetch(`${server.url}/api/v1/projects`)],
    ["uploadRunReport", 201, () => postRaw("/api/v1/runs", makeRunReport({ ci: { runId: "c-1" } }))],
    ["uploadRunReport", 200, () => postRaw("/api/v1/runs", makeRunReport({ ci: { runId: "c-1" } }))],
    ["uploadRunReport", 400, () => postRaw("/api/v1/runs", "{ nope")],
    ["uploadRunReport", 401, () => postRaw("/api/v1/runs", makeRunReport(), { authorization: "" })],
    [
      "uploadRunReport",
      403,
      () => postRaw("/api/v1/runs", makeRunReport({ ci: { repository: "acme/other" } })),
    ],
    [
      "uploadRunReport",
      404,
      () => postRaw("/api/v1/runs", makeRunReport({ ci: { repository: "acme/nowhere" } })),
    ],
    ["uploadRunReport", 413, () => postRaw("/api/v1/runs", makeRunReport({ tests: 51 }))],
    ["uploadRunReport", 415, () => postRaw("/api/v1/runs", "x", { "content-type": "text/plain" })],
    ["uploadRunReport", 422, () => postRaw("/api/v1/runs", { version: 2 })],
    ["uploadRunReport", 503, () => postRaw("/api/v1/runs", makeRunReport(), bearer(oidc()))],
    ["uploadJunit", 201, () => postJunit(junitQuery(), junitXml)],
    ["uploadJunit", 200, () => postJunit(junitQuery(), junitXml)],
    ["uploadJunit", 400, () => postJunit(new URLSearchParams({ project: "acme/shop" }), junitXml)],
    ["uploadJunit", 401, () => postJunit(junitQuery(), junitXml, { authorization: "Bearer nope" })],
    ["uploadJunit", 403, () => postJunit(junitQuery({ project: "acme/other" }), junitXml)],
    ["uploadJunit", 404, () => postJunit(junitQuery({ project: "acme/nowhere" }), junitXml)],
    [
      "uploadJunit",
      413,
      () =>
        postJunit(
          junitQuery({ run: "junit-big" }),
          `<testsuite>${Array.from({ length: 60 }, (_, i) => `<testcase classname="A" name="t${i}"/>`).join("")}</testsuite>`,
        ),
    ],
    ["uploadJunit", 415, () => postJunit(junitQuery(), junitXml, { "content-type": "text/plain" })],
    ["uploadJunit", 422, () => postJunit(junitQuery(), "<testsuite><testcase")],
    ["uploadJunit", 503, () => postJunit(junitQuery(), junitXml, bearer(oidc()))],
    [
      "getRun",
      200,
      () => fetch(`${server.url}/api/v1/projects/acme/shop/runs/1`, { headers: bearer(READ_TOKEN) }),
    ],
    ["getRun", 401, () => fetch(`${server.url}/api/v1/projects/acme/shop/runs/1`)],
    [
      "getRun",
      404,
      () => fetch(`${server.url}/api/v1/projects/acme/shop/runs/99999`, { headers: bearer(READ_TOKEN) }),
    ],
    [
      "getBaseline",
      200,
      () => fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`, { headers: bearer(token) }),
    ],
    [
      "getBaseline",
      400,
      () => fetch(`${server.url}/api/v1/projects/acme/shop/baseline`, { headers: bearer(token) }),
    ],
    ["getBaseline", 401, () => fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`)],
    [
      "getBaseline",
      403,
      () =>
        fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`, {
          headers: bearer(otherToken),
        }),
    ],
    [
      "getBaseline",
      404,
      () =>
        fetch(`${server.url}/api/v1/projects/acme/nowhere/baseline?branch=main`, {
          headers: bearer(READ_TOKEN),
        }),
    ],
    [
      "getBaseline",
      503,
      () =>
        fetch(`${server.url}/api/v1/projects/acme/shop/baseline?branch=main`, { headers: bearer(oidc()) }),
    ],
    [
      "queryBaseline",
      200,
      () => postRaw("/api/v1/projects/acme/shop/baseline", { branch: "main", tests: ["a"] }),
    ],
    ["queryBaseline", 400, () => postRaw("/api/v1/projects/acme/shop/baseline", { tests: [] })],
    [
      "queryBaseline",
      401,
      () => postRaw("/api/v1/projects/acme/shop/baseline", { branch: "main" }, { authorization: "" }),
    ],
    [
      "queryBaseline",
      403,
      () => postRaw("/api/v1/projects/acme/shop/baseline", { branch: "main" }, bearer(otherToken)),
    ],
    [
      "queryBaseline",
      404,
      () => postRaw("/api/v1/projects/acme/nowhere/baseline", { branch: "main" }, bearer(READ_TOKEN)),
    ],
    [
      "queryBaseline",
      415,
      () => postRaw("/api/v1/projects/acme/shop/baseline", "branch=main", { "content-type": "text/plain" }),
    ],
    [
      "queryBaseline",
      503,
      () => postRaw("/api/v1/projects/acme/shop/baseline", { branch: "main" }, bearer(oidc())),
    ],
  ];

  it.each(cases)("%s answers %i as documented", async (operationId, status, send) => {
    const response = await send();
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    const body = contentType.startsWith("application/json") ? JSON.parse(text) : text;
    expect(response.status, text).toBe(status);
    expect(checkResponse(operationId, status, contentType, body)).toEqual([]);
    covered.add(`${operationId} ${status}`);
  });

  it("has every documented status of every operation provoked above", () => {
    const documented = [
      "getHealth",
      "getOpenApi",
      "listProjects",
      "uploadRunReport",
      "uploadJunit",
      "getRun",
      "getBaseline",
      "queryBaseline",
    ].flatMap((operationId) => documentedStatuses(operationId).map((status) => `${operationId} ${status}`));
    expect(documented.filter((entry) => !covered.has(entry))).toEqual([]);
  });
});

function postRaw(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: Object.fromEntries(
      Object.entries({
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...headers,
      }).filter(([, value]) => value !== ""),
    ),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function postJunit(
  query: URLSearchParams,
  xml: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/v1/junit?${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/xml", ...headers },
    body: xml,
  });
}
