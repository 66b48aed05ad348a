import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getState,
  info,
  saveState,
  setOutput,
  summary,
  warning
} from "./chunk-Z54VKEA3.js";

// action/errors.ts
function messageOf(cause) {
  return cause instanceof Error ? cause.message : String(cause);
}

// action/outputs.ts
import { tmpdir } from "node:os";
import { join } from "node:path";
var OUTPUT = {
  outcome: "outcome",
  attempts: "attempts",
  infraRetries: "infra-retries",
  tests: "tests",
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  flaky: "flaky",
  durationMs: "duration-ms",
  reportPath: "report-path",
  imagesRestored: "images-restored",
  imageCacheHit: "image-cache-hit"
};
var SAVE_STEP_OUTPUT = {
  imagesSaved: "images-saved"
};
var STATE = {
  /** Set as soon as the main step starts: the same bundle runs as post when it is there. */
  isPost: "isPost",
  outcome: "outcome",
  reportPath: "reportPath",
  /** The image cache's settings and what the restore did, as JSON (`ImageCacheHandover`). */
  imageCache: "imageCache"
};
function outputValues(run, details) {
  return {
    [OUTPUT.outcome]: run.outcome,
    [OUTPUT.attempts]: String(run.attempts.length),
    [OUTPUT.infraRetries]: String(run.attempts.filter((attempt) => attempt.retried).length),
    [OUTPUT.tests]: String(run.totals.tests),
    [OUTPUT.passed]: String(run.totals.passed),
    [OUTPUT.failed]: String(run.totals.failed),
    [OUTPUT.skipped]: String(run.totals.skipped),
    [OUTPUT.flaky]: String(run.totals.flaky),
    [OUTPUT.durationMs]: String(Math.round(details.durationMs)),
    [OUTPUT.reportPath]: details.reportPath
  };
}
function setOutputs(values) {
  for (const [name, value] of Object.entries(values)) setOutput(name, value);
}
function reportPathFor(env) {
  const step = (env.GITHUB_ACTION || "seamwatch").replace(/[^\w.-]+/g, "_");
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch", `${step}.json`);
}

// action/image-cache.ts
import { randomUUID } from "node:crypto";
import { readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join4 } from "node:path";

// core/images/keys.ts
import { createHash } from "node:crypto";
var MAX_KEY_LENGTH = 512;
var ID_DIGITS = 16;
var REFERENCE_HASH_DIGITS = 8;
var MAX_PREFIX_LENGTH = 200;
var CacheKeyError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "CacheKeyError";
  }
};
function defaultKeyPrefix({ platform, arch }) {
  return `seamwatch-images-${platform}-${arch}`;
}
function checkKeyPrefix(prefix) {
  if (prefix.length === 0) throw new CacheKeyError("the cache key prefix is empty");
  if (prefix.includes(",")) throw new CacheKeyError(`the cache key prefix contains a comma: "${prefix}"`);
  if (prefix.length > MAX_PREFIX_LENGTH) {
    throw new CacheKeyError(
      `the cache key prefix is ${prefix.length} characters long, at most ${MAX_PREFIX_LENGTH} allowed`
    );
  }
  return prefix;
}
function imageCacheKey({
  prefix,
  reference,
  imageId: imageId2
}) {
  checkKeyPrefix(prefix);
  if (reference.length === 0) throw new CacheKeyError("an image reference is empty");
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/.exec(imageId2)?.[1];
  if (!hex) throw new CacheKeyError(`"${imageId2}" is not an image ID (sha256:<64 hex digits>)`);
  const referenceHash = sha256(reference).slice(0, REFERENCE_HASH_DIGITS);
  const tail = `-${referenceHash}-${hex.slice(0, ID_DIGITS)}`;
  const head = `${prefix}-img-`;
  const readable = sanitise(reference).slice(0, MAX_KEY_LENGTH - head.length - tail.length);
  return `${head}${readable}${tail}`;
}
function indexKey(prefix) {
  return `${checkKeyPrefix(prefix)}-index-`;
}
function indexEntryKey(prefix, contentDigest) {
  return `${indexKey(prefix)}${contentDigest.slice(0, ID_DIGITS)}`;
}
function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}
function sanitise(reference) {
  return reference.toLowerCase().replace(/[^a-z0-9._]+/g, "-").replace(/^-+|-+$/g, "");
}

