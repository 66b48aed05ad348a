import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandStartError,
  InputError,
  JunitParser,
  PatternError,
  STATE,
  addCounts,
  annotationsFor,
  checkMaxAttempts,
  checkShell,
  classifyAttempt,
  commentMarker,
  emptyCounts,
  exponentialBackoff,
  findReports,
  formatSuitePath,
  getInputs,
  jsonPieces,
  messageOf,
  outputValues,
  plural,
  renderRunReport,
  reportPathFor,
  restoreImageCache,
  retry,
  runShellCommand,
  saveImageCache,
  setAside,
  setOutputs,
  testCasesOf,
  withoutInputs
} from "./chunks/chunk-Z2VZEDMC.js";
import {
  error,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  summary,
  warning
} from "./chunks/chunk-Z54VKEA3.js";
import "./chunks/chunk-HANBNIMK.js";

// action/main.ts
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve as resolve2, sep } from "node:path";
import { fileURLToPath } from "node:url";

// runner/run-report-file.ts
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
var RUN_REPORT_VERSION = 1;
async function writeRunReport(path, run3) {
  const { result } = run3;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "w");
  try {
    const attempts = result.attempts.map(({ testCases, ...attempt }) => ({
      ...attempt,
      testCases: testCases.length
    }));
    const head = {
      version: RUN_REPORT_VERSION,
      command: run3.command,
      startedAt: run3.startedAt,
      durationMs: run3.durationMs,
      cancelled: run3.cancelled,
      outcome: result.outcome,
      totals: result.totals,
      attemptFailures: result.attemptFailures,
      attempts
    };
    for (const piece of jsonPieces(head, "tests", result.tests)) await file.write(piece);
  } finally {
    await file.close();
  }
}

// runner/run-suite.ts
import { mkdir as mkdir2, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as realSleep } from "node:timers/promises";

// core/run/merge-attempts.ts
function mergeAttempts(attempts) {
  const last = attempts.at(-1);
  if (!last) throw new RangeError("mergeAttempts needs at least one attempt");
  const tests = mergeTests(attempts);
  const attemptFailures = [...last.classification.testFailures, ...last.classification.infraFailures].filter(
    (failure) => failure.test === null
  );
  const genuine = tests.some((test) => test.verdict === "failed") || attemptFailures.some((failure) => failure.kind === "test");
  const infra = tests.some((test) => test.verdict === "infra-failure") || last.classification.infraFailures.length > 0;
  const outcome = genuine ? "test-failures" : infra ? "infra-failure" : "passed";
  return Object.freeze({
    outcome,
    tests,
    totals: totalsOf(tests, attempts),
    attempts,
    attemptFailures: Object.freeze(attemptFailures)
  });
}
function mergeTests(attempts) {
  const byId = /* @__PURE__ */ new Map();
  for (const attempt of attempts) {
    const classified = classifiedByTest(attempt);
    for (const test of attempt.testCases) {
      const entry = byId.get(test.id) ?? { identity: test, results: [] };
      byId.set(test.id, entry);
      entry.results.push(resultOf(attempt.number, test, classified.get(test.id)));
    }
  }
  return Object.freeze([...byId.values()].map(mergeTest));
}
function classifiedByTest(attempt) {
  const map = /* @__PURE__ */ new Map();
  for (const failure of [...attempt.classification.testFailures, ...attempt.classification.infraFailures]) {
    if (failure.test && !map.has(failure.test.id)) map.set(failure.test.id, failure);
  }
  return map;
}
function resultOf(attempt, test, classified) {
  const failing = test.status === "failed" || test.status === "errored";
  return Object.freeze({
    attempt,
    status: test.status,
    flaky: test.flaky,
    durationMs: test.durationMs,
    // A within-report flaky pass keeps the failure of its failed re-run, so the flake can be shown.
    failure: failing ? classified?.failure ?? test.failure : test.flaky ? test.failure : null,
    // Unclassified failures are genuine: nothing proved them infrastructure.
    kind: failing ? classified?.kind ?? "test" : null,
    evidence: failing ? classified?.evidence ?? null : null
  });
}
function mergeTest({ identity, results }) {
  const verdict = verdictOf(results);
  const shown = shownResult(verdict, results);
  return Object.freeze({
    id: identity.id,
    suitePath: identity.suitePath,
    classname: identity.classname,
    name: identity.name,
    file: identity.file,
    verdict,
    attempts: Object.freeze(results),
    failure: shown?.failure ?? null,
    evidence: shown?.evidence ?? null,
    durationMs: results.reduce((sum, result) => sum + result.durationMs, 0)
  });
}
function verdictOf(results) {
  const passedAt = results.flatMap((result, index) => result.status === "passed" ? [index] : []);
  const genuineFailure = results.some((result) => result.kind === "test");
  const firstInfra = results.findIndex((result) => result.kind === "infra");
  if (passedAt.length > 0) {
    if (genuineFailure || results.some((result) => result.flaky)) return "flaky";
    if (firstInfra >= 0 && passedAt.some((index) => index > firstInfra)) return "recovered-after-infra-retry";
    return "passed";
  }
  if (genuineFailure) return "failed";
  if (firstInfra >= 0) return "infra-failure";
  return "skipped";
}
function shownResult(verdict, results) {
  switch (verdict) {
    case "failed":
      return results.findLast((result) => result.kind === "test");
    case "flaky":
      return results.find((result) => result.kind === "test") ?? results.find((result) => result.flaky);
    case "infra-failure":
      return results.findLast((result) => result.kind === "infra");
    case "recovered-after-infra-retry":
      return results.find((result) => result.kind === "infra");
    default:
      return void 0;
  }
}
function totalsOf(tests, attempts) {
  const count = (...verdicts) => tests.filter((test) => verdicts.includes(test.verdict)).length;
  return Object.freeze({
    tests: tests.length,
    passed: count("passed", "recovered-after-infra-retry"),
    failed: count("failed"),
    skipped: count("skipped"),
    flaky: count("flaky"),
    recovered: count("recovered-after-infra-retry"),
    infraFailed: count("infra-failure"),
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0)
  });
}

