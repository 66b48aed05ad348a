// The dashboard in a real browser (Debian's Chromium through playwright-core) against the production server,
// after the demo history was sent through the real upload API: charts drawn, the slowest list leading to a
// test page, the branch filter, search, a test named with HTML and a script shown as text, tests whose report
// left out their class, suite or file, and long names cut in lists. Each page's screenshot is saved under
// test-output/web/ (the tour at the end takes every page, wide and phone-sized).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/seed-demo.ts";
import { type DashboardServer, startDashboard } from "../support/web/dashboard-server.ts";
import { makeRunReport } from "../support/web/reports.ts";

const SCREENSHOTS = join(process.cwd(), "test-output", "web");
const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quoted" test`;
const LONG_NAME = `renders the checkout summary for ${"a basket with a very long parameterised description, ".repeat(8)}end`;
// Raw JUnit XML, as any CI posts it: a suite named "undefined" (as jest-junit writes it), a test with no
// classname and no file, one whose report wrote "null" and "undefined" for them, and a very long name.
const UNNAMED_PARTS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="undefined" tests="3" failures="1">
    <testcase name="has no classname" time="0.25"><failure message="expected true">AssertionError: expected true</failure></testcase>
    <testcase name="writes placeholders for its class and file" classname="null" file="undefined" time="0.1"/>
    <testcase name="${LONG_NAME}" classname="checkout" time="0.2"/>
  </testsuite>
</testsuites>
`;
/** What a page must never show for a name a report left out. */
const MISSING_NAME = /\bundefined\b|\bnull\b|(^|\n)\s*·|·\s*($|\n)/;

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
  const unnamed = await fetch(
    `${server.url}/api/v1/junit?project=demo/webshop&commit=${"cd".repeat(20)}&branch=main&workflow=CI&job=integration`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: UNNAMED_PARTS_XML,
    },
  );
  expect(unnamed.status).toBe(201);
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

/** The text as shown, each block on its own line (textContent would run a name into its suite line). */
async function shownText(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join("\n");
}

/** Browser globals, for the functions that run in the page (this project's TypeScript has no DOM types). */
type InPage = {
  document: { documentElement: { scrollWidth: number } };
  getComputedStyle(element: unknown): { lineHeight: string };
};

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe("the dashboard in a browser", () => {
  it("opens on the project's overview, with its charts drawn from the seeded history", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/acme/empty`);
    await expect(page.getByText("No run sent yet").count()).resolves.toBe(1);
    // Nothing else to show: no second empty card for recent runs.
    await expect(page.locator("#runs").count()).resolves.toBe(0);
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

  it("never writes undefined, null or a dangling separator where a report left out a class, suite or file", async () => {
    // The demo's jest report (jest-junit) names its suite "undefined" and repeats each test's name as its class.
    await page.goto(projectUrl);
    const flaky = page.locator("#flaky");
    const jest = flaky.locator("tbody tr").filter({
      has: page.getByRole("link", { name: "fails an assertion", exact: true }),
    });
    await expect(jest.count()).resolves.toBeGreaterThan(0);
    expect(await jest.allInnerTexts()).toContainEqual(expect.stringContaining("__tests__/sample.test.js"));
    expect(await shownText(flaky)).not.toMatch(MISSING_NAME);
    for (const list of ["#slowest", "#slower", "#runs"]) {
      expect(await shownText(page.locator(list))).not.toMatch(MISSING_NAME);
    }

    await page.goto(`${projectUrl}/search?q=${encodeURIComponent("class")}`);
    const results = page.getByTestId("search-results");
    for (const name of ["has no classname", "writes placeholders for its class and file"]) {
      await results.getByRole("link", { name, exact: true }).waitFor();
    }
    expect(await shownText(results)).not.toMatch(MISSING_NAME);
    await screenshot("search-unnamed-parts");

    await results.getByRole("link", { name: "has no classname", exact: true }).click();
    await page.waitForURL(/\/tests\//);
    expect(await page.getByTestId("test-name").textContent()).toBe("has no classname");
    expect(await shownText(page.locator("main"))).not.toMatch(MISSING_NAME);
    expect(await page.title()).toBe("has no classname · seamwatch");

    await page.getByTestId("status-strip").locator("a").first().click();
    await page.waitForURL(/\/runs\/\d+$/);
    await page.getByRole("heading", { name: /Run #\d+/ }).waitFor();
    expect(await shownText(page.locator("main"))).not.toMatch(MISSING_NAME);
    await screenshot("run-unnamed-parts");
  });

  it("cuts a long test name to two lines in lists, with the whole name on hover", async () => {
    await page.goto(`${projectUrl}/search?q=${encodeURIComponent("checkout summary")}`);
    const link = page.getByTestId("search-results").getByRole("link").first();
    expect(await link.textContent()).toBe(LONG_NAME);
    const name = link.locator("xpath=..");
    expect(await name.getAttribute("title")).toBe(LONG_NAME);
    const box = await name.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: Number.parseFloat((globalThis as unknown as InPage).getComputedStyle(element).lineHeight),
    }));
    expect(box.height).toBeLessThanOrEqual(2 * box.lineHeight + 1);

    // The test's own page shows the whole name.
    await link.click();
    await page.waitForURL(/\/tests\//);
    const heading = page.getByTestId("test-name");
    expect(await heading.textContent()).toBe(LONG_NAME);
    expect(await heading.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});

describe("every page, for review", () => {
  it("takes a screenshot of each page, wide and phone-sized, none wider than the screen", async () => {
    const store = await server.openStore();
    const demo = await store.getProject({ slug: "demo/webshop" });
    const runs = await store.listRunsInRange({
      projectId: demo?.id ?? 0,
      branch: "main",
      since: 0,
      until: Date.now() + 60_000,
    });
    const runUrl = (run: { id: number } | undefined) => `${projectUrl}/runs/${run?.id}`;
    const pages = [
      ["projects", server.url],
      ["overview-empty", `${server.url}/acme/empty`],
      ["overview-180d", `${projectUrl}?range=180d`],
      ["search-empty", `${projectUrl}/search`],
      ["search-no-match", `${projectUrl}/search?q=no-such-test-anywhere`],
      ["search-results", `${projectUrl}/search?q=order`],
      ["run-test-failures", runUrl(runs.findLast((run) => run.outcome === "test-failures" && run.flaky > 0))],
      ["run-infra-failure", runUrl(runs.findLast((run) => run.outcome === "infra-failure"))],
      ["run-infra-retried", runUrl(runs.findLast((run) => run.outcome === "passed" && run.infraRetries > 0))],
    ] as const;
    for (const [name, url] of pages) {
      await page.goto(url);
      await page.screenshot({ path: join(SCREENSHOTS, `tour-${name}.png`), fullPage: true });
    }
    await page.goto(projectUrl);
    await page.locator("#flaky tbody tr a").first().click();
    await page.waitForURL(/\/tests\//);
    const flakyTest = page.url();
    await page.locator('[data-chart="duration"] .recharts-line-curve').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "tour-test-flaky.png"), fullPage: true });

    // A phone: every page fits its width (tables scroll inside their cards instead).
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const [name, url] of [...pages, ["test-flaky", flakyTest] as const]) {
      await phone.goto(url);
      await phone.screenshot({ path: join(SCREENSHOTS, `tour-phone-${name}.png`), fullPage: true });
      const width = await phone.evaluate(
        () => (globalThis as unknown as InPage).document.documentElement.scrollWidth,
      );
      expect({ name, width }).toEqual({ name, width: 390 });
    }
    await phone.close();
  });
});