// core/images/model.ts
var IMAGE_INDEX_VERSION = 1;
var saveModes = ["auto", "listed", "off"];
function parseImageIndex(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== IMAGE_INDEX_VERSION || !Array.isArray(value.images)) return null;
  const images = [];
  for (const item of value.images) {
    if (!isRecord(item) || typeof item.reference !== "string" || typeof item.id !== "string" || typeof item.key !== "string" || typeof item.sizeBytes !== "number" || item.pullSeconds !== void 0 && typeof item.pullSeconds !== "number") {
      return null;
    }
    const { reference, id, key, sizeBytes, pullSeconds } = item;
    images.push({ reference, id, key, sizeBytes, ...pullSeconds === void 0 ? {} : { pullSeconds } });
  }
  return { version: IMAGE_INDEX_VERSION, images };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function formatBytes(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

// core/images/plan.ts
function planRestore({
  listed,
  indexed,
  local
}) {
  const localIds = new Map(local.map((image) => [image.reference, image.id]));
  const byReference = new Map(indexed.map((image) => [image.reference, image]));
  const references = unique([...listed, ...indexed.map((image) => image.reference)]);
  const restore = [];
  const present = [];
  const unknown = [];
  for (const reference of references) {
    const cached = byReference.get(reference);
    const localId = localIds.get(reference);
    if (cached) {
      if (localId === cached.id) present.push(reference);
      else restore.push(cached);
    } else if (localId !== void 0) {
      present.push(reference);
    } else {
      unknown.push(reference);
    }
  }
  return { restore, present, unknown };
}
function planSave(facts) {
  if (facts.mode === "off") return { save: [], skipped: [], notices: [], index: null };
  const afterByReference = new Map(facts.after.map((image) => [image.reference, image]));
  const skipped = [];
  for (const reference of unique(facts.listed)) {
    if (isPinnedByDigest(reference)) {
      skipped.push({
        reference,
        image: null,
        reason: "pinned-by-digest",
        message: `${reference} is pinned by digest, which \`docker load\` cannot restore: it is pulled each job, not cached`
      });
    } else if (!afterByReference.has(reference)) {
      skipped.push({
        reference,
        image: null,
        reason: "not-present",
        message: `${reference} is listed but not in the Docker engine at the end of the job`
      });
    }
  }
  const candidates = candidateImages(facts, afterByReference).map((image) => {
    const pullSeconds = pullSecondsOf(image, facts);
    return {
      ...image,
      key: imageCacheKey({ ...image, prefix: facts.prefix, imageId: image.id }),
      ...pullSeconds === void 0 ? {} : { pullSeconds }
    };
  });
  const restoredIds = new Map(facts.restored.map((image) => [image.reference, image.id]));
  const existing = new Set(facts.existingKeys);
  const cached = [];
  const toSave = [];
  for (const image of candidates) {
    if (restoredIds.get(image.reference) === image.id) {
      cached.push(image);
      skipped.push(skip(image, "unchanged", `${image.reference} is unchanged since it was restored`));
    } else if (existing.has(image.key)) {
      cached.push(image);
      skipped.push(skip(image, "key-exists", `${image.reference} is already cached as ${image.key}`));
    } else if (facts.readOnly) {
      skipped.push(skip(image, "read-only", `${image.reference} not saved: the cache is read-only here`));
    } else {
      toSave.push(image);
    }
  }
  if (facts.readOnly) return { save: [], skipped, notices: [], index: null };
  const { kept, dropped, notice } = fitUnderCap([...cached, ...toSave], facts.maxBytes);
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const decided = skipped.filter((entry) => !(entry.image && droppedKeys.has(entry.image.key)));
  for (const image of dropped) {
    decided.push(
      skip(
        image,
        "over-size-cap",
        `${image.reference} (${formatBytes(image.sizeBytes)}) is over the size cap`
      )
    );
  }
  const keptKeys = new Set(kept.map((image) => image.key));
  const save = toSave.filter((image) => keptKeys.has(image.key));
  const index = planIndex(facts.prefix, kept, existing);
  return { save, skipped: decided, notices: notice ? [notice] : [], index };
}
function planIndex(prefix, images, existingKeys = /* @__PURE__ */ new Set()) {
  const sorted = [...images].map(({ reference, id, key: key2, sizeBytes, pullSeconds }) => ({
    reference,
    id,
    key: key2,
    sizeBytes,
    ...pullSeconds === void 0 ? {} : { pullSeconds }
  })).sort((a, b) => a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
  const index = { version: IMAGE_INDEX_VERSION, images: sorted };
  const key = indexEntryKey(prefix, sha256(JSON.stringify(index)));
  return { key, index, exists: existingKeys.has(key) };
}
function pullSecondsOf(image, facts) {
  const pulled = facts.pulled.find((entry) => entry.reference === image.reference);
  if (pulled) return pulled.seconds;
  return facts.indexed.find((entry) => entry.reference === image.reference && entry.id === image.id)?.pullSeconds;
}
function candidateImages(facts, after) {
  const listed = new Set(facts.listed);
  if (facts.mode === "listed") return facts.after.filter((image) => listed.has(image.reference));
  const beforeIds = new Map(facts.before.map((image) => [image.reference, image.id]));
  const indexedIds = new Map(facts.indexed.map((image) => [image.reference, image.id]));
  return [...after.values()].filter(
    (image) => listed.has(image.reference) || beforeIds.get(image.reference) !== image.id || indexedIds.get(image.reference) === image.id
  );
}
function fitUnderCap(images, maxBytes) {
  const total = images.reduce((sum, image) => sum + image.sizeBytes, 0);
  if (maxBytes === null || total <= maxBytes) return { kept: [...images], dropped: [], notice: null };
  const bySize = [...images].sort(
    (a, b) => b.sizeBytes - a.sizeBytes || (a.reference < b.reference ? -1 : 1)
  );
  const dropped = [];
  let remaining = total;
  for (const image of bySize) {
    if (remaining <= maxBytes) break;
    dropped.push(image);
    remaining -= image.sizeBytes;
  }
  const droppedKeys = new Set(dropped.map((image) => image.key));
  const notice = `The images to cache come to ${formatBytes(total)}, over cache-max-gb (${formatBytes(maxBytes)}): not caching the largest, ${dropped.map((image) => `${image.reference} (${formatBytes(image.sizeBytes)})`).join(", ")}.`;
  return { kept: images.filter((image) => !droppedKeys.has(image.key)), dropped, notice };
}
function skip(image, reason, message) {
  return { reference: image.reference, image, reason, message };
}
function isPinnedByDigest(reference) {
  return reference.includes("@");
}
function unique(values) {
  return [...new Set(values)];
}

// action/docker-images.ts
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";
import { performance as performance2 } from "node:perf_hooks";

// action/docker-cli.ts
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { setTimeout as realSleep } from "node:timers/promises";

// core/junit/model.ts
var emptyCounts = Object.freeze({
  tests: 0,
  passed: 0,
  failed: 0,
  errored: 0,
  skipped: 0,
  flaky: 0,
  durationMs: 0
});
function addCounts(a, b) {
  return Object.freeze({
    tests: a.tests + b.tests,
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    errored: a.errored + b.errored,
    skipped: a.skipped + b.skipped,
    flaky: a.flaky + b.flaky,
    durationMs: a.durationMs + b.durationMs
  });
}
function testCasesOf(file) {
  return file.suites.flatMap((suite) => suite.testCases);
}
function formatSuitePath(path) {
  return path.join(" \u203A ");
}

// core/classify/rules.ts
function rows(list) {
  return Object.freeze(
    list.map(
      (row) => Object.freeze({ ...row, condition: row.condition ?? null, source: "builtin" })
    )
  );
}
var builtinTestRules = rows([
  {
    id: "assertion-error",
    kind: "test",
    // AssertionError (chai, node:assert, Python, JUnit 4, Hamcrest), opentest4j/JUnit 5 AssertionFailedError,
    // ComparisonFailure, MultipleFailuresError; pytest prefixes its lines with `E`.
    pattern: /^\s*(?:E\s+|Caused by:\s+|Uncaught\s+(?:Error:\s+)?)?(?:[\w$]+\.)*(?:AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError)\b/,
    appliesTo: "both",
    description: "an assertion failed in the test"
  },
  {
    id: "pytest-assert",
    kind: "test",
    pattern: /^\s*E\s+(?:assert\s|Failed: DID NOT RAISE\b)|\bFailed: DID NOT RAISE\b/,
    appliesTo: "both",
    description: "a pytest assertion failed"
  },
  {
    id: "jest-matcher",
    kind: "test",
    // jest's matcher hint: `expect(received).rejects.toThrow(expected)`, `expect(jest.fn()).toHaveBeenCalled()`.
    pattern: /\bexpect\((?:received|jest\.fn\(\)|spy|function|value)\)\.(?:(?:not|resolves|rejects)\.)*to[A-Z]\w*\(/,
    appliesTo: "both",
    description: "a jest/vitest expectation failed"
  },
  {
    id: "chai-expectation",
    kind: "test",
    pattern: /\bexpected .+ to (?:(?:not|deeply|strictly|be|have|deep|own|nested|include|contain)\s)*(?:equal|eql|be|include|contain|have|match|throw|satisfy|exist|deep)\b/,
    appliesTo: "both",
    description: "a chai/vitest expectation failed"
  },
  {
    id: "expected-but-was",
    kind: "test",
    // JUnit 4/5 `expected: <a> but was: <b>`; Hamcrest `Expected: ... but: was`; AssertJ `Expecting actual:`.
    pattern: /\bexpected:\s*<.*>\s*but was:\s*<|^\s*but: was\b|^\s*Expecting (?:actual|value|empty|map|code)\b/,
    appliesTo: "both",
    description: "an assertion compared an expected value with the actual one"
  },
  {
    id: "testify-comparison",
    kind: "test",
    // testify assertions that compare values. `Received unexpected error:` is deliberately absent: that is
    // `require.NoError` carrying whatever error happened, and the carried error decides.
    pattern: /^\s*Error:\s+(?:Not equal:|Should (?:be|not be|contain|have|NOT)\b|"[^"]*" does not contain\b|Expected nil, but got:|An error is expected but got nil|Error message not equal:|Elements should be the same)/,
    appliesTo: "both",
    description: "a testify assertion failed"
  },
  {
    id: "go-got-want",
    kind: "test",
    pattern: /\bgot\b.*\bwant(?:ed)?\b/,
    appliesTo: "failure",
    description: "a Go test reported got/want"
  },
  {
    id: "missing-table",
    kind: "test",
    // Postgres, SQLite, MySQL, SQL Server, Oracle: the schema the test expects is not there, which is a
    // migration or fixture bug in the project, not a flaky environment. Quotes may arrive JSON-escaped.
    pattern: /\brelation \\?"[^"\\]+\\?" does not exist|\bno such table: |\bTable '[^']+' doesn't exist|\bER_NO_SUCH_TABLE\b|\bInvalid object name '|\bORA-00942\b/,
    appliesTo: "both",
    description: "a table the test uses does not exist (migration not applied?)"
  },
  {
    id: "missing-database",
    kind: "test",
    // Postgres `database "x" does not exist`, MySQL `Unknown database 'x'`: the suite's own set-up never
    // created it, and a retry will not either.
    pattern: /\bdatabase \\?"[^"\\]+\\?" does not exist\b|\bUnknown database '[^']+'|\bER_BAD_DB_ERROR\b/,
    appliesTo: "both",
    description: "a database the test uses does not exist (created by the suite's set-up?)"
  },
  {
    id: "missing-column",
    kind: "test",
    pattern: /\bcolumn \\?"[^"\\]+\\?"(?: of relation \\?"[^"\\]+\\?")? does not exist|\bno such column: |\bUnknown column '[^']+'/,
    appliesTo: "both",
    description: "a column the test uses does not exist"
  },
  {
    id: "constraint-violation",
    kind: "test",
    pattern: /\bduplicate key value violates unique constraint\b|\bUNIQUE constraint failed\b|\bviolates (?:foreign key|not-null|check) constraint\b|\bDuplicate entry '.*' for key\b/,
    appliesTo: "both",
    description: "the data the test wrote broke a database constraint"
  },
  {
    id: "sql-syntax-error",
    kind: "test",
    pattern: /\bsyntax error at or near\b|\bYou have an error in your SQL syntax\b/,
    appliesTo: "both",
    description: "a SQL statement has a syntax error"
  },
  {
    // Decision (issue 10, §4): a container that exited on its own while a wait strategy or compose waited
    // for it will never become ready; the cause is its image, command or settings, and a retry only wastes
    // minutes. 137 (SIGKILL, usually the OOM killer) and 143 (SIGTERM, stopped from outside) are not the
    // container's own doing and are left to the infra rules.
    id: "container-exited",
    kind: "test",
    pattern: /\b[Cc]ontainer (?:\S+ )?exited with code (?!13[07]\b|143\b)\d+|^\s*(?!(?:[Pp]rocess|[Cc]ommand|[Pp]rogram|[Ss]cript|[Tt]ask|[Jj]ob|[Ss]tep)\b)[\w.-]+ exited with code (?!0\b|13[07]\b|143\b)\d+|\bdependency failed to start: container \S+ exited \((?!0\)|13[07]\)|143\))\d+\)/,
    appliesTo: "both",
    description: "the container exited on its own before it was ready (see the exit code): it will never become ready, so a retry only wastes time; its log says why"
  },
  {
    // The official images refuse to start without their required settings and say so in their log, which
    // Testcontainers and compose print. Retrying cannot supply a missing environment variable.
    id: "container-misconfigured",
    kind: "test",
    pattern: /\bDatabase is uninitialized and (?:superuser )?password(?: option)? is not specified\b|\bdatabase is uninitialized and MYSQL_ROOT_PASSWORD not set\b|\bYou must specify POSTGRES_PASSWORD\b|\bYou need to specify one of (?:the following|MYSQL_ROOT_PASSWORD)\b|\bEnd-User License Agreement \(EULA\) must be accepted\b|\bACCEPT_EULA\b.*\b(?:must|required|not set)\b/i,
    appliesTo: "both",
    description: "the container's log shows a configuration error (a required setting such as a password is missing): it will never become ready, so it is not retried"
  },
  {
    // Decision: a heap limit hit inside the test process is the program's own memory budget (V8's
    // --max-old-space-size, the JVM's -Xmx), not the machine running out. The same code hits it again on a
    // retry, so it is reported, never retried. The kernel OOM killer (exit 137) is the machine: see infra.
    id: "heap-out-of-memory",
    kind: "test",
    pattern: /\bJavaScript heap out of memory\b|\bjava\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded|Metaspace)\b/,
    appliesTo: "both",
    description: "the test process exceeded its own heap limit (not retried: it will happen again)"
  }
]);
var builtinInfraRules = rows([
  {
    id: "docker-daemon-unreachable",
    kind: "infra",
    // The Docker socket missing or refusing, as the Docker CLI, docker-compose, docker-py (its unix/npipe
    // transport's `connect` frame, where Python's FileNotFoundError is raised) and docker-java (its
    // domain-socket frames) word it when they give up.
    pattern: /\bCannot connect to the Docker daemon\b|\bIs (?:the|your) docker daemon (?:up and )?running\?|\bCouldn't connect to Docker daemon\b|\berror during connect:|\bpermission denied while trying to connect to the Docker daemon socket\b|\bError while fetching server API version\b|[/\\]?\bdocker[/\\]transport[/\\](?:unixconn|npipeconn|npipesocket|sshconn)\.py(?:", line \d+, in |:\d+: in )connect\b|\bat (?:com\.github\.dockerjava\.transport\.(?:DomainSocket|LinuxDomainSocket|UnixSocket)\b|org\.testcontainers\.shaded\.org\.scalasbt\.ipcsocket\.UnixDomainSocket\b|org\.testcontainers\.dockerclient\.transport\.okhttp\.UnixSocketFactory\b)|\bAFUNIXSocketException: (?:No such file or directory|Connection refused)\b/i,
    appliesTo: "both",
    description: "the Docker daemon could not be reached"
  },
  {
    id: "testcontainers-no-docker",
    kind: "infra",
    // Java, Node, Go (rootless probe / provider) phrasings.
    pattern: /\bCould not find a valid Docker environment\b|\bCould not find a working container runtime strategy\b|\bNo Docker client strategy found\b|\bDocker is either not running or misconfigured\b|\brootless Docker not found\b|\bfailed to create Docker provider\b/,
    appliesTo: "both",
    description: "Testcontainers found no usable Docker environment"
  },
  {
    id: "docker-socket-unreachable",
    kind: "infra",
    // The socket itself refusing or missing, as dockerode/testcontainers-node (`connect ENOENT
    // /var/run/docker.sock`), the Go client (`dial unix ... connect:`) and Testcontainers' strategy probes
    // word it. Testcontainers logs these while it tries one socket after another and may then succeed.
    pattern: /\bdial unix \S*docker\.sock: connect: |\bconnect (?:ENOENT|EACCES|ECONNREFUSED) \S*docker\.sock\b|\bDocker daemon is not reachable\b|\bDOCKER_HOST \S+ is not listening\b|\bCould not find unix domain socket\b/,
    appliesTo: "both",
    condition: "before-tests-in-output",
    description: "the Docker socket is missing or refused the connection"
  },
  {
    id: "registry-rate-limit",
    kind: "infra",
    // Docker's containerd image store checks a manifest with HEAD, which has no body to say
    // `toomanyrequests`: only the status line names the limit.
    pattern: /\btoomanyrequests\b|\bYou have reached your pull rate limit\b|\bunexpected status from (?:HEAD|GET) request to \S+: 429 Too Many Requests\b/i,
    appliesTo: "both",
    description: "the image registry rate-limited the pull"
  },
  {
    id: "registry-auth-failed",
    kind: "infra",
    // Registry credentials missing or expired: ECR's `no basic auth credentials`, its expired token, GHCR's
    // `denied: denied` for a stale login, Docker Hub's expired access token, docker-java's 500 carrying the
    // registry's `unauthorized`. Always on a registry path (`/v2/`) or in a registry's own words.
    pattern: /\bno basic auth credentials\b|\/v2\/\S*"?: (?:unauthorized|denied)\b|\bunauthorized: (?:authentication required|incorrect username or password|unauthenticated\b|personal access token is expired)|\bauthorization token has expired\b|\berror from registry: unauthorized\b|\bPull failed due to an unauthenticated request\b|\bfailed to (?:authorize: failed to )?fetch (?:oauth|anonymous) token\b|\berror getting credentials - err\b/i,
    appliesTo: "both",
    description: "the image registry refused the credentials (missing or expired login)"
  },
  {
    id: "registry-unreachable",
    kind: "infra",
    // Any call to a registry's /v2/ API that failed on the network, as printed by the Docker CLI, compose,
    // docker-java and Kitematic-style wrappers, quoted or not.
    pattern: /\bhttps?:\/\/[^\s"\\]*\/v2\/[^\s"\\]*\\?"?: (?:net\/http|dial tcp|read tcp|EOF\b|context deadline exceeded|proxyconnect|remote error|x509|i\/o timeout)|\bError response from daemon: .*\brequest canceled\b/,
    appliesTo: "both",
    description: "the image registry could not be reached"
  },
  {
    id: "image-not-found",
    kind: "infra",
    // Listed as infrastructure by the spec: a registry glitch and a typo look the same from here. A typo
    // is retried up to the limit and then reported as an infra failure naming this line.
    pattern: /\bmanifest unknown\b|\bmanifest for \S+ not found\b|\bfailed to resolve reference "[^"]+": \S+: not found\b|\bpull access denied for\b|\brepository does not exist or may require 'docker login'|\bContainerFetchException\b|\bCan't get Docker image\b|\bFailed to pull image\b/i,
    appliesTo: "both",
    description: "the image could not be pulled"
  },
  {
    id: "container-never-ready",
    kind: "infra",
    // A container whose port, log line or health check never showed up: Java, Node, Python, Go phrasings.
    pattern: /\bTimed out waiting for container port to open\b|\bPort \d+ not bound after \d+ ?ms\b|\bwhile waiting for container ports to be bound\b|\bTimed out waiting for log output matching\b|\bLog message .* not received after \d+ ?ms\b|\bHealth check not healthy after \d+ ?ms\b|\bContainer did not emit logs satisfying predicate\b|\bWait time \(\d+(?:\.\d+)?s\) exceeded for\b|\bhost port waiting failed\b|\bwait until ready:|\bdependency failed to start: container \S+ (?:is unhealthy|exited)/,
    appliesTo: "both",
    description: "a container never became ready (its port never opened)"
  },
  {
    id: "container-startup-failed",
    kind: "infra",
    pattern: /\bContainer startup failed\b|\bCould not (?:create\/)?start container\b|\bWait strategy failed\b|\bContainerLaunchException\b|\bfailed to start container\b|\bcreating reaper failed\b|\bCan not connect to Ryuk\b/i,
    appliesTo: "both",
    description: "a Testcontainers container failed to start"
  },
  {
    id: "docker-port-allocated",
    kind: "infra",
    pattern: /\bport is already allocated\b|\bError starting userland proxy\b|\bfailed to bind port \S+ .*address already in use/,
    appliesTo: "both",
    description: "Docker could not publish a port another process already holds"
  },
  {
    id: "docker-daemon-error",
    kind: "infra",
    pattern: /\bError response from daemon: .*(?:failed to create shim|OCI runtime (?:create|exec) failed|driver failed programming external connectivity|No such container|failed to set up container networking|Internal Server Error)/,
    appliesTo: "both",
    description: "the Docker daemon failed an operation"
  },
  {
    id: "disk-full",
    kind: "infra",
    pattern: /\bno space left on device\b|\bENOSPC\b|\bThere is not enough space on the disk\b|\bYou are running out of disk space\b/i,
    appliesTo: "both",
    description: "the runner's disk is full"
  },
  {
    id: "oom-killed",
    kind: "infra",
    pattern: /\bOOMKilled\b|\bOut of memory: Killed process\b|\bexit(?:ed with)? code:? 137\b|\bsignal:? '?SIGKILL\b/i,
    appliesTo: "both",
    description: "a process was killed for lack of memory (exit 137)"
  },
  {
    id: "process-killed",
    kind: "infra",
    // `Killed` as bash and make print it when a child dies of SIGKILL, never the word inside a sentence.
    pattern: /(?:^|\s)Killed(?:\s*$|\s{2,}\S)|\bError 137\b/,
    appliesTo: "output",
    description: "the command was killed (usually the kernel OOM killer)"
  },
  {
    id: "runner-lost",
    kind: "infra",
    pattern: /\bThe runner has received a shutdown signal\b|\blost communication with the server\b/,
    appliesTo: "both",
    description: "the CI runner shut down or lost its connection"
  },
  {
    id: "github-rate-limit",
    kind: "infra",
    // GitHub's primary limit (`API rate limit exceeded for <ip | installation ID n | user ID n>`) and its
    // secondary, anti-abuse limits, as octokit, PyGithub and the REST body word them. The service's words,
    // not a generic `rate limit` that a test of the project's own limiter would print.
    pattern: /\bAPI rate limit exceeded for\b|\bexceeded a secondary rate limit\b|\babuse detection mechanism\b|\bRateLimitExceededException\b/i,
    appliesTo: "both",
    description: "the GitHub API rate-limited the run (primary or secondary limit)"
  },
  {
    id: "service-starting-up",
    kind: "infra",
    // The server answered, but is not ready yet: PostgreSQL (libpq, asyncpg, pg, JDBC), Oracle, Redis
    // loading its dataset. Outside a test's body only: a test that restarts a server provokes the same.
    pattern: /\bthe database system is (?:starting up|not yet accepting connections)\b|\bCannotConnectNowError\b|\bORA-01033\b|\bLOADING Redis is loading the dataset in memory\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service was still starting up when the fixtures connected to it"
  },
  {
    id: "broker-unavailable",
    kind: "infra",
    // Kafka brokers not reachable or without partition leaders yet (Java client, kafkajs, kafka-node,
    // ruby-kafka, pykafka). The Java client logs these as warnings while it retries, so only before any
    // test ran, like every network rule.
    pattern: /\bBroker may not be available\b|\bBootstrap broker \S+ \(id: -?\d+ rack: \S+\) disconnected\b|\bLEADER_NOT_AVAILABLE\b|\bLeaderNotAvailable(?:Exception|Error)?\b|\bThere is no leader for this topic-partition\b|\bBrokerNotAvailableError\b|\bKafkaJSNumberOfRetriesExceeded\b|\bTimeout expired while fetching topic metadata\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "the message broker was not available (still starting, or no partition leader yet)"
  },
  {
    id: "service-retries-exhausted",
    kind: "infra",
    // A client that gave up after its own retries (ioredis) never reached its server.
    pattern: /\bMaxRetriesPerRequestError\b|\bReached the max retries per request limit\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a client gave up reaching its service after its retries, before any test ran"
  },
  {
    id: "dependency-download-failed",
    kind: "infra",
    // A package download inside the test command that failed on the network or on the repository's side
    // (5xx, 429): Maven, Gradle, npm, yarn, pnpm, pip, Go modules, cargo, apt. A 401/403/404 is a
    // configuration or a missing version and is left alone. Also printed on retries that later succeed,
    // hence only before any test ran.
    pattern: /^(?!.*\b(?:401|403|404|Unauthorized|Not authorized|Forbidden|Not Found|offline mode)\b).*\bCould not transfer (?:artifact|metadata)\b|\bCould not (?:GET|HEAD) '[^']+'\.(?: Received status code (?:429|5\d\d)\b|\s*$)|\bnpm (?:ERR!|error) (?:network\b|code (?:ECONNRESET|ETIMEDOUT|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ESOCKETTIMEDOUT|EPIPE|E429|E50[0234])\b|fetch failed https?:)|^\s*\d+ error network\b|\bnpm WARN retry will retry\b|\bThere appears to be trouble with your network connection\b|\bERR_PNPM_META_FETCH_FAIL\b|^\s*WARNING: Retrying \(Retry\(total=\d+|\bpip\._vendor\.urllib3\.exceptions\.(?:ReadTimeoutError|ProtocolError|NewConnectionError|MaxRetryError)\b|\bCould not install packages due to an (?:OSError|EnvironmentError): HTTPSConnectionPool\b|^\s*go: .*\b(?:Get|reading) "?https?:\/\/\S+"?: (?:dial tcp|read tcp|net\/http|EOF\b|unexpected EOF|TLS handshake timeout|(?:429|50[0234]) )|\bunrecognized import path "[^"]+" \(https fetch: Get \S+: dial tcp\b|\bwarning: spurious network error\b|\berror: failed to download from `https?:|^E: Failed to fetch https?:\/\/\S+ .*(?:Could not connect|Connection failed|Temporary failure resolving|Connection timed out|50[0234]\b)/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a dependency download failed on the network or at the package repository"
  },
  {
    id: "service-connection-refused",
    kind: "infra",
    // Client-specific wordings for "the service was not there": node net, Go net, psycopg2/psycopg 3,
    // redis-py, Jedis, Lettuce, node-redis, kafkajs, node-postgres, JDBC (Postgres, MySQL Connector/J's
    // communications link failure), the mysql CLI, urllib3, Mongo, Windows, unreachable hosts/networks.
    pattern: /\bECONNREFUSED\b|\bconnection refused\b|\bConnection to \S+ refused\b|\bcould not connect to server\b|\bredis\.exceptions\.ConnectionError\b|\bError \d+ connecting to \S+\b|\bKafkaJSConnectionError\b|\bFailed to connect to seed broker\b|\bMongoServerSelectionError\b|\bactively refused\b|\bCommunications link failure\b|\bCould not open JDBC Connection\b|\bUnable to acquire JDBC Connection\b|\bCan't connect to MySQL server on\b|\bLost connection to MySQL server at 'reading initial communication packet'|\bJedisConnectionException: (?:Failed to connect|Could not get a resource)\b|\bRedisConnectionException: Unable to connect to\b|\bUnable to connect to Redis\b|\bRedis connection to \S+ failed\b|\bFailed to establish a new connection\b|\bEHOSTUNREACH\b|\bENETUNREACH\b|\bNo route to host\b|\bNetwork is unreachable\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service refused the connection before any test ran"
  },
  {
    id: "service-connection-reset",
    kind: "infra",
    pattern: /\bECONNRESET\b|\bconnection reset by peer\b|\bsocket hang up\b|\bConnection terminated unexpectedly\b|\bserver closed the connection unexpectedly\b|\bEPIPE\b|\bbroken pipe\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a service dropped the connection before any test ran"
  },
  {
    id: "service-connection-timeout",
    kind: "infra",
    pattern: /\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|\bconnection timed out\b|\bi\/o timeout\b|\bConnectTimeoutException\b|\bSocketTimeoutException: connect timed out\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a connection to a service timed out before any test ran"
  },
  {
    id: "dns-failure",
    kind: "infra",
    pattern: /\bENOTFOUND\b|\bEAI_AGAIN\b|\bTemporary failure in name resolution\b|\bName or service not known\b|\bno such host\b|\bnodename nor servname provided\b|\bUnknownHostException\b|\bCould not resolve host\b|\bcould not translate host name\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a host name could not be resolved before any test ran"
  },
  {
    id: "tls-handshake-timeout",
    kind: "infra",
    pattern: /\bTLS handshake timeout\b/,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a TLS handshake timed out before any test ran"
  },
  {
    id: "port-in-use",
    kind: "infra",
    pattern: /\bEADDRINUSE\b|\baddress already in use\b/i,
    appliesTo: "both",
    condition: "outside-test-body",
    description: "a port was already taken when the fixtures started"
  }
]);
var builtinRules = Object.freeze([...builtinTestRules, ...builtinInfraRules]);
var connectionRuleIds = /* @__PURE__ */ new Set([
  "service-connection-refused",
  "service-connection-reset",
  "service-connection-timeout",
  "service-starting-up",
  "broker-unavailable",
  "service-retries-exhausted"
]);
var count = (match, group) => Number(match[group] ?? 0);
var testsRanMarkers = Object.freeze([
  // jest `Tests:       1 failed, 4 passed, 5 total`, vitest `Tests  1 failed | 4 passed (5)`
  { runner: "jest/vitest", pattern: /^\s*Tests:?\s+.*\b[1-9]\d* (?:passed|failed)\b/ },
  // jest/vitest/mocha spec reporters list passing tests with a check mark
  { runner: "jest/vitest/mocha", pattern: /^\s*(?:✓|✔|√)\s+\S/ },
  // pytest `1 failed, 2 passed in 0.50s` and its short summary `FAILED tests/x.py::test_a - ...`
  { runner: "pytest", pattern: /\b[1-9]\d* (?:passed|failed)(?:, \d+ \w+)* in [\d.]+s\b/ },
  { runner: "pytest", pattern: /^FAILED \S+::\S+/ },
  { runner: "mocha", pattern: /^\s*[1-9]\d* passing\b/ },
  // TAP (node:test, tape, Perl's Test::More): results and counts
  { runner: "TAP", pattern: /^\s*(?:not )?ok \d+\b/ },
  { runner: "TAP", pattern: /^#\s*(?:pass|fail)\s+[1-9]\d*\s*$/ },
  { runner: "TAP", pattern: /^#\s*failed \d+ of \d+/ },
  { runner: "TAP", pattern: /^#\s*Looks like you failed \d+ tests? of \d+/ },
  // surefire/failsafe `Tests run: 5, Failures: 1, Errors: 0, Skipped: 0`: a failure, or a test that
  // neither errored nor was skipped
  {
    runner: "surefire",
    pattern: /\bTests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/,
    ran: (m) => count(m, 2) > 0 || count(m, 1) - count(m, 2) - count(m, 3) - count(m, 4) > 0
  },
  { runner: "Gradle", pattern: /\b[1-9]\d* tests? completed\b/ },
  // go test -v results, and a package that passed
  { runner: "go test", pattern: /^\s*--- (?:PASS|FAIL): / },
  { runner: "go test", pattern: /^ok\s+\S+\s+(?:[\d.]+s|\(cached\))/ },
  // RSpec `5 examples, 1 failure` and its rerun list `rspec ./spec/x_spec.rb:12 # ...`
  { runner: "RSpec", pattern: /^\s*[1-9]\d* examples?, \d+ failures?/ },
  { runner: "RSpec", pattern: /^rspec \.\/\S+:\d+ # / },
  // PHPUnit `OK (5 tests, 9 assertions)`, `Tests: 5, Assertions: 3, Failures: 1.`
  { runner: "PHPUnit", pattern: /^OK \([1-9]\d* tests?, \d+ assertions?\)/ },
  {
    runner: "PHPUnit",
    pattern: /^Tests: \d+, Assertions: (\d+)(?:.*\bFailures: (\d+))?/,
    ran: (m) => count(m, 1) > 0 || count(m, 2) > 0
  },
  { runner: "PHPUnit", pattern: /^There (?:was|were) \d+ failures?:/ },
  // cargo test `test result: FAILED. 3 passed; 1 failed; ...` and `test foo ... ok`
  {
    runner: "cargo test",
    pattern: /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed/,
    ran: (m) => count(m, 1) + count(m, 2) > 0
  },
  { runner: "cargo test", pattern: /^test \S+ \.\.\. (?:ok|FAILED)\s*$/ },
  // dotnet test `Failed!  - Failed:     1, Passed:     4, ...`
  {
    runner: "dotnet test",
    pattern: /\b(?:Failed|Passed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+)/,
    ran: (m) => count(m, 1) + count(m, 2) > 0
  }
]);
var mochaFailureEntry = /^\s*\d+\) \S/;
var hookName = /"(?:before|after) (?:all|each)" hook\b|\b(?:before|after)(?:All|Each)\b hook\b/;
var setupMarkers = Object.freeze([
  /"before (?:all|each)" hook/,
  /\binvokeBefore(?:All|Each)(?:Methods|Callbacks)\b/,
  // JUnit 4 @Before/@BeforeClass and Testcontainers' @ClassRule/@Rule
  /\bRunBefores\.(?:evaluate|invokeMethod)\b/,
  /\bFailureDetectingExternalResource\b/,
  // pytest's JUnit message for a fixture error, unittest's setUp frames, RSpec's context hooks
  /\bfailed on setup with\b/,
  /, in setUp(?:Class|Module)?\s*$/,
  /\bAn error occurred in a `before\(:(?:context|all)\)` hook\b/,
  /\bFailed to load ApplicationContext\b/,
  /\bTest suite failed to run\b/,
  /\bGot error running globalSetup\b/,
  /^\s*(?:initializationError|classMethod|executionError|setUpClass|setUpModule)\b/,
  /^ERROR at setup of /
]);
var teardownMarkers = Object.freeze([
  /"after (?:all|each)" hook/,
  /\binvokeAfter(?:All|Each)Methods\b/,
  /\bGot error running globalTeardown\b/,
  /^\s*(?:tearDownClass|tearDownModule)\b/,
  /^ERROR at teardown of /
]);

// core/classify/classify-attempt.ts
var attemptVerdicts = {
  killed: {
    rule: "killed",
    kind: "infra",
    description: "the command was killed (SIGKILL, exit 137): out of memory or stopped by the runner"
  },
  terminated: {
    rule: "terminated",
    kind: "infra",
    description: "the command was terminated from outside (SIGTERM, SIGHUP, SIGINT), not by seamwatch's timeout"
  },
  timedOut: {
    rule: "attempt-timed-out",
    kind: "test",
    description: "the command ran past the attempt timeout with no infrastructure signature in its output"
  },
  infraCommandTimedOut: {
    rule: "infra-command-timed-out",
    kind: "infra",
    description: "an infrastructure command (a docker pull) ran past its timeout: the engine or the registry is stuck"
  },
  commandFailed: {
    rule: "command-failed",
    kind: "test",
    description: "the command failed with no infrastructure signature in its output"
  },
  unrecognisedFailure: {
    rule: "unrecognised-failure",
    kind: "test",
    description: "no signature matched: treated as a genuine test failure"
  },
  failuresWithoutDetails: {
    rule: "junit-failures-without-details",
    kind: "test",
    description: "the report counts failures but carries no test cases to classify"
  },
  serviceDied: {
    rule: "service-died",
    kind: "infra",
    description: "every failed test lost its connection to the same service and none failed an assertion: the service stopped during the run"
  }
};
var KILL_SIGNALS = /* @__PURE__ */ new Set(["SIGKILL"]);
var TERMINATION_SIGNALS = /* @__PURE__ */ new Set(["SIGTERM", "SIGHUP", "SIGINT"]);
var KILL_EXIT_CODES = /* @__PURE__ */ new Set([137]);
var TERMINATION_EXIT_CODES = /* @__PURE__ */ new Set([129, 130, 143]);
var MAX_MATCHED_LINE = 1e4;
var MAX_EVIDENCE_LINE = 500;
var PHASE_SCAN_LINES = 80;
var ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, "g");
var LEADING_TIMESTAMP = /^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?|\[?\d\d:\d\d:\d\d(?:[.,]\d+)?\]?) /;
function classifyAttempt(evidence, rules = builtinRules) {
  const output = evidence.outputTail.map(cleanLine);
  const testCases = evidence.junitFiles.flatMap(testCasesOf);
  const failing = testCases.filter(isFailing);
  const testsRan = testBodiesRan(evidence.junitFiles, testCases, output);
  const failures = reclassifyServiceDeath(
    failing.map((test) => classifyTestFailure(test, rules, output)),
    rules
  );
  const uncollected = failing.length === 0 && evidence.junitFiles.some((file) => file.counts.failed + file.counts.errored > 0);
  if (failing.length > 0 || uncollected) {
    if (uncollected) failures.push(attemptFailure(attemptVerdicts.failuresWithoutDetails, "junit", null));
    const stopped = stoppedFromOutside(evidence);
    if (stopped) failures.push(stopped);
  } else if (commandFailed(evidence)) {
    failures.push(classifyCommandFailure(evidence, output, testsRan, rules));
  }
  const infraFailures = failures.filter((failure) => failure.kind === "infra");
  const testFailures = failures.filter((failure) => failure.kind === "test");
  const outcome = failures.length === 0 ? "passed" : testFailures.length > 0 ? "test-failures" : "infra-failure";
  return Object.freeze({
    outcome,
    infraFailures: Object.freeze(infraFailures),
    testFailures: Object.freeze(testFailures),
    junitFound: evidence.junitFiles.length > 0,
    testsRan
  });
}
function classifyTestFailure(test, rules = builtinRules, output = []) {
  const failure = decisiveFailure(test);
  const ref = testRef(test);
  const lines = failure ? failureLines(failure) : [];
  const phase = failure ? effectivePhase(test, failure, lines) : null;
  const outsideBody = phase === "setup" || phase === "teardown";
  const hit = firstMatch(rules, lines, "failure", outsideBody);
  const fromOutput = !hit && phase === "setup" ? firstMatch(rules, output, "output", true) : null;
  const evidence = hit ? toEvidence(hit.rule, "junit", hit.line, hit.lineNumber) : fromOutput ? toEvidence(fromOutput.rule, "output", fromOutput.line, fromOutput.lineNumber) : verdictEvidence(attemptVerdicts.unrecognisedFailure, "junit", null);
  return Object.freeze({ kind: evidence.kind, test: ref, failure, phase, evidence });
}
function classifyCommandFailure(evidence, output, testsRan, rules) {
  const hit = firstMatch(rules, output, "output", !testsRan);
  if (hit) {
    const found = toEvidence(hit.rule, "output", hit.line, hit.lineNumber);
    return Object.freeze({ kind: found.kind, test: null, failure: null, phase: null, evidence: found });
  }
  const stopped = stoppedFromOutside(evidence);
  if (stopped) return stopped;
  if (evidence.timedOut && evidence.runsUserCode === false) {
    return attemptFailure(
      attemptVerdicts.infraCommandTimedOut,
      "exit",
      `stopped at its timeout (${exitLine(evidence)})`
    );
  }
  if (evidence.timedOut) return attemptFailure(attemptVerdicts.timedOut, "exit", exitLine(evidence));
  return attemptFailure(attemptVerdicts.commandFailed, "exit", exitLine(evidence));
}
function stoppedFromOutside(evidence) {
  if (evidence.timedOut) return null;
  const { signal, exitCode } = evidence;
  if (signal && KILL_SIGNALS.has(signal) || exitCode !== null && KILL_EXIT_CODES.has(exitCode)) {
    return attemptFailure(attemptVerdicts.killed, "exit", exitLine(evidence));
  }
  if (signal && TERMINATION_SIGNALS.has(signal) || exitCode !== null && TERMINATION_EXIT_CODES.has(exitCode)) {
    return attemptFailure(attemptVerdicts.terminated, "exit", exitLine(evidence));
  }
  return null;
}
function commandFailed(evidence) {
  return evidence.timedOut || evidence.signal !== null || evidence.exitCode !== 0;
}
function exitLine(evidence) {
  if (evidence.signal) return `signal ${evidence.signal}`;
  return evidence.exitCode === null ? "no exit code" : `exit code ${evidence.exitCode}`;
}
function firstMatch(rules, lines, scope, outsideBody) {
  for (const rule of rules) {
    if (rule.appliesTo !== "both" && rule.appliesTo !== scope) continue;
    if (rule.condition === "outside-test-body" && !outsideBody) continue;
    if (rule.condition === "before-tests-in-output" && scope === "output" && !outsideBody) continue;
    const index = lines.findIndex((line2) => rule.pattern.test(line2));
    const line = lines[index];
    if (line !== void 0) return { rule, line, lineNumber: index + 1 };
  }
  return null;
}
function reclassifyServiceDeath(failures, rules) {
  if (failures.length < 2) return [...failures];
  const connectionRules = rules.filter((rule) => connectionRuleIds.has(rule.id));
  const lost = failures.map((failure) => lostConnection(failure, connectionRules));
  const endpoints = new Set(lost.map((hit) => hit?.endpoint ?? null));
  const [endpoint] = endpoints;
  if (endpoints.size !== 1 || !endpoint) return [...failures];
  return failures.map((failure, index) => {
    const hit = lost[index];
    if (failure.kind === "infra" || !hit) return failure;
    const evidence = Object.freeze({
      ...toEvidence(hit.rule, "junit", hit.line, hit.lineNumber),
      rule: attemptVerdicts.serviceDied.rule,
      kind: attemptVerdicts.serviceDied.kind,
      description: `every one of the ${failures.length} failed tests lost its connection to ${endpoint} and none failed an assertion: the service stopped during the run`
    });
    return Object.freeze({ ...failure, kind: "infra", evidence });
  });
}
function lostConnection(failure, connectionRules) {
  if (!failure.failure) return null;
  const decidedBy = failure.evidence.rule;
  const eligible = failure.kind === "infra" && connectionRuleIds.has(decidedBy) || failure.kind === "test" && decidedBy === attemptVerdicts.unrecognisedFailure.rule;
  if (!eligible || failure.evidence.source !== "junit") return null;
  const lines = failureLines(failure.failure);
  const hit = firstMatch(connectionRules, lines, "failure", true);
  if (!hit) return null;
  const candidates = [hit.line, ...lines.filter((line) => connectionRules.some((r) => r.pattern.test(line)))];
  const endpoint = candidates.map(endpointIn).find((found) => found !== null) ?? null;
  return { ...hit, endpoint };
}
var LOOPBACK = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "::1", "0.0.0.0", "[::1]"]);
var NOT_A_HOST = /^(?:node|net|internal|file|https?|jdbc|tcp|udp|unix|redis|rediss|mongodb|mysql|postgres(?:ql)?)$/i;
var LIBPQ_ENDPOINT = /\bserver at "([^"]+)"(?: \([^)]*\))?, port (\d+)/;
var HOST_PORT = /(?:\[([0-9a-fA-F:]+)\]|\b([A-Za-z0-9][\w.-]*))(?:\/[\d.]+)?:(\d{2,5})\b/g;
function endpointIn(line) {
  const libpq = LIBPQ_ENDPOINT.exec(line);
  if (libpq) return endpointName(libpq[1] ?? "", libpq[2] ?? "");
  for (const match of line.matchAll(HOST_PORT)) {
    const host = match[1] ?? match[2] ?? "";
    if (NOT_A_HOST.test(host) || /^\d+$|^\d{4}-\d\d-\d\d/.test(host)) continue;
    return endpointName(host, match[3] ?? "");
  }
  return null;
}
function endpointName(host, port) {
  const name = host.toLowerCase();
  return `${LOOPBACK.has(name) ? "localhost" : name}:${port}`;
}
function isFailing(test) {
  return test.status === "failed" || test.status === "errored";
}
function decisiveFailure(test) {
  if (test.failure) return test.failure;
  for (let i = test.attempts.length - 1; i >= 0; i--) {
    const failure = test.attempts[i]?.failure;
    if (failure) return failure;
  }
  return null;
}
function failureLines(failure) {
  const head = headLine(failure.type, failure.message);
  return [head, failure.details ?? ""].filter((text) => text.length > 0).flatMap((text) => text.split(/\r?\n/)).map(cleanLine);
}
function headLine(type, message) {
  if (!type) return message ?? "";
  if (!message) return type;
  const simpleName = type.slice(type.lastIndexOf(".") + 1);
  const startsWithType = [type, simpleName].some(
    (name) => message === name || message.startsWith(`${name}:`) || message.startsWith(`${name} `)
  );
  return startsWithType ? message : `${type}: ${message}`;
}
function effectivePhase(test, failure, lines) {
  if (failure.phase) return failure.phase;
  const scanned = [test.name, ...lines.slice(0, PHASE_SCAN_LINES)];
  if (scanned.some((line) => setupMarkers.some((marker) => marker.test(line)))) return "setup";
  if (scanned.some((line) => teardownMarkers.some((marker) => marker.test(line)))) return "teardown";
  return null;
}
function testBodiesRan(files, testCases, output) {
  const ranInReport = testCases.some((test) => {
    if (test.status === "passed") return true;
    if (!isFailing(test)) return false;
    const failure = decisiveFailure(test);
    return !failure || effectivePhase(test, failure, failureLines(failure)) !== "setup";
  });
  if (ranInReport) return true;
  const ranByCounts = files.some(
    (file) => file.suites.length === 0 && file.counts.passed + file.counts.failed > 0
  );
  if (ranByCounts) return true;
  return outputShowsTestsRan(output);
}
function outputShowsTestsRan(output) {
  const byMarker = output.some(
    (line) => testsRanMarkers.some((marker) => {
      const match = marker.pattern.exec(line);
      return match !== null && (marker.ran ? marker.ran(match) : true);
    })
  );
  return byMarker || mochaFailuresIncludeATest(output);
}
function mochaFailuresIncludeATest(output) {
  return output.some((line, index) => {
    if (!mochaFailureEntry.test(line)) return false;
    const entry = output.slice(index, index + 3);
    return entry.some((title) => title.trimEnd().endsWith(":")) && !entry.some((title) => hookName.test(title));
  });
}
function testRef(test) {
  return Object.freeze({
    id: test.id,
    suitePath: test.suitePath,
    classname: test.classname,
    name: test.name,
    file: test.file
  });
}
function attemptFailure(verdict, source, line) {
  const evidence = verdictEvidence(verdict, source, line);
  return Object.freeze({ kind: evidence.kind, test: null, failure: null, phase: null, evidence });
}
function verdictEvidence(verdict, source, line) {
  return Object.freeze({
    rule: verdict.rule,
    kind: verdict.kind,
    description: verdict.description,
    source,
    line,
    lineNumber: null
  });
}
function toEvidence(rule, source, line, lineNumber) {
  const trimmed = line.trim();
  return Object.freeze({
    rule: rule.id,
    kind: rule.kind,
    description: rule.description,
    source,
    line: trimmed.length > MAX_EVIDENCE_LINE ? `${trimmed.slice(0, MAX_EVIDENCE_LINE)}\u2026` : trimmed,
    lineNumber
  });
}
function cleanLine(line) {
  const plain = line.replace(ANSI, "").replace(LEADING_TIMESTAMP, "");
  return plain.length > MAX_MATCHED_LINE ? plain.slice(0, MAX_MATCHED_LINE) : plain;
}

