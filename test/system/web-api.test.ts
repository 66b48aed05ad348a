// The ingest API against the real production server (the standalone build under node) on a free port, with a
// fresh database per server (a SQLite file, or a PostgreSQL database in the web-postgres project) and the real
// migrations: what a CI client sees, status by status.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySuite, nodeTest } from "../support/fixture-suites.ts";
import { runCli } from "../support/run-cli.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { FIXTURES } from "../support/web/junit-files.ts";
import { makeRunReport } from "../support/web/reports.ts";

let server: DashboardServer;
let token: string;

beforeAll(async () => {
  server = await startDashboard();
  token = await server.createToken("acme/shop");
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  readonly status: number;
  readonly body: {
    run?: { id: number; url: string; project: string; tests: number; outcome: string };
    duplicate?: boolean;
    error?: { code: string; message: string; field?: string; file?: string; line?: number; column?: number };
  };
  readonly text: string;
}

async function send(
  path: string,
  body: string | Uint8Array | FormData | null,
  headers: Record<string, string> = {},
  target: DashboardServer = server,
): Promise<Answer> {
  const response = await fetch(`${target.url}${path}`, { method: "POST", body, headers });
  const text = await response.text();
  let parsed: Answer["body"] = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Kept as text for the assertion message.
  }
  return { status: response.status, body: parsed, text };
}