// core/run/record-attempt.ts
function summarizeJunit(files) {
  return Object.freeze({
    files: files.length,
    incompleteFiles: files.filter((file) => file.incomplete).length,
    unreadableFiles: files.filter((file) => file.error !== null && !file.incomplete).length,
    counts: files.reduce((sum, file) => addCounts(sum, file.counts), emptyCounts)
  });
}
function shouldRetry(attempt, policy) {
  return attempt.classification.outcome === "infra-failure" && attempt.number < policy.maxAttempts;
}
function recordAttempt(input) {
  const { evidence } = input;
  return Object.freeze({
    number: input.number,
    durationMs: input.durationMs,
    exitCode: evidence.exitCode,
    signal: evidence.signal,
    timedOut: evidence.timedOut,
    junit: summarizeJunit(evidence.junitFiles),
    testCases: Object.freeze(evidence.junitFiles.flatMap(testCasesOf)),
    classification: input.classification,
    retried: input.retried
  });
}

// runner/attempt-loop.ts
async function runAttempts(options) {
  const attempts = await retry(
    async (number) => {
      const run3 = await options.runAttempt(number);
      return { ...run3, number, classification: classifyAttempt(run3.evidence, options.rules) };
    },
    {
      maxAttempts: options.maxAttempts,
      delayMs: options.retryDelayMs,
      isRetryable: (attempt) => !attempt.cancelled && shouldRetry(attempt, { maxAttempts: options.maxAttempts }),
      describe: describeAttempt,
      log: options.log,
      sleep: options.sleep,
      ...options.signal ? { signal: options.signal } : {}
    }
  );
  const records = attempts.map(
    (attempt, index) => recordAttempt({ ...attempt, retried: index < attempts.length - 1 })
  );
  return {
    result: mergeAttempts(records),
    cancelled: attempts.some((attempt) => attempt.cancelled) || options.signal?.aborted === true
  };
}
function describeAttempt(attempt, decision) {
  const { evidence, classification } = attempt;
  const head = `attempt ${decision.attemptNumber} of ${decision.maxAttempts}`;
  const facts = `(${exitText(evidence)} after ${seconds(attempt.durationMs)}; ${junitText(evidence.junitFiles)})`;
  if (attempt.cancelled) return `${head} cancelled ${facts}`;
  switch (classification.outcome) {
    case "passed":
      return `${head} passed ${facts}`;
    case "infra-failure": {
      const next = decision.retryInMs === null ? "no attempts left" : `retrying in ${seconds(decision.retryInMs)}`;
      return `${head} failed for infrastructure: ${failureText(classification.infraFailures)} ${facts}; ${next}`;
    }
    case "test-failures": {
      const infra = classification.infraFailures.length;
      const beside = infra > 0 ? ` (and ${plural(infra, "infrastructure failure")})` : "";
      return `${head} failed: ${plural(classification.testFailures.length, "genuine failure")}${beside}, first ${failureText(classification.testFailures)} ${facts}; not retried: a retry could hide a real failure`;
    }
  }
}
function failureText(failures) {
  const first = failures[0];
  if (!first) return "unknown";
  const where = first.test ? `${formatSuitePath([...first.test.suitePath, first.test.name].filter((part) => part))}: ` : "";
  const line = first.evidence.line === null ? "" : ` ${JSON.stringify(first.evidence.line)}`;
  const more = failures.length > 1 ? ` (+${failures.length - 1} more)` : "";
  return `${where}[${first.evidence.rule}]${line}${more}`;
}
function exitText(evidence) {
  if (evidence.timedOut) return "timed out, process group stopped";
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}
function junitText(files) {
  if (files.length === 0) return "no JUnit file matched";
  const tests = files.reduce((sum, file) => sum + file.counts.tests, 0);
  return `${plural(files.length, "JUnit file")}, ${plural(tests, "test")}`;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(ms < 1e4 ? 1 : 0)} s`;
}

// runner/read-junit.ts
import { open as open2 } from "node:fs/promises";
import { resolve } from "node:path";
var CHUNK_BYTES = 1024 * 1024;
async function readJunitFile(path, options = {}) {
  const { cwd, ...parseOptions } = options;
  const parser = new JunitParser({ ...parseOptions, path });
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let file;
  try {
    file = await open2(resolve(cwd ?? ".", path), "r");
    for (; ; ) {
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      parser.write(chunk.subarray(0, bytesRead));
    }
  } catch (cause) {
    parser.fail(describeReadError(cause));
  } finally {
    await file?.close();
  }
  return parser.end();
}
function describeReadError(cause) {
  const error2 = cause;
  switch (error2.code) {
    case "ENOENT":
      return "cannot read: no such file";
    case "EISDIR":
      return "cannot read: it is a directory";
    case "EACCES":
      return "cannot read: permission denied";
    default:
      return `cannot read: ${error2.message ?? String(cause)}`;
  }
}

// runner/run-suite.ts
var DEFAULT_KILL_GRACE_MS = 5e3;
async function runSuite(options) {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line) => process.stderr.write(`seamwatch: ${line}
`));
  const onOutput = options.onOutput ?? writeThrough;
  const started = now();
  const asideDir = options.asideDir ?? await mkdtemp(join(tmpdir(), "seamwatch-run-"));
  await mkdir2(asideDir, { recursive: true });
  const stale = await findReports(options.junitPatterns, options.cwd, asideDir);
  if (stale.length > 0) {
    const dir = join(asideDir, "before-run");
    const moved = await setAside(stale, options.cwd, dir);
    log(
      `moved ${plural(moved, "JUnit file")} left from an earlier run to ${dir}, so none is read as this run's`
    );
  }
  const runAttempt = async (number) => {
    if (number > 1) {
      const previous = await findReports(options.junitPatterns, options.cwd, asideDir);
      await setAside(previous, options.cwd, join(asideDir, `attempt-${number - 1}`));
    }
    const attemptStarted = now();
    const command = await runShellCommand({
      command: options.command,
      shell: options.shell,
      cwd: options.cwd,
      env: { ...options.env ?? process.env, SEAMWATCH_ATTEMPT: String(number) },
      timeoutMs: options.attemptTimeoutMs,
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      onOutput,
      scriptDir: asideDir,
      ...options.signal ? { signal: options.signal } : {}
    });
    const durationMs = now() - attemptStarted;
    const junitFiles = [];
    for (const path of await findReports(options.junitPatterns, options.cwd, asideDir)) {
      junitFiles.push(await readJunitFile(path, { cwd: options.cwd, collectTestCases: true }));
    }
    const evidence = Object.freeze({
      exitCode: command.exitCode,
      signal: command.signal,
      timedOut: command.timedOut,
      outputTail: command.outputTail,
      junitFiles: Object.freeze(junitFiles)
    });
    return { durationMs, evidence, cancelled: command.cancelled };
  };
  const { result, cancelled } = await runAttempts({
    runAttempt,
    maxAttempts: options.maxAttempts,
    retryDelayMs: options.retryDelayMs,
    rules: options.rules,
    log,
    sleep: options.sleep ?? ((ms) => realSleep(ms)),
    ...options.signal ? { signal: options.signal } : {}
  });
  return Object.freeze({
    result,
    durationMs: now() - started,
    command: options.command,
    startedAt: new Date(started).toISOString(),
    cancelled,
    asideDir
  });
}
function checkOptions(options) {
  checkShell(options.shell);
  checkMaxAttempts(options.maxAttempts);
  const timeout = options.attemptTimeoutMs;
  if (timeout !== null && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new RangeError(
      `attemptTimeoutMs must be a positive number of milliseconds or null, got ${timeout}`
    );
  }
}
function writeThrough(chunk, stream) {
  (stream === "stdout" ? process.stdout : process.stderr).write(chunk);
}

