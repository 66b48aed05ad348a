// The dashboard client's request loop against a real HTTP server on 127.0.0.1 that answers as told, with the
// clock and the waits injected: which answers are retried, how long it waits (backoff, or Retry-After when
// the server says), that it stops within its time bound, and how a refusal reads.
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DashboardError, fetchBaseline, uploadRunReport } from "../../upload/dashboard-client.ts";
import { makeRunReport } from "../support/web/reports.ts";

type Answer = { status: number; headers?: Record<string, string>; body: string };

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A server that gives these answers in turn (the last one again when they run out). */
async function serve(
  answers: Answer[],
): Promise<{ url: string; requests: { path: string; encoding?: string }[] }> {
  const requests: { path: string; encoding?: string }[] = [];
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      requests.push({ path: request.url ?? "", encoding: request.headers["content-encoding"] });
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)] as Answer;
      response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const stored = JSON.stringify({
  run: { id: 3, url: "http://dash/acme/shop/runs/3", project: "acme/shop", tests: 3, outcome: "passed" },
  duplicate: false,
});

/** The client's context with a fake clock that the waits move on. */
function context() {
  const clock = { now: 0 };
  const waits: number[] = [];
  const log: string[] = [];
  return {
    clock,
    waits,
    log,
    client: {
      log: (line: string) => log.push(line),
      now: () => clock.now,
      sleep: async (ms: number) => {
        waits.push(ms);
        clock.now += ms;
      },
    },
  };
}

async function reportFile(): Promise<string> {
  const path = join(tmpdir(), `seamwatch-client-${process.pid}-${Date.now()}.json`);
  await writeFile(path, JSON.stringify(makeRunReport()));
  return path;
}

describe("the dashboard client", () => {
  it("retries 5xx and 429 with backoff, waits as long as Retry-After says, then stores the run (gzipped)", async () => {
    const dashboard = await serve([
      { status: 502, body: "<html>bad gateway</html>", headers: { "content-type": "text/html" } },
      {
        status: 429,
        body: '{"error":{"code":"internal","message":"slow down"}}',
        headers: { "retry-after": "7" },
      },
      { status: 201, body: stored },
    ]);
    const { client, waits, log } = context();
    const uploaded = await uploadRunReport(
      { serverUrl: dashboard.url, token: "swu_x" },
      await reportFile(),
      client,
    );
    expect(uploaded).toEqual({
      runId: 3,
      url: "http://dash/acme/shop/runs/3",
      project: "acme/shop",
      duplicate: false,
    });
    expect(waits).toEqual([1_000, 7_000]);
    expect(log).toEqual([
      "dashboard upload of the run report, attempt 1 of 4: HTTP 502; retrying in 1.0 s",
      "dashboard upload of the run report, attempt 2 of 4: HTTP 429; retrying in 7.0 s",
      "dashboard upload of the run report, attempt 3 of 4: HTTP 201",
    ]);
    expect(dashboard.requests.map((request) => request.encoding)).toEqual(["gzip", "gzip", "gzip"]);
  });

  it("never repeats a refusal, and says the server's reason", async () => {
    const dashboard = await serve([
      {
        status: 401,
        body: '{"error":{"code":"unauthorized","message":"the upload token is not known here"}}',
      },
    ]);
    const { client, waits } = context();
    const error = await uploadRunReport(
      { serverUrl: dashboard.url, token: "swu_x" },
      await reportFile(),
      client,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DashboardError);
    expect(error).toMatchObject({
      status: 401,
      code: "unauthorized",
      message: "the dashboard answered 401 (unauthorized): the upload token is not known here",
    });
    expect(dashboard.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("stops within its time bound, even with attempts left", async () => {
    const dashboard = await serve([{ status: 503, body: "{}" }]);
    const { client, waits } = context();
    const error = await uploadRunReport({ serverUrl: dashboard.url, token: "swu_x" }, await reportFile(), {
      ...client,
      policy: { maxAttempts: 10, totalMs: 5_000 },
    }).catch((caught: unknown) => caught);
    // 1 s, then 2 s (at 3 s); a 4 s wait would end past 5 s: no fourth attempt.
    expect(waits).toEqual([1_000, 2_000]);
    expect(dashboard.requests).toHaveLength(3);
    expect((error as Error).message).toBe("the dashboard answered 503: {}");
  });

  it("asks for the baseline once for all tests, retrying only once", async () => {
    const dashboard = await serve([{ status: 500, body: "{}" }]);
    const { client } = context();
    const error = await fetchBaseline(
      { serverUrl: dashboard.url, token: "swu_x" },
      { project: "acme/my shop", branch: "main", jobKey: null, testIds: ["a", "b"] },
      client,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DashboardError);
    expect(dashboard.requests.map((request) => request.path)).toEqual([
      "/api/v1/projects/acme/my%20shop/baseline",
      "/api/v1/projects/acme/my%20shop/baseline",
    ]);
  });
});