function postReport(report: unknown, headers: Record<string, string> = {}, target = server): Promise<Answer> {
  return send(
    "/api/v1/runs",
    JSON.stringify(report),
    { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    target,
  );
}

/** Every bad input answers a 4xx in the one error shape, without database details. */
function expectClientError(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.error?.code, answer.text).toBe(code);
  expect(answer.body.error?.message.length).toBeGreaterThan(10);
  expect(answer.text).not.toMatch(/sqlite|postgres|constraint|duplicate key|relation|stack|\bat \w+ \(/i);
}

describe("POST /api/v1/runs", () => {
  it("stores the report the real CLI wrote, with each test's verdict and the run's link", async () => {
    // The `mixed` suite: orders fails in beforeEach with a real ECONNREFUSED (infrastructure), cart fails an
    // assertion (genuine), so the CLI does not retry and reports both.
    const dir = copySuite("mixed");
    const cli = await runCli(
      [
        "run",
        "--json",
        "run.json",
        // Whatever CI runs this test, the report's ci block names the project the token is for.
        "--repository",
        "acme/shop",
        "--branch",
        "main",
        "--",
        `SERVICE_PORT=1 ${nodeTest("orders.test.mjs cart.test.mjs")}`,
      ],
      { cwd: dir },
    );
    expect(cli.code, cli.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "run.json"), "utf8"));
    expect(report).toMatchObject({ version: 2, ci: { repository: "acme/shop", branch: "main" } });

    const answer = await postReport(report);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.run?.url).toBe(`${server.url}/acme/shop/runs/${answer.body.run?.id}`);
    expect(answer.body.run).toMatchObject({
      project: "acme/shop",
      outcome: "test-failures",
      tests: report.tests.length,
    });

    const store = await server.openStore();
    const projectId = (await store.getProject({ slug: "acme/shop" }))?.id as number;
    const rows = await store.listRunResults({
      runId: answer.body.run?.id as number,
      verdicts: ["failed", "infra-failure"],
      limit: 50,
    });
    const verdictOf = (name: string) => rows.find((row) => row.name.includes(name))?.verdict;
    const cartTest = report.tests.find((t: { verdict: string }) => t.verdict === "failed");
    const ordersTest = report.tests.find((t: { verdict: string }) => t.verdict === "infra-failure");
    expect(verdictOf(cartTest.name)).toBe("failed");
    expect(verdictOf(ordersTest.name)).toBe("infra-failure");
    const events = await store.listRunInfraEvents({ runId: answer.body.run?.id as number });
    expect(events.map((event) => event.signature)).toContain("service-connection-refused");
    const run = await store.getRun({ projectId, runId: answer.body.run?.id as number });
    expect(run).toMatchObject({
      source: "run-report",
      attempts: 1,
      command: expect.stringContaining("--test"),
    });
  });

  it("takes version 2 gzipped, with the CI block deciding branch, commit and PR", async () => {
    const report = makeRunReport({
      ci: { runId: "v2-gzip", branch: "feature/cart", pullRequest: 42, commitSha: "feedface".repeat(5) },
      verdicts: { 1: "failed" },
    });
    const answer = await send("/api/v1/runs", gzipSync(JSON.stringify(report)), {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "content-encoding": "gzip",
    });
    expect(answer.status, answer.text).toBe(201);
    const store = await server.openStore();
    const projectId = (await store.getProject({ slug: "acme/shop" }))?.id as number;
    expect(await store.getRun({ projectId, runId: answer.body.run?.id as number })).toMatchObject({
      branch: "feature/cart",
      pullRequest: 42,
      commitSha: "feedface".repeat(5),
      outcome: "test-failures",
      failed: 1,
    });
  });

  it("stores the same run, attempt and job once and answers the repeat with the same link", async () => {
    const report = makeRunReport({ ci: { runId: "repeat-1", jobKey: "node-20" } });
    const first = await postReport(report);
    const again = await postReport(report);
    expect(first.status).toBe(201);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      run: { id: first.body.run?.id, url: first.body.run?.url },
    });
    const otherJob = await postReport(makeRunReport({ ci: { runId: "repeat-1", jobKey: "node-22" } }));
    expect(otherJob.status).toBe(201);
    expect(otherJob.body.run?.id).not.toBe(first.body.run?.id);
  });

  it("refuses uploads without a valid token, or for another project", async () => {
    const report = makeRunReport({ ci: { runId: "auth" } });
    expectClientError(await send("/api/v1/runs", JSON.stringify(report)), 401, "unauthorized");
    expectClientError(
      await postReport(report, { authorization: "Bearer swu_not-a-real-token" }),
      401,
      "unauthorized",
    );
    expectClientError(
      await postReport(makeRunReport({ ci: { repository: "acme/unknown" } })),
      404,
      "unknown-project",
    );
    await server.createToken("acme/billing");
    const other = await postReport(makeRunReport({ ci: { repository: "acme/billing" } }));
    expectClientError(other, 403, "forbidden");
    expect(other.body.error?.field).toBe("ci.repository");
  });

  it("names what is wrong with a body that is not a run report", async () => {
    const broken = await send("/api/v1/runs", '{\n  "version": 2,\n  "tests": [,]\n}', {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    });
    expectClientError(broken, 400, "invalid-json");
    expect(broken.body.error).toMatchObject({ line: 3, column: 13 });

    const report = makeRunReport();
    const wrongType = { ...report, tests: [{ ...report.tests[0], durationMs: "fast" }] };
    const invalid = await postReport(wrongType);
    expectClientError(invalid, 422, "invalid-report");
    expect(invalid.body.error?.field).toBe("tests[0].durationMs");

    expectClientError(await postReport({ ...report, version: 3 }), 422, "invalid-report");
    const twice = { ...report, tests: [report.tests[0], report.tests[0]] };
    const duplicateTest = await postReport(twice);
    expectClientError(duplicateTest, 422, "invalid-report");
    expect(duplicateTest.body.error?.field).toBe("tests[1].id");

    expectClientError(
      await send("/api/v1/runs", "<xml/>", { authorization: `Bearer ${token}`, "content-type": "text/xml" }),
      415,
      "unsupported-media-type",
    );
    expectClientError(
      await send("/api/v1/runs", "not gzip at all", {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-encoding": "gzip",
      }),
      400,
      "invalid-encoding",
    );
  });
});

