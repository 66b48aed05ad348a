// The dashboard in a real browser (Debian's Chromium through playwright-core) against the production server,
// after the demo history was sent through the real upload API: charts drawn, the slowest list leading to a
// test page, the branch filter, search, and a test named with HTML and a script shown as text. Each page's
// screenshot is saved under test-output/web/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/seed-demo.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

const SCREENSHOTS = join(process.cwd(), "test-output", "web");
const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quoted" test`;

let server: DashboardServer;
let context: BrowserContext;
let page: Page;
let profile: string;
let projectUrl: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startDashboard();
  const token = await server.createToken("demo/webshop");
  await seedDemo({ url: server.url, token, now: Date.now() });
  const hostile = makeRunReport({
    tests: 2,
    ci: { repository: "demo/webshop", runId: "hostile", branch: "main", commitSha: "ab".repeat(20) },
    name: (index) => (index === 0 ? HOSTILE_NAME : "an ordinary test"),
    verdicts: { 0: "failed" },
    startedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  const first = hostile.tests[0];
  if (first?.failure) {
    Object.assign(first, {
      failure: { ...first.failure, message: "<b>bold?</b> <script>window.__pwned=3</script>" },
    });
  }
  const answer = await fetch(`${server.url}/api/v1/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(hostile),
  });
  expect(answer.status).toBe(201);
  await server.createToken("acme/empty");
  projectUrl = `${server.url}/demo/webshop`;

  profile = mkdtempSync(join(tmpdir(), "seamwatch-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1366, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe("the dashboard in a browser", () => {
  it("opens on the project's overview, with its charts drawn from the seeded history", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/acme/empty`);
    await expect(page.getByText("No run on main in the last 30 days").count()).resolves.toBe(1);
    await screenshot("overview-empty");

    // Two projects now: the list, not a redirect.
    await page.goto(server.url);
    await page.getByRole("link", { name: "demo/webshop" }).click();
    await page.waitForURL(projectUrl);
    // recharts draws in the browser: the server's HTML has empty chart boxes.
    await page.locator('[data-chart="wall-time"] .recharts-line-curve').first().waitFor();
    await page.locator('[data-chart="infra"] .recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('[data-chart="wall-time"] .recharts-line-curve').count()).toBe(5);
    await expect(page.locator("#slower tbody tr").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#flaky").getByText("broken").count()).resolves.toBeGreaterThan(0);
    await screenshot("overview");
    expect(errors).toEqual([]);
  });

  it("opens a test's page from the slowest tests, with its duration chart and results", async () => {
    await page.goto(projectUrl);
    const link = page.locator("#slowest tbody tr a").first();
    const name = (await link.textContent()) as string;
    await link.click();
    await page.waitForURL(/\/demo\/webshop\/tests\/[0-9a-f]{16}/);
    expect(await page.getByTestId("test-name").textContent()).toBe(name);
    await page.locator('[data-chart="duration"] .recharts-line-curve').first().waitFor();
    expect(await page.getByTestId("status-strip").locator("a").count()).toBeGreaterThan(10);
    await screenshot("test");

    await page.getByTestId("status-strip").locator("a").first().click();
    await page.waitForURL(/\/demo\/webshop\/runs\/\d+$/);
    await page.getByRole("heading", { name: /Run #\d+/ }).waitFor();
    await screenshot("run");
  });

  it("filters the overview by branch, keeping the branch in the URL", async () => {
    await page.goto(projectUrl);
    await page.getByLabel("Branch").selectOption("feature/gift-cards");
    await page.waitForURL(/branch=feature%2Fgift-cards/);
    await page.getByText("feature/gift-cards, last 30 days").waitFor();
    await expect(page.locator("#runs").getByText("PR #447").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#runs").getByText("PR #412").count()).resolves.toBe(0);
    await page.locator('[data-chart="wall-time"] .recharts-line-curve').first().waitFor();
    // The link can be shared: opened fresh, it shows the same branch.
    await page.goto(page.url());
    expect(await page.getByLabel("Branch").inputValue()).toBe("feature/gift-cards");
    await screenshot("overview-branch");
  });

  it("finds tests by name from the search box", async () => {
    await page.goto(projectUrl);
    await page.getByLabel("Search tests by name").fill("placesOrder");
    await page.getByLabel("Search tests by name").press("Enter");
    await page.waitForURL(/\/search\?q=placesOrder/);
    const results = page.getByTestId("search-results");
    await expect(results.locator("tbody tr").count()).resolves.toBe(1);
    await screenshot("search");
    await results.getByRole("link", { name: "placesOrder" }).click();
    await page.waitForURL(/\/tests\//);
    expect(await page.getByTestId("test-name").textContent()).toBe("placesOrder");
  });

  it("shows a test named with HTML and a script as text, and runs none of it", async () => {
    await page.goto(`${projectUrl}/search?q=${encodeURIComponent("<img")}`);
    const link = page.getByTestId("search-results").getByRole("link").first();
    expect(await link.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await link.click();
    await page.waitForURL(/\/tests\//);
    expect(await page.getByTestId("test-name").textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator("#failures").textContent()).toContain(
      "<b>bold?</b> <script>window.__pwned=3</script>",
    );
    expect(await page.locator("#failures b").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot("test-hostile-name");
  });
});