// action/sticky-comment.ts
function readPullRequestContext(eventName, payload, repository) {
  const pull = payload?.pull_request;
  const [owner = "", repo = ""] = repository.split("/");
  if (!pull || typeof pull.number !== "number" || owner === "" || repo === "") {
    return { eventName, target: null, fromFork: false };
  }
  const baseName = pull.base?.repo?.full_name ?? repository;
  const headName = pull.head?.repo?.full_name;
  const fromFork = eventName === "pull_request" && (headName === void 0 || headName === null || headName !== baseName);
  return { eventName, target: { owner, repo, issueNumber: pull.number }, fromFork };
}
var FORK_NOTICE = "No pull request comment: this pull request comes from a fork, whose token cannot write comments. The report is below.";
var NOT_PERMITTED_NOTICE = "No pull request comment: the token may not write comments (give the job the pull-requests: write permission). The report is below.";
function planComment(mode, context, token) {
  if (mode === "off") return { write: false, notice: null };
  if (context.target === null) {
    return {
      write: false,
      notice: mode === "always" ? `No pull request comment: the ${context.eventName} event is not about a pull request.` : null
    };
  }
  if (mode === "auto" && context.fromFork) return { write: false, notice: FORK_NOTICE };
  if (token === "") {
    return { write: false, notice: "No pull request comment: the github-token input is empty." };
  }
  return { write: true, target: context.target };
}
async function upsertStickyComment(octokit, target, marker, body) {
  const ours = await findStickyComment(octokit, target, marker);
  if (ours) {
    const { data: data2 } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: ours.id,
      body
    });
    return { action: "updated", id: data2.id, url: data2.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body
  });
  return { action: "created", id: data.id, url: data.html_url };
}
async function findStickyComment(octokit, target, marker) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => carriesMarker(comment.body, marker));
    if (found) return { id: found.id };
  }
  return void 0;
}
function carriesMarker(body, marker) {
  if (!body?.includes(marker)) return false;
  return body.split(/\r?\n/).some((line) => line.trim() === marker);
}
function isNotPermitted(error2) {
  const failure = error2;
  return failure?.status === 403 && typeof failure.message === "string" && failure.message.includes("Resource not accessible by integration");
}