describe("POST /api/v1/junit", () => {
  const checkoutIt = readFileSync(join(FIXTURES, "surefire/TEST-com.example.CheckoutIT.xml"));

  it("stores a Testcontainers start-up failure as infrastructure, not as a test failure", async () => {
    const answer = await send(
      "/api/v1/junit?project=acme/shop&commit=abc123&branch=main&run=gitlab-77&job=integration",
      checkoutIt,
      { authorization: `Bearer ${token}`, "content-type": "application/xml" },
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.run).toMatchObject({ outcome: "infra-failure", tests: 3 });
    const store = await server.openStore();
    const runId = answer.body.run?.id as number;
    const rows = await store.listRunResults({
      runId,
      verdicts: ["failed", "infra-failure", "flaky"],
      limit: 10,
    });
    expect(rows.map((row) => [row.name, row.verdict])).toEqual([
      ["refundsOrder", "flaky"],
      ["cancelsOrder", "infra-failure"],
    ]);
    expect((await store.listRunInfraEvents({ runId }))[0]).toMatchObject({
      signature: "container-startup-failed",
      evidenceLine: expect.stringContaining("ContainerLaunchException"),
    });
    const again = await send(
      "/api/v1/junit?project=acme/shop&commit=abc123&branch=main&run=gitlab-77&job=integration",
      checkoutIt,
      { authorization: `Bearer ${token}`, "content-type": "application/xml" },
    );
    expect(again.status).toBe(200);
    expect(again.body.run?.id).toBe(runId);
  });

  it("reads several files sent as multipart, as curl -F sends them", async () => {
    const form = new FormData();
    form.append("jest", new Blob([readFileSync(join(FIXTURES, "jest/report.xml"))]), "jest.xml");
    form.append("vitest", new Blob([readFileSync(join(FIXTURES, "vitest/report.xml"))]), "vitest.xml");
    const answer = await send("/api/v1/junit?project=acme/shop&commit=abc124&branch=main&run=multi", form, {
      authorization: `Bearer ${token}`,
    });
    expect(answer.status, answer.text).toBe(201);
    const expected = ["jest", "vitest"]
      .map(
        (tool) => JSON.parse(readFileSync(join(FIXTURES, `${tool}/expected.json`), "utf8")).tests as number,
      )
      .reduce((a, b) => a + b, 0);
    expect(answer.body.run?.tests).toBe(expected);
  });

  it("names the file and line of malformed XML, and stores nothing from that upload", async () => {
    const before = await (await server.openStore()).countRuns();
    const form = new FormData();
    form.append("good", new Blob([checkoutIt]), "good.xml");
    form.append("bad", new Blob(['<testsuite name="x">\n  <testcase name="a">\n</testsuite>']), "bad.xml");
    const answer = await send("/api/v1/junit?project=acme/shop&commit=abc125&branch=main&run=bad-xml", form, {
      authorization: `Bearer ${token}`,
    });
    expectClientError(answer, 422, "invalid-junit");
    expect(answer.body.error).toMatchObject({ file: "bad.xml", line: 3 });
    expect(await (await server.openStore()).countRuns()).toBe(before);
  });

  it("names a missing or wrong query parameter and an unknown project", async () => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/xml" };
    const missing = await send("/api/v1/junit?project=acme/shop&branch=main", checkoutIt, headers);
    expectClientError(missing, 400, "invalid-parameter");
    expect(missing.body.error).toMatchObject({
      field: "commit",
      message: expect.stringContaining("commit is required"),
    });
    const badAttempt = await send(
      "/api/v1/junit?project=acme/shop&commit=a&branch=main&attempt=zero",
      checkoutIt,
      headers,
    );
    expect(badAttempt.body.error?.field).toBe("attempt");
    expectClientError(
      await send("/api/v1/junit?project=nobody/here&commit=a&branch=main", checkoutIt, headers),
      404,
      "unknown-project",
    );
    expectClientError(
      await send("/api/v1/junit?project=acme/shop&commit=a&branch=main", "", headers),
      422,
      "invalid-junit",
    );
  });
});