// core/classify/patterns.ts
var PatternError = class extends Error {
  inputName;
  pattern;
  /** 1-based line of the input the pattern was on. */
  line;
  constructor(inputName, pattern, line, options) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : "";
    super(
      `Input "${inputName}" line ${line}: invalid regular expression ${JSON.stringify(pattern)}${reason}`,
      options
    );
    this.name = "PatternError";
    this.inputName = inputName;
    this.pattern = pattern;
    this.line = line;
  }
};
var SLASHED = /^\/(.+)\/([a-z]*)$/;
function compilePatterns(inputName, lines) {
  const list = typeof lines === "string" ? lines.split(/\r?\n/) : lines;
  const patterns = [];
  list.forEach((raw, index) => {
    const text = raw.trim();
    if (text.length === 0) return;
    const slashed = SLASHED.exec(text);
    try {
      const regex = slashed ? new RegExp(slashed[1] ?? "", slashed[2]?.replace(/[gy]/g, "")) : new RegExp(text);
      patterns.push(Object.freeze({ regex, source: text, line: index + 1 }));
    } catch (cause) {
      throw new PatternError(inputName, text, index + 1, { cause });
    }
  });
  return Object.freeze(patterns);
}
function buildRules(user = {}) {
  return Object.freeze([
    ...userRules(user.testPatterns ?? [], "test", "test-patterns"),
    ...userRules(user.infraPatterns ?? [], "infra", "infra-patterns"),
    ...builtinRules
  ]);
}
function userRules(patterns, kind, source) {
  return patterns.map(
    (pattern) => Object.freeze({
      id: `${source}:${pattern.line}`,
      kind,
      pattern: pattern.regex,
      appliesTo: "both",
      condition: null,
      description: `matches ${source} line ${pattern.line}: ${pattern.source}`,
      source
    })
  );
}