// action/main.ts
var MAX_ANNOTATIONS = 10;
async function run(env = process.env) {
  try {
    await runMain(env);
  } catch (error2) {
    setFailed(`seamwatch failed unexpectedly: ${error2?.stack ?? String(error2)}`);
  }
}
async function runMain(env) {
  let inputs;
  try {
    inputs = getInputs({ env });
  } catch (error2) {
    if (error2 instanceof InputError || error2 instanceof PatternError) {
      setFailed(error2.message);
      return;
    }
    throw error2;
  }
  try {
    await restoreImageCache({ inputs: inputs.imageCache, env, rules: inputs.rules });
  } catch (error2) {
    warning(`Docker images not restored: ${messageOf(error2)}`);
  }
  const reportPath = reportPathFor(env);
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let suite;
  try {
    suite = await runSuite({
      command: inputs.run,
      shell: inputs.shell,
      cwd: inputs.workingDirectory,
      junitPatterns: inputs.junitPatterns,
      maxAttempts: inputs.maxAttempts,
      retryDelayMs: inputs.retryDelayMs,
      attemptTimeoutMs: inputs.attemptTimeoutMs,
      rules: inputs.rules,
      // A `run:` step does not see the action's inputs, and the token must not reach the tests.
      env: withoutInputs(env),
      log: (line) => info(`seamwatch: ${line}`),
      signal: cancel.signal,
      asideDir: reportPath.replace(/\.json$/, "-aside")
    });
  } catch (error2) {
    if (error2 instanceof CommandStartError) {
      setFailed(error2.message);
      return;
    }
    throw error2;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
  const { result: run3, durationMs } = suite;
  if (suite.cancelled) warning("The run was cancelled: the report covers the attempts made until then.");
  try {
    await writeRunReport(reportPath, suite);
  } catch (error2) {
    warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error2)}`);
  }
  saveState(STATE.outcome, run3.outcome);
  saveState(STATE.reportPath, reportPath);
  setOutputs(outputValues(run3, { durationMs, reportPath }));
  const shown = withRepositoryPaths(run3, {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    cwd: inputs.workingDirectory
  });
  annotate(shown);
  const notice2 = await publishComment(shown, inputs, env);
  await writeJobSummary(shown, inputs, notice2);
  const failure = failureFor(run3, inputs.failOn);
  if (failure) setFailed(failure);
}
function withRepositoryPaths(run3, paths) {
  const file = (path) => path === null ? null : repositoryPath(path, paths);
  const failure = (value) => value === null ? value : { ...value, file: file(value.file) };
  return {
    ...run3,
    tests: run3.tests.map((test) => ({
      ...test,
      file: file(test.file),
      failure: failure(test.failure),
      attempts: test.attempts.map((attempt) => ({ ...attempt, failure: failure(attempt.failure) }))
    }))
  };
}
function annotate(run3) {
  for (const annotation of annotationsFor(run3, { max: MAX_ANNOTATIONS })) {
    const properties = {};
    if (annotation.title) properties.title = annotation.title;
    if (annotation.file) properties.file = annotation.file;
    if (annotation.line) properties.startLine = annotation.line;
    const emit = annotation.level === "error" ? error : annotation.level === "warning" ? warning : notice;
    emit(annotation.message, properties);
  }
}
var COMMENT_ATTEMPTS = 3;
var COMMENT_RETRY_DELAY_MS = 1e3;
function describeCommentAttempt(attempt, decision) {
  if ("comment" in attempt) return `Pull request comment ${attempt.comment.action}: ${attempt.comment.url}`;
  const next = decision.retryInMs === null ? "" : `; retrying in ${(decision.retryInMs / 1e3).toFixed(0)} s`;
  return `Pull request comment, attempt ${decision.attemptNumber} of ${decision.maxAttempts}: ${messageOf(attempt.error)}${next}`;
}
function isServerError(error2) {
  const status = error2?.status;
  return typeof status === "number" && status >= 500;
}
function repositoryPath(file, paths) {
  const absolute = resolve2(paths.cwd, file.startsWith("file://") ? fileURLToPath(file) : file);
  const inside = relative(paths.workspace, absolute);
  return inside.startsWith("..") || isAbsolute(inside) ? file : inside.split(sep).join("/");
}
async function publishComment(run3, inputs, env) {
  const context = readPullRequestContext(
    env.GITHUB_EVENT_NAME ?? "",
    readEventPayload(env.GITHUB_EVENT_PATH),
    env.GITHUB_REPOSITORY ?? ""
  );
  const plan = planComment(inputs.comment, context, inputs.githubToken);
  if (!plan.write) {
    if (plan.notice) info(plan.notice);
    return plan.notice;
  }
  try {
    const body = renderRunReport(run3, {
      target: "comment",
      title: reportTitle(inputs),
      slowTestSeconds: inputs.slowTestSeconds,
      commentKey: inputs.commentKey
    });
    const { getOctokit } = await import("./chunks/github-FTC7GQF4.js");
    const octokit = getOctokit(inputs.githubToken, {
      baseUrl: env.GITHUB_API_URL || "https://api.github.com"
    });
    const marker = commentMarker(inputs.commentKey);
    const attempts = await retry(
      async () => {
        try {
          return { comment: await upsertStickyComment(octokit, plan.target, marker, body) };
        } catch (error2) {
          return { error: error2 };
        }
      },
      {
        maxAttempts: COMMENT_ATTEMPTS,
        delayMs: exponentialBackoff(COMMENT_RETRY_DELAY_MS),
        // The marker makes a repeat safe: a create that failed late is found and updated next time.
        isRetryable: (attempt) => "error" in attempt && isServerError(attempt.error),
        describe: describeCommentAttempt,
        log: (line) => info(line),
        sleep: (ms) => new Promise((resolve3) => setTimeout(resolve3, ms))
      }
    );
    const last = attempts.at(-1);
    if (last && "error" in last) throw last.error;
    return null;
  } catch (error2) {
    if (isNotPermitted(error2)) {
      const notice2 = context.fromFork ? FORK_NOTICE : NOT_PERMITTED_NOTICE;
      info(notice2);
      return notice2;
    }
    warning(`Could not write the pull request comment: ${messageOf(error2)}`);
    return "No pull request comment: writing it failed (see the step's warnings). The report is below.";
  }
}
async function writeJobSummary(run3, inputs, notice2) {
  try {
    const markdown = renderRunReport(run3, {
      target: "summary",
      title: reportTitle(inputs),
      slowTestSeconds: inputs.slowTestSeconds,
      commentKey: inputs.commentKey,
      notice: notice2
    });
    await summary.addRaw(markdown, true).write();
  } catch (error2) {
    warning(`Could not write the job summary: ${messageOf(error2)}`);
  }
}
function reportTitle(inputs) {
  return `seamwatch: ${inputs.commentKey}`;
}
function failureFor(run3, failOn) {
  if (failOn === "never") return null;
  const { totals } = run3;
  if (run3.outcome === "test-failures") {
    return `${plural(totals.failed, "test")} failed${totals.failed === 0 ? " (the command failed)" : ""}.`;
  }
  if (run3.outcome === "infra-failure") {
    return `Infrastructure failed on every one of ${plural(run3.attempts.length, "attempt")}: the tests did not run to the end.`;
  }
  if (failOn === "any-failure") {
    if (totals.flaky > 0) return `${plural(totals.flaky, "flaky test")} (fail-on: any-failure).`;
    const retried = run3.attempts.filter((attempt) => attempt.retried).length;
    if (retried > 0) {
      return `The suite passed only after ${plural(retried, "infrastructure retry", "infrastructure retries")} (fail-on: any-failure).`;
    }
  }
  return null;
}
function readEventPayload(path) {
  if (!path) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error2) {
    warning(`Could not read the workflow event at ${path}: ${messageOf(error2)}`);
    return null;
  }
}

// action/post.ts
async function run2(env = process.env) {
  try {
    await runPost(env);
  } catch (error2) {
    warning(`seamwatch post step: ${messageOf(error2)}`);
  }
}
async function runPost(env) {
  try {
    await saveImageCache(env);
  } catch (error2) {
    warning(`Docker images not saved: ${messageOf(error2)}`);
  }
  const outcome = getState(STATE.outcome);
  if (outcome === "") {
    info("seamwatch: the main step did not run the suite; nothing to do after the job.");
    return;
  }
  info(
    `seamwatch: the suite finished with outcome ${outcome}; report: ${getState(STATE.reportPath)}`
  );
}

// action/main-or-post.ts
async function runMainOrPost(exitWhenDone) {
  const isPost = getState(STATE.isPost) === "true";
  if (!isPost) saveState(STATE.isPost, "true");
  await (isPost ? run2() : run());
  if (exitWhenDone) process.exit();
}

// action/index.ts
runMainOrPost(true);