describe("limits", () => {
  let small: DashboardServer;
  let smallToken: string;
  beforeAll(async () => {
    small = await startDashboard({
      env: { SEAMWATCH_MAX_UPLOAD_BYTES: "20000", SEAMWATCH_MAX_TESTS_PER_UPLOAD: "50" },
    });
    smallToken = await small.createToken("acme/shop");
  });
  afterAll(async () => {
    await small?.stop();
  });

  const post = (body: string | Uint8Array, headers: Record<string, string>, path = "/api/v1/runs") =>
    send(path, body, { authorization: `Bearer ${smallToken}`, ...headers }, small);

  it("answers 413 for a body over the limit, also when it only grows that big once unzipped", async () => {
    const big = JSON.stringify(makeRunReport({ tests: 40, name: (i) => `test ${i} ${"x".repeat(600)}` }));
    expect(big.length).toBeGreaterThan(20_000);
    expectClientError(await post(big, { "content-type": "application/json" }), 413, "body-too-large");
    const zipped = gzipSync(big);
    expect(zipped.length).toBeLessThan(20_000);
    expectClientError(
      await post(zipped, { "content-type": "application/json", "content-encoding": "gzip" }),
      413,
      "body-too-large",
    );
  });

  it("answers 413 for more test cases than an upload may hold, in a report and in JUnit XML", async () => {
    const report = makeRunReport({ tests: 51, name: (i) => `t${i}` });
    const answer = await post(JSON.stringify(report), { "content-type": "application/json" });
    expectClientError(answer, 413, "too-many-tests");
    expect(answer.body.error?.message).toContain("50");
    const cases = Array.from({ length: 51 }, (_, i) => `<testcase name="t${i}"/>`).join("");
    expectClientError(
      await post(
        `<testsuite>${cases}</testsuite>`,
        { "content-type": "application/xml" },
        "/api/v1/junit?project=acme/shop&commit=a&branch=main",
      ),
      413,
      "too-many-tests",
    );
    expect(await (await small.openStore()).countRuns()).toBe(0);
  });
});

describe("read protection", () => {
  let guarded: DashboardServer;
  const READ_TOKEN = "read-token-0123456789abcdef";
  beforeAll(async () => {
    guarded = await startDashboard({ env: { SEAMWATCH_READ_TOKEN: READ_TOKEN } });
  });
  afterAll(async () => {
    await guarded?.stop();
  });

  it("opens pages and read APIs to the read token only; upload tokens still upload but never read", async () => {
    const uploadToken = await guarded.createToken("acme/shop");
    const page = (authorization?: string) =>
      fetch(`${guarded.url}/`, authorization ? { headers: { authorization } } : {}).then((r) => r.status);
    expect(await page()).toBe(401);
    expect(await page(`Bearer ${uploadToken}`)).toBe(401);
    expect(await page(`Bearer ${READ_TOKEN}`)).toBe(200);
    expect(await page(`Basic ${Buffer.from(`anyone:${READ_TOKEN}`).toString("base64")}`)).toBe(200);
    const denied = await fetch(`${guarded.url}/`);
    expect(denied.headers.get("www-authenticate")).toMatch(/^Basic/);

    const upload = await send(
      "/api/v1/runs",
      JSON.stringify(makeRunReport({ ci: { runId: "guarded" } })),
      { authorization: `Bearer ${uploadToken}`, "content-type": "application/json" },
      guarded,
    );
    expect(upload.status, upload.text).toBe(201);
    expectClientError(
      await send(
        "/api/v1/runs",
        JSON.stringify(makeRunReport({ ci: { runId: "read-token-uploads" } })),
        { authorization: `Bearer ${READ_TOKEN}`, "content-type": "application/json" },
        guarded,
      ),
      401,
      "unauthorized",
    );
  });
});

describe("settings", () => {
  it("refuses to start on a bad setting, naming it", async () => {
    await expect(startDashboard({ env: { SEAMWATCH_RETENTION_DAYS: "ninety" } })).rejects.toThrow(
      /SEAMWATCH_RETENTION_DAYS/,
    );
  });
});