// action/retry.ts
async function retry(attempt, options) {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${options.maxAttempts}`);
  }
  const results = [];
  for (let attemptNumber = 1; ; attemptNumber++) {
    const result = await attempt(attemptNumber);
    results.push(result);
    const again = attemptNumber < options.maxAttempts && !options.signal?.aborted && options.isRetryable(result, attemptNumber);
    const retryInMs = again ? Math.max(0, options.delayMs(attemptNumber)) : null;
    options.log(options.describe(result, { attemptNumber, maxAttempts: options.maxAttempts, retryInMs }));
    if (retryInMs === null) return results;
    await untilAborted(options.sleep(retryInMs), options.signal);
    if (options.signal?.aborted) return results;
  }
}
function untilAborted(work, signal) {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    work.then(done, (cause) => {
      signal.removeEventListener("abort", done);
      reject(cause);
    });
  });
}
function exponentialBackoff(baseMs, capMs = 5 * 6e4) {
  return (attemptNumber) => Math.min(capMs, baseMs * 2 ** Math.max(0, attemptNumber - 1));
}

// action/docker-cli.ts
var defaultDockerTimeouts = {
  metadataMs: 6e4,
  transferMs: 15 * 6e4
};
var TRANSFER_COMMANDS = /* @__PURE__ */ new Set(["load", "save", "pull"]);
var DockerCommandError = class extends Error {
  args;
  exitCode;
  outputTail;
  /** True when seamwatch stopped the command at its timeout (the engine did not answer in time). */
  timedOut;
  constructor(message, details, options) {
    super(message, options);
    this.name = "DockerCommandError";
    this.args = details.args;
    this.exitCode = details.exitCode;
    this.outputTail = details.outputTail;
    this.timedOut = details.timedOut ?? false;
  }
};
var ImageLoadError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ImageLoadError";
  }
};
var TAIL_LINES = 200;
var KILL_GRACE_MS = 2e3;
var SOURCE_GRACE_MS = 1e3;
function timeoutOf(cli, args) {
  const timeouts = { ...defaultDockerTimeouts, ...cli.timeouts };
  return TRANSFER_COMMANDS.has(args[0] ?? "") ? timeouts.transferMs : timeouts.metadataMs;
}
function commandName(args) {
  return args.slice(0, args[0] === "image" ? 2 : 1).join(" ");
}
function runDocker(cli, args, stdin) {
  const limitMs = timeoutOf(cli, args);
  return new Promise((resolve, reject) => {
    const child = spawn(cli.command ?? "docker", args, { env: cli.env, stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.on("error", () => {
    });
    if (stdin) stdin.pipeTo(child.stdin);
    else child.stdin.end();
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    let exited = false;
    let killTimer;
    let pipesTimer;
    const closePipes = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (exited) return closePipes();
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    }, limitMs);
    child.once("exit", () => {
      exited = true;
      if (timedOut) pipesTimer = setTimeout(closePipes, KILL_GRACE_MS);
    });
    const settled = () => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      clearTimeout(pipesTimer);
    };
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.once("error", (cause) => {
      settled();
      reject(
        new DockerCommandError(
          `could not run docker ${args[0] ?? ""}: ${cause.message}`,
          { args, exitCode: null, outputTail: [] },
          { cause }
        )
      );
    });
    child.once("close", (exitCode, signal) => {
      settled();
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOutAfterMs: timedOut ? limitMs : null
      });
    });
  });
}
function secondsOf(ms) {
  return `${Number((ms / 1e3).toFixed(1))} s`;
}
function timeoutMessage(args, limitMs) {
  const why = TRANSFER_COMMANDS.has(args[0] ?? "") ? "the Docker engine did not finish it" : "the Docker engine did not answer";
  return `docker ${commandName(args)} timed out after ${secondsOf(limitMs)} (${why})`;
}
function timeoutError(args, run) {
  return new DockerCommandError(timeoutMessage(args, run.timedOutAfterMs), {
    args,
    exitCode: run.exitCode,
    outputTail: tailOf(run),
    timedOut: true
  });
}
function hasTimedOut(run) {
  return run.timedOutAfterMs !== null;
}
function tailOf(run) {
  return `${run.stdout}
${run.stderr}`.split(/\r?\n/).filter((line) => line.trim().length > 0).slice(-TAIL_LINES);
}
async function docker(cli, args) {
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  if (run.exitCode === 0) return run.stdout;
  const tail = tailOf(run);
  throw new DockerCommandError(
    `docker ${args[0] ?? ""} failed (${run.signal ? `signal ${run.signal}` : `exit ${run.exitCode}`}): ${tail.at(-1) ?? "no output"}`,
    { args, exitCode: run.exitCode, outputTail: tail }
  );
}
var LISTING_ATTEMPTS = 3;
async function listImages(cli) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readImageList(cli);
    } catch (cause) {
      if (attempt >= LISTING_ATTEMPTS || !removedMeanwhile(cause)) throw cause;
    }
  }
}
var removedMeanwhile = (cause) => cause instanceof DockerCommandError && !cause.timedOut && /\bNo such image\b|\bnot found\b/i.test(cause.outputTail.join("\n"));
async function readImageList(cli) {
  const listing = await docker(cli, ["image", "ls", "--no-trunc", "--format", "{{json .}}"]);
  const tagged = [];
  for (const line of listing.split("\n")) {
    if (line.trim().length === 0) continue;
    const row = JSON.parse(line);
    if (!row.Repository || !row.Tag || !row.ID || row.Repository === "<none>" || row.Tag === "<none>")
      continue;
    tagged.push({ reference: `${row.Repository}:${row.Tag}`, id: row.ID });
  }
  if (tagged.length === 0) return [];
  const ids = [...new Set(tagged.map((image) => image.id))];
  const inspected = await docker(cli, ["image", "inspect", "--format", "{{.Id}} {{.Size}}", ...ids]);
  const sizes = new Map(
    inspected.split("\n").map((line) => line.trim().split(" ")).filter((parts) => parts.length === 2).map(([id, size]) => [id ?? "", Number(size)])
  );
  return tagged.map((image) => ({ ...image, sizeBytes: sizes.get(image.id) ?? 0 }));
}
async function saveImage(cli, reference, file) {
  await docker(cli, ["save", "-o", file, reference]);
  return (await stat(file)).size;
}
async function loadImage(cli, source, expected) {
  if (typeof source === "string") {
    const size = await stat(source).then(
      (info2) => info2.size,
      () => 0
    );
    if (size === 0) throw new ImageLoadError(`${source} is missing or empty`);
    const prior2 = await priorReferences(cli);
    const args2 = ["load", "-i", source];
    return checkLoad(cli, args2, await runDocker(cli, args2), null, expected, prior2);
  }
  const sourceEnded = source.done.then(
    () => null,
    (cause) => messageOf(cause)
  );
  let prior;
  let run;
  const args = ["load"];
  try {
    prior = await priorReferences(cli);
    run = await runDocker(cli, args, source);
  } catch (cause) {
    source.stop();
    throw cause;
  }
  let sourceProblem;
  if (run.exitCode === 0 && !hasTimedOut(run)) {
    sourceProblem = await sourceEnded;
  } else {
    sourceProblem = await Promise.race([sourceEnded, realSleep(SOURCE_GRACE_MS, null, { ref: false })]);
    source.stop();
  }
  return checkLoad(cli, args, run, sourceProblem, expected, prior);
}
async function priorReferences(cli) {
  return new Map((await listImages(cli)).map((image) => [image.reference, image.id]));
}
async function checkLoad(cli, args, run, sourceProblem, expected, prior) {
  const loadedReferences = [...run.stdout.matchAll(/^Loaded image: (\S+)$/gm)].map((match) => match[1] ?? "");
  const loadedIds = [...run.stdout.matchAll(/^Loaded image ID: (\S+)$/gm)].map((match) => match[1] ?? "");
  let problem = null;
  let timeout = null;
  if (hasTimedOut(run)) {
    timeout = timeoutError(args, run);
    if (!loadedReferences.includes(expected.reference)) loadedReferences.push(expected.reference);
  } else if (sourceProblem !== null) {
    problem = `the cache entry could not be read: ${sourceProblem}`;
  } else if (run.exitCode !== 0) {
    problem = `docker load failed: ${tailOf(run).at(-1) ?? `exit ${run.exitCode}`}`;
  } else {
    try {
      const now = await imageId(cli, expected.reference);
      const strangers = loadedReferences.filter((reference) => reference !== expected.reference);
      if (now !== expected.id) {
        problem = `it did not load ${expected.reference} as ${expected.id} (loaded: ${loadedReferences.join(", ") || loadedIds.join(", ") || "nothing"})`;
      } else if (strangers.length > 0) {
        problem = `it also holds ${strangers.join(", ")}`;
      }
    } catch (cause) {
      if (!isDockerTimeout(cause)) throw cause;
      timeout = cause;
    }
  }
  if (problem === null && timeout === null) return;
  const undo = await undoLoad(cli, loadedReferences, loadedIds, prior);
  const undone = [
    undo.undone.length > 0 ? `; undone: ${undo.undone.join(", ")}` : "",
    undo.stoppedBy ? `; not undone further: ${undo.stoppedBy.message}` : ""
  ].join("");
  if (timeout) {
    throw new DockerCommandError(
      `the cached image file for ${expected.reference} was not used: ${timeout.message}${undone}`,
      { args: timeout.args, exitCode: timeout.exitCode, outputTail: timeout.outputTail, timedOut: true }
    );
  }
  throw new ImageLoadError(
    `the cached image file for ${expected.reference} is unusable: ${problem}${undone}`
  );
}
function isDockerTimeout(cause) {
  return cause instanceof DockerCommandError && cause.timedOut;
}
async function undoLoad(cli, references, ids, prior) {
  const undone = [];
  const priorIds = new Set(prior.values());
  const step = (args, done) => docker(cli, args).then(
    () => void undone.push(done),
    (cause) => {
      if (isDockerTimeout(cause)) throw cause;
    }
  );
  try {
    for (const reference of references) {
      const before = prior.get(reference);
      if (before && await imageId(cli, reference) === before) continue;
      if (before) {
        await step(["tag", before, reference], `${reference} pointed back at ${before}`);
      } else {
        await step(["image", "rm", reference], `removed ${reference}`);
      }
    }
    for (const id of ids) {
      if (priorIds.has(id)) continue;
      await step(["image", "rm", id], `removed ${id}`);
    }
  } catch (cause) {
    if (!isDockerTimeout(cause)) throw cause;
    return { undone, stoppedBy: cause };
  }
  return { undone, stoppedBy: null };
}
async function imageId(cli, reference) {
  const args = ["image", "inspect", "--format", "{{.Id}}", reference];
  const run = await runDocker(cli, args);
  if (hasTimedOut(run)) throw timeoutError(args, run);
  return run.exitCode === 0 ? run.stdout.trim() : null;
}
var defaultPullRetry = {
  maxAttempts: 3,
  delayMs: exponentialBackoff(5e3, 6e4),
  sleep: (ms) => realSleep(ms),
  log: () => {
  },
  rules: buildRules()
};
async function pullImage(cli, reference, { retry: options = defaultPullRetry } = {}) {
  const attempts = await retry(
    async () => {
      const args = ["pull", reference];
      const run = await runDocker(cli, args);
      const timedOutLine = hasTimedOut(run) ? timeoutMessage(args, run.timedOutAfterMs) : null;
      const outputTail = [...tailOf(run), ...timedOutLine ? [timedOutLine] : []].slice(-TAIL_LINES);
      const classification = classifyAttempt(
        {
          exitCode: run.exitCode,
          signal: run.signal,
          timedOut: timedOutLine !== null,
          // A pull runs none of the user's code: past its timeout the engine or the registry is stuck.
          runsUserCode: false,
          outputTail,
          junitFiles: []
        },
        options.rules
      );
      return {
        exitCode: run.exitCode,
        outputTail,
        classification
      };
    },
    {
      maxAttempts: options.maxAttempts,
      delayMs: options.delayMs,
      isRetryable: (attempt) => attempt.classification.outcome === "infra-failure",
      describe: (attempt, decision) => describePull(reference, attempt, decision),
      log: options.log,
      sleep: options.sleep
    }
  );
  return { reference, pulled: attempts.at(-1)?.exitCode === 0, attempts };
}
function describePull(reference, attempt, decision) {
  const head = `docker pull ${reference}: attempt ${decision.attemptNumber}/${decision.maxAttempts}`;
  if (attempt.exitCode === 0) return `${head} succeeded`;
  const [failure] = [...attempt.classification.infraFailures, ...attempt.classification.testFailures];
  const why = failure ? `${failure.kind} (${failure.evidence.rule}): ${failure.evidence.line ?? failure.evidence.description}` : `exit ${attempt.exitCode}`;
  const next = decision.retryInMs === null ? "giving up" : `retrying in ${Math.round(decision.retryInMs / 1e3)} s`;
  return `${head} failed, ${why}; ${next}`;
}

// action/docker-images.ts
var IMAGE_FILE = "image.tar";
var INDEX_FILE = "index.json";
var emptyImageCacheState = {
  before: [],
  indexed: [],
  restored: [],
  pulled: [],
  existingKeys: []
};
function startJob(options) {
  const log = options.log ?? (() => {
  });
  const warnings = [];
  const warn = (message) => {
    warnings.push(message);
    log(`warning: ${message}`);
  };
  return {
    prefix: checkKeyPrefix(options.prefix),
    log,
    now: options.now ?? (() => performance2.now()),
    warnings,
    warn
  };
}
async function restoreImages(options) {
  const { prefix, log, now, warnings, warn } = startJob(options);
  let before;
  try {
    before = await listImages(options.docker);
  } catch (cause) {
    warn(`Docker images not restored: the Docker engine is not usable (${messageOf(cause)})`);
    return { dockerUsable: false, images: [], warnings, state: emptyImageCacheState };
  }
  const workDir = options.workDir ?? await mkdtemp(join2(tmpdir2(), "seamwatch-images-"));
  try {
    const indexed = await restoreIndex(options.store, prefix, join2(workDir, "index"), warn);
    const plan = planRestore({ listed: options.listed, indexed, local: before });
    const listed = new Set(options.listed);
    const pull = options.pull === void 0 ? defaultPullRetry : options.pull;
    const loadedImages = [];
    const imageSlot = limited(concurrencyOf(options));
    const oneEntryAtATime = serially();
    const missing = (reference, key, started) => ({
      reference,
      cache: "miss",
      result: "missing",
      key,
      bytes: null,
      seconds: seconds(now, started),
      restoreSeconds: null,
      pullSeconds: null
    });
    const pullOrMiss = async (reference, key, started) => {
      if (!pull || !listed.has(reference)) return missing(reference, key, started);
      const pullStarted = now();
      try {
        const pulled2 = await pullImage(options.docker, reference, { retry: pull });
        if (!pulled2.pulled) {
          warn(
            `${reference} could not be pulled: ${pulled2.attempts.at(-1)?.outputTail.at(-1) ?? "no output"}`
          );
          return missing(reference, key, started);
        }
        return {
          ...missing(reference, key, started),
          result: "pulled",
          pullSeconds: seconds(now, pullStarted)
        };
      } catch (cause) {
        warn(`${reference} could not be pulled: ${messageOf(cause)}`);
        return missing(reference, key, started);
      }
    };
    const loadFromCache = async (image, dir, started) => {
      const unavailable = (cause) => {
        warn(`cache entry ${image.key} for ${image.reference} could not be restored: ${messageOf(cause)}`);
        return "pull";
      };
      try {
        const took = await (options.store.stream ? streamAndLoad(options.store.stream.bind(options.store), image, dir, unavailable) : downloadAndLoad(image, dir, unavailable));
        if (took === "pull") return "pull";
        loadedImages.push(image);
        return {
          reference: image.reference,
          cache: "hit",
          result: "loaded",
          key: image.key,
          bytes: image.sizeBytes,
          seconds: seconds(now, started),
          restoreSeconds: took,
          pullSeconds: image.pullSeconds ?? null
        };
      } catch (cause) {
        if (isDockerTimeout(cause)) {
          warn(`${messageOf(cause)}; not pulling it: the Docker engine is not answering`);
          return missing(image.reference, image.key, started);
        }
        warn(`${messageOf(cause)}; falling back to a pull`);
        return "pull";
      }
    };
    const streamAndLoad = async (stream, image, dir, unavailable) => {
      let loadStarted = 0;
      const opened = await oneEntryAtATime(async () => {
        loadStarted = now();
        const source = await stream(image.key, dir, IMAGE_FILE).catch(unavailable);
        if (source === null || source === "pull") return "pull";
        const loading = loadImage(options.docker, source, image);
        await Promise.race([source.done, loading]).catch(() => {
        });
        return { loading };
      });
      if (opened === "pull") return "pull";
      await opened.loading;
      const took = seconds(now, loadStarted);
      log(`${image.reference}: downloaded into docker load in ${took.toFixed(1)} s (${image.key})`);
      return took;
    };
    const downloadAndLoad = async (image, dir, unavailable) => {
      const downloadStarted = now();
      const hit = await options.store.restore(image.key, dir).catch(unavailable);
      if (hit !== true) return "pull";
      const downloadSeconds = seconds(now, downloadStarted);
      log(`${image.reference}: cache entry restored in ${downloadSeconds.toFixed(1)} s`);
      return oneEntryAtATime(async () => {
        const loadStarted = now();
        await loadImage(options.docker, join2(dir, IMAGE_FILE), image);
        const loadSeconds = seconds(now, loadStarted);
        log(`${image.reference}: loaded in ${loadSeconds.toFixed(1)} s (${image.key})`);
        return Math.round((downloadSeconds + loadSeconds) * 1e3) / 1e3;
      });
    };
    const restoreOne = async (image) => {
      const started = now();
      const dir = join2(workDir, "entries", image.key);
      try {
        await mkdir(dir, { recursive: true });
        const restored = await imageSlot(() => loadFromCache(image, dir, started));
        return restored === "pull" ? await pullOrMiss(image.reference, image.key, started) : restored;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };
    const bySize = [...plan.restore].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const restoring = new Map(bySize.map((image) => [image, restoreOne(image)]));
    const pulling = mapWithLimit(
      plan.unknown,
      concurrencyOf(options),
      (reference) => pullOrMiss(reference, null, now())
    );
    const fromCache = await Promise.all(
      plan.restore.map((image) => restoring.get(image))
    );
    const pulled = await pulling;
    const present = plan.present.map(
      (reference) => ({
        reference,
        cache: "present",
        result: "present",
        key: indexed.find((image) => image.reference === reference)?.key ?? null,
        bytes: null,
        seconds: 0,
        restoreSeconds: null,
        pullSeconds: null
      })
    );
    const existingKeys = [
      ...loadedImages.map((image) => image.key),
      ...indexed.length > 0 ? [planIndex(prefix, indexed).key] : []
    ];
    return {
      dockerUsable: true,
      images: [...fromCache, ...pulled, ...present],
      warnings,
      state: {
        before,
        indexed,
        restored: loadedImages,
        pulled: [...fromCache, ...pulled].flatMap(
          (image) => image.result === "pulled" && image.pullSeconds !== null ? [{ reference: image.reference, seconds: image.pullSeconds }] : []
        ),
        existingKeys
      }
    };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}
async function restoreIndex(store, prefix, dir, warn) {
  try {
    await mkdir(dir, { recursive: true });
    if (!await store.restore(indexKey(prefix), dir)) return [];
    const index = parseImageIndex(await readFile(join2(dir, INDEX_FILE), "utf8"));
    if (!index) {
      warn(`the image index (${indexKey(prefix)}*) is unreadable; starting without it`);
      return [];
    }
    return [...index.images];
  } catch (cause) {
    warn(`the image index could not be restored: ${messageOf(cause)}`);
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function saveImages(options) {
  const { prefix, log, now, warnings, warn } = startJob(options);
  if (options.mode === "off") return { images: [], notices: [], warnings, index: null };
  let after;
  try {
    after = await listImages(options.docker);
  } catch (cause) {
    warn(`Docker images not saved: the Docker engine is not usable (${messageOf(cause)})`);
    return { images: [], notices: [], warnings, index: null };
  }
  const plan = planSave({
    mode: options.mode,
    prefix,
    listed: options.listed,
    before: options.state.before,
    after,
    indexed: options.state.indexed,
    restored: options.state.restored,
    pulled: options.state.pulled,
    existingKeys: options.state.existingKeys,
    readOnly: options.readOnly,
    maxBytes: options.maxBytes
  });
  for (const notice of plan.notices) log(notice);
  for (const entry of plan.skipped) log(entry.message);
  const workDir = options.workDir ?? await mkdtemp(join2(tmpdir2(), "seamwatch-images-"));
  try {
    const saved = await mapWithLimit(plan.save, concurrencyOf(options), async (image) => {
      const started = now();
      const dir = join2(workDir, "entries", image.key);
      try {
        await mkdir(dir, { recursive: true });
        const bytes = await saveImage(options.docker, image.reference, join2(dir, IMAGE_FILE));
        const result = await options.store.save(image.key, dir);
        log(`${image.reference}: ${result === "saved" ? "saved" : "already cached"} as ${image.key}`);
        return {
          reference: image.reference,
          result,
          reason: null,
          key: image.key,
          bytes,
          seconds: seconds(now, started)
        };
      } catch (cause) {
        warn(`${image.reference} could not be saved to the cache: ${messageOf(cause)}`);
        return {
          reference: image.reference,
          result: "failed",
          reason: null,
          key: image.key,
          bytes: null,
          seconds: seconds(now, started)
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
    const skipped = plan.skipped.map(
      (entry) => ({
        reference: entry.reference,
        result: "skipped",
        reason: entry.reason,
        key: entry.image?.key ?? null,
        bytes: null,
        seconds: 0
      })
    );
    let index = null;
    if (plan.index) {
      const failed = new Set(saved.filter((image) => image.result === "failed").map((image) => image.key));
      const planned = planIndex(
        prefix,
        plan.index.index.images.filter((image) => !failed.has(image.key)),
        new Set(options.state.existingKeys)
      );
      index = {
        key: planned.key,
        result: planned.exists ? "exists" : await saveIndex(options.store, planned, workDir, warn)
      };
    }
    return { images: [...saved, ...skipped], notices: plan.notices, warnings, index };
  } finally {
    if (!options.workDir) await rm(workDir, { recursive: true, force: true });
  }
}
async function saveIndex(store, planned, workDir, warn) {
  const dir = join2(workDir, "index");
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join2(dir, INDEX_FILE), `${JSON.stringify(planned.index, null, 2)}
`);
    return await store.save(planned.key, dir);
  } catch (cause) {
    warn(`the image index could not be saved: ${messageOf(cause)}`);
    return "failed";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function serially() {
  return limited(1);
}
function limited(limit) {
  let running = 0;
  const waiting = [];
  return async (work) => {
    if (running >= limit) await new Promise((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
function concurrencyOf(options) {
  return Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
}
function mapWithLimit(items, limit, work) {
  const slot = limited(limit);
  return Promise.all(items.map((item) => slot(() => work(item))));
}
function seconds(now, started) {
  return Math.round(now() - started) / 1e3;
}

// action/image-cache-store.ts
import { spawn as spawn2 } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdir as mkdir2, readdir, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join3 } from "node:path";
import { finished, pipeline } from "node:stream/promises";
var ImageCacheStoreError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ImageCacheStoreError";
  }
};
function imageWorkDir(env) {
  return join3(env.RUNNER_TEMP || tmpdir3(), "seamwatch-images");
}
var DOWNLOAD_IDLE_MS = 3e4;
var STDERR_TAIL_CHARS = 2e3;
function actionsCacheImageStore() {
  const client = async () => {
    const cache = await import("./cache-Y3G4OCTP.js");
    if (!cache.isFeatureAvailable())
      throw new ImageCacheStoreError("the Actions cache service is not available");
    return cache;
  };
  const internals = () => import("./actions-cache-internals-XB4A2TME.js");
  const restore = async (key, dir) => {
    const cache = await client();
    const prefix = key.endsWith("-");
    await emptyDir(dir);
    const matched = await cache.restoreCache([dir], key, prefix ? [key] : void 0);
    const hit = matched !== void 0 && (prefix ? matched.startsWith(key) : matched === key);
    if (!hit || await isEmpty(dir)) {
      await emptyDir(dir);
      return false;
    }
    return true;
  };
  return {
    restore,
    /**
     * The image file of an exact key's entry, unpacked as it downloads and never written to disk: the
     * client's restoreCache writes each byte three times (a buffer, the archive file, the unpacked file)
     * before `docker load` reads it again, and on a 2-core machine that made the download cost more CPU
     * than the load itself (npm run bench:images). The v1 protocol (GitHub Enterprise Server) has no
     * streaming path here: its entry is restored to `dir` and read from there.
     */
    async stream(key, dir, file) {
      const [, lib] = await Promise.all([client(), internals()]);
      if (lib.getCacheServiceVersion() !== "v2") {
        if (!await restore(key, dir)) return null;
        return fileStream(join3(dir, file));
      }
      if (!lib.isCacheReadable(lib.getCacheMode())) return null;
      const compression = await lib.getCompressionMethod();
      let found;
      try {
        found = await lib.internalCacheTwirpClient().GetCacheEntryDownloadURL({
          key,
          restoreKeys: [],
          version: lib.getCacheVersion([dir], compression)
        });
      } catch (cause) {
        const message = `the cache service could not be asked for ${key}: ${messageOf(cause)}`;
        throw new ImageCacheStoreError(message, { cause });
      }
      if (!found.ok || found.matchedKey !== key) return null;
      return downloadAndUnpack(key, found.signedDownloadUrl, compression, file);
    },
    async save(key, dir) {
      const cache = await client();
      const found = await cache.restoreCache([dir], key, void 0, { lookupOnly: true });
      if (found === key) return "exists";
      const id = await cache.saveCache([dir], key);
      if (id === -1) {
        throw new ImageCacheStoreError(
          `the cache service did not take the entry ${key} (refused, unreachable, or another job is saving it; see the log above)`
        );
      }
      return "saved";
    }
  };
}
async function emptyDir(dir) {
  await rm2(dir, { recursive: true, force: true });
  await mkdir2(dir, { recursive: true });
}
async function isEmpty(dir) {
  return (await readdir(dir).catch(() => [])).length === 0;
}
function decompressor(compression) {
  switch (compression) {
    case "gzip":
      return ["gzip", "-d"];
    case "zstd":
      return ["unzstd", "--long=30"];
    default:
      return ["unzstd"];
  }
}
var TAR_BLOCKING_FACTOR = "2048";
async function downloadAndUnpack(key, url, compression, file) {
  const { HttpClient } = await import("./lib-AVR3AJ35.js");
  const http = new HttpClient("seamwatch", void 0, { socketTimeout: DOWNLOAD_IDLE_MS, keepAlive: false });
  let response;
  try {
    response = await http.get(url);
  } catch (cause) {
    throw new ImageCacheStoreError(`the download of ${key} could not start: ${messageOf(cause)}`, { cause });
  }
  const body = response.message;
  if (body.statusCode !== 200) {
    body.resume();
    throw new ImageCacheStoreError(`the download of ${key} was refused (HTTP ${body.statusCode})`);
  }
  let stopped = false;
  const stages = [];
  let settle = () => {
  };
  const done = new Promise((resolve, reject) => {
    settle = (outcome) => outcome.then(resolve, reject);
  });
  done.catch(() => {
  });
  const stage = (command, args, output) => {
    const child = spawn2(command, args, { stdio: ["pipe", output, "pipe"] });
    stages.push(child);
    output.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    const ended = new Promise((resolve, reject) => {
      child.once(
        "error",
        (cause) => reject(
          new ImageCacheStoreError(`${command} could not be run to unpack ${key}: ${cause.message}`, {
            cause
          })
        )
      );
      child.once("close", (code, signal) => {
        if (code === 0 || stopped || signal === "SIGPIPE" || /broken pipe/i.test(stderr)) return resolve();
        const why = stderr.split("\n").map((line) => line.trim()).find((line) => line.length > 0 && !/Exiting with failure status/.test(line)) ?? "no output";
        reject(
          new ImageCacheStoreError(
            `${key} could not be unpacked (${command} ${signal ? `signal ${signal}` : `exit ${code}`}): ${why}`
          )
        );
      });
    });
    return { child, ended };
  };
  const unpackInto = (input) => {
    const tar = stage(
      "tar",
      ["-x", "-O", "-P", "-b", TAR_BLOCKING_FACTOR, "-f", "-", "--no-anchored", file],
      input
    );
    const [command, ...args] = decompressor(compression);
    const decompress = stage(command, args, tar.child.stdin);
    const downloaded = pipeline(body, decompress.child.stdin);
    settle(
      Promise.allSettled([downloaded, decompress.ended, tar.ended]).then(([download, ...programs]) => {
        if (download.status === "rejected" && !stopped && !isBrokenPipe(download.reason)) {
          throw new ImageCacheStoreError(`the download of ${key} broke off: ${messageOf(download.reason)}`, {
            cause: download.reason
          });
        }
        for (const program of programs) if (program.status === "rejected") throw program.reason;
      })
    );
  };
  return {
    pipeTo: unpackInto,
    done,
    stop() {
      stopped = true;
      body.destroy();
      for (const child of stages) child.kill();
      if (stages.length === 0) settle(Promise.resolve());
    }
  };
}
function isBrokenPipe(cause) {
  const code = cause?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_STREAM_PREMATURE_CLOSE";
}
function fileStream(path) {
  const data = createReadStream(path);
  let stopped = false;
  const done = finished(data).catch((cause) => {
    if (!stopped) throw cause;
  });
  done.catch(() => {
  });
  return {
    pipeTo: (input) => data.pipe(input),
    done,
    stop() {
      stopped = true;
      data.destroy();
    }
  };
}

// action/image-cache.ts
var LOG_PREFIX = "seamwatch: images:";
var noCache = {
  restore: async () => false,
  save: async () => {
    throw new Error("the image cache is off");
  }
};
function hasCacheService(env) {
  return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL);
}
async function restoreImageCache(options) {
  const { inputs, env } = options;
  const asked = inputs.listed.length > 0;
  const cacheAvailable = inputs.mode !== "off" && hasCacheService(env);
  if (!asked && !cacheAvailable) {
    if (inputs.mode !== "off")
      info(`${LOG_PREFIX} no Actions cache service in this job; not caching images.`);
    setOutputs({ [OUTPUT.imagesRestored]: "0", [OUTPUT.imageCacheHit]: "false" });
    return;
  }
  if (inputs.mode !== "off" && !cacheAvailable) {
    warning(
      "The Actions cache service is not available in this job: the listed images are pulled, not cached."
    );
  }
  const workDir = imageWorkDir(env);
  const started = performance.now();
  const result = await restoreImages({
    store: cacheAvailable ? actionsCacheImageStore() : noCache,
    docker: { env: options.dockerEnv },
    prefix: inputs.prefix,
    listed: inputs.listed,
    workDir,
    pull: { ...defaultPullRetry, rules: options.rules, log: (line) => info(`${LOG_PREFIX} ${line}`) },
    // The engine reports its warnings in `result.warnings`; they are emitted below, once.
    log: (line) => {
      if (!line.startsWith("warning: ")) info(`${LOG_PREFIX} ${line}`);
    }
  });
  for (const warning2 of result.warnings) {
    if (!result.dockerUsable && !asked) info(`${LOG_PREFIX} ${warning2}`);
    else warning(warning2);
  }
  for (const image of result.images) info(`${LOG_PREFIX} ${describeRestore(image)}`);
  const hit = cacheHit(result.images);
  const restoreSeconds = (performance.now() - started) / 1e3;
  info(
    `${LOG_PREFIX} ${result.images.filter((image) => image.cache === "hit").length} of ${result.images.length} from the cache (${hit}) in ${seconds2(restoreSeconds)}`
  );
  if (result.dockerUsable) {
    const handover = {
      restoreId: randomUUID(),
      settings: { ...inputs, workDir, cacheAvailable },
      state: result.state,
      restores: result.images,
      restoreSeconds
    };
    saveState(STATE.imageCache, JSON.stringify(handover));
    try {
      await writeFile2(handoverFile(env), JSON.stringify(handover));
    } catch (error) {
      info(`${LOG_PREFIX} the save step will not find this job's images: ${messageOf(error)}`);
    }
  }
  setOutputs({
    [OUTPUT.imagesRestored]: String(result.images.filter((image) => image.result === "loaded").length),
    [OUTPUT.imageCacheHit]: hit
  });
}
function cacheHit(images) {
  const hits = images.filter((image) => image.cache === "hit").length;
  const misses = images.filter((image) => image.cache === "miss").length;
  if (hits === 0) return "false";
  return misses === 0 ? "true" : "partial";
}
function handoverFile(env) {
  return join4(env.RUNNER_TEMP || tmpdir4(), "seamwatch-images-handover.json");
}
async function saveImageCache(env) {
  const text = getState(STATE.imageCache);
  if (text === "") return;
  let handover;
  try {
    handover = JSON.parse(text);
  } catch (error) {
    warning(`Docker images not saved: the main step's state is unreadable (${messageOf(error)})`);
    return;
  }
  const fromFile = await readHandover(env);
  if (fromFile?.restoreId === handover.restoreId && fromFile.savedByStep) {
    info(`${LOG_PREFIX} already saved by the save step; nothing left to do.`);
    return;
  }
  await saveAndReport(handover, env);
}
async function runSaveStep(env = process.env) {
  const handover = await readHandover(env);
  if (!handover) {
    warning(
      "No Docker images to save: no seamwatch step with the image cache ran before this one in this job."
    );
    setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: "0" });
    return;
  }
  if (handover.savedByStep) {
    info(`${LOG_PREFIX} already saved by an earlier save step in this job.`);
    setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: "0" });
    return;
  }
  const saved = await saveAndReport(handover, env);
  setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: String(saved) });
  try {
    await writeFile2(handoverFile(env), JSON.stringify({ ...handover, savedByStep: true }));
  } catch (error) {
    warning(`The post step may save the images again: ${messageOf(error)}`);
  }
}
async function readHandover(env) {
  try {
    return JSON.parse(await readFile2(handoverFile(env), "utf8"));
  } catch {
    return null;
  }
}
async function saveAndReport(handover, env) {
  const { settings } = handover;
  let saved = null;
  let count3 = 0;
  const started = performance.now();
  if (settings.mode !== "off" && settings.cacheAvailable) {
    saved = await saveImages({
      store: actionsCacheImageStore(),
      docker: { env: withoutInputs(env) },
      prefix: settings.prefix,
      listed: settings.listed,
      mode: settings.mode,
      state: handover.state,
      readOnly: settings.readOnly,
      maxBytes: settings.maxBytes,
      workDir: settings.workDir,
      log: (line) => {
        if (!line.startsWith("warning: ")) info(`${LOG_PREFIX} ${line}`);
      }
    });
    for (const warning2 of saved.warnings) warning(warning2);
    count3 = saved.images.filter((image) => image.result === "saved").length;
    info(`${LOG_PREFIX} ${count3} saved to the cache${settings.readOnly ? " (read-only: none)" : ""}`);
  }
  try {
    const times = {
      restoreSeconds: handover.restoreSeconds,
      saveSeconds: (performance.now() - started) / 1e3
    };
    await summary.addRaw(renderImagesSection(handover.restores, saved, times), true).write();
  } catch (error) {
    warning(`Could not add the images to the job summary: ${messageOf(error)}`);
  }
  return count3;
}
var SKIP_TEXT = {
  unchanged: "unchanged",
  "key-exists": "already cached",
  "read-only": "read-only",
  "over-size-cap": "over cache-max-gb",
  "not-present": "not in Docker",
  "pinned-by-digest": "pinned by digest (docker load cannot restore a digest)"
};
function renderImagesSection(restores, saved, times) {
  const saves = new Map((saved?.images ?? []).map((image) => [image.reference, image]));
  const references = [.../* @__PURE__ */ new Set([...restores.map((image) => image.reference), ...saves.keys()])];
  const lines = ["### Images", ""];
  if (references.length === 0) {
    lines.push("No images to restore or save.", "");
    return lines.join("\n");
  }
  lines.push("| image | start of job | size | time | end of job |", "| --- | --- | --- | --- | --- |");
  const restoreOf = new Map(restores.map((image) => [image.reference, image]));
  for (const reference of references) {
    const restore = restoreOf.get(reference);
    const save = saves.get(reference);
    const bytes = restore?.bytes ?? save?.bytes ?? null;
    const time = [restore && restore.result !== "present" ? seconds2(restore.seconds) : null].concat(save && save.result !== "skipped" ? [`save ${seconds2(save.seconds)}`] : []).filter(Boolean).join(", ");
    lines.push(
      `| \`${reference.replace(/[`|]/g, "")}\` | ${restore ? restoreText(restore) : "not restored"} | ${bytes === null ? "" : formatBytes(bytes)} | ${time} | ${save ? saveText(save) : saved ? "" : "not saved"} |`
    );
  }
  lines.push("", timeLine(restores, saved, times), "");
  return lines.join("\n");
}
function restoreText(image) {
  if (image.cache === "hit") return "cache hit";
  if (image.cache === "present") return "already in Docker";
  return image.result === "pulled" ? "cache miss, pulled" : "cache miss, not pulled";
}
function saveText(image) {
  if (image.result === "skipped") return `skipped: ${SKIP_TEXT[image.reason ?? ""] ?? image.reason}`;
  if (image.result === "exists") return "already cached";
  return image.result === "saved" ? "saved" : "save failed (see warnings)";
}
function timeLine(restores, saved, times) {
  const loaded = restores.filter((image) => image.result === "loaded").length;
  const pulled = restores.filter((image) => image.result === "pulled").length;
  const start = [
    ...loaded > 0 ? [`${count2(loaded)} loaded from the cache`] : [],
    ...pulled > 0 ? [`${count2(pulled)} pulled`] : []
  ];
  const parts = [
    `start of job ${seconds2(times.restoreSeconds)}${start.length > 0 ? ` (${start.join(", ")})` : ""}`
  ];
  if (saved) {
    const written = saved.images.filter((image) => image.result === "saved").length;
    parts.push(
      `end of job ${seconds2(times.saveSeconds)} (${written > 0 ? `${count2(written)} saved for later jobs` : "nothing to save"})`
    );
  }
  return [`Time spent on images: ${parts.join("; ")}.`, ...pullComparison(restores)].join("\n\n");
}
function pullComparison(restores) {
  const loaded = restores.filter((image) => image.result === "loaded");
  const compared = loaded.flatMap(
    (image) => image.pullSeconds !== null && image.restoreSeconds !== null ? [{ restore: image.restoreSeconds, pull: image.pullSeconds }] : []
  );
  if (compared.length === 0) return [];
  const restore = compared.reduce((sum, image) => sum + image.restore, 0);
  const pull = compared.reduce((sum, image) => sum + image.pull, 0);
  const verdict = restore <= pull ? `the cache saved ${seconds2(pull - restore)}` : `the cache cost ${seconds2(restore - pull)} more than pulling`;
  const unknown = loaded.length - compared.length;
  return [
    `Compared with pulling: ${count2(compared.length)} restored in ${seconds2(restore)}, where pulling them took ${seconds2(pull)} when they were cached: ${verdict}.${unknown > 0 ? ` (${count2(unknown)} without a pull time on record.)` : ""}`
  ];
}
function describeRestore(image) {
  const size = image.bytes === null ? "" : `, ${formatBytes(image.bytes)}`;
  return `${image.reference}: ${restoreText(image)}${size}, ${seconds2(image.seconds)}`;
}
function count2(images) {
  return `${images} image${images === 1 ? "" : "s"}`;
}
function seconds2(value) {
  return `${value.toFixed(1)} s`;
}
function withoutInputs(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
}

export {
  emptyCounts,
  addCounts,
  testCasesOf,
  formatSuitePath,
  classifyAttempt,
  PatternError,
  compilePatterns,
  buildRules,
  messageOf,
  CacheKeyError,
  defaultKeyPrefix,
  checkKeyPrefix,
  saveModes,
  retry,
  exponentialBackoff,
  STATE,
  outputValues,
  setOutputs,
  reportPathFor,
  restoreImageCache,
  saveImageCache,
  runSaveStep
};
