// The classification table: error texts as the tools print them, each labelled infra or test, with the
// rule that must produce the evidence. Every row names its source: the public issue or pull request thread
// it was copied from (a real text: cut down to the lines, or the part of a line, that carry the error, never
// reworded), or `written for this table` for the older rows whose thread was never recorded and for
// hand-made look-alikes. The first test prints the counts. Look-alikes are texts that carry the other
// kind's words: assertions quoting infrastructure errors, schema errors in fixtures, connection errors a
// test body provoked, containers that exited on their own.
import { describe, expect, it } from "vitest";
import { classifyAttempt, type FailureKind } from "../../core/classify/index.ts";
import type { Failure, FailurePhase } from "../../core/junit/index.ts";
import { junit, test } from "../support/model-builders.ts";

interface Row {
  readonly expected: FailureKind;
  readonly rule: string;
  readonly tool: string;
  /**
   * Where the text comes from: the public thread it was copied from (a URL), or, for a text this table
   * wrote itself, what it was modelled on (`written for this table: ...`). Only URL rows count as real.
   */
  readonly source: string;
  /** `failure`: the text is a JUnit failure; `output`: the tail of a command that left no JUnit. */
  readonly where: "failure" | "output";
  readonly text: string;
  readonly type?: string;
  readonly phase?: FailurePhase;
  readonly testName?: string;
  readonly exitCode?: number;
  readonly lookalike?: true;
}

const INFRA: readonly Row[] = label("infra", [
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
See 'docker run --help'.`,
  },
  {
    tool: "Docker CLI (Windows)",
    source: "written for this table: modelled on Docker CLI (Windows)'s wording, no thread recorded",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `error during connect: This error may indicate that the docker daemon is not running.: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied`,
  },
  {
    tool: "docker-py",
    source: "written for this table: modelled on docker-py's wording, no thread recorded",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/docker/api/client.py", line 221, in _retrieve_server_version
    raise DockerException(
docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', ConnectionRefusedError(111, 'Connection refused'))`,
  },
  {
    tool: "Testcontainers Python",
    source: "written for this table: modelled on Testcontainers Python's wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "docker-daemon-unreachable",
    text: `failed on setup with "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))"
../../.venv/lib/python3.12/site-packages/docker/transport/unixconn.py:26: in connect
    sock.connect(self.unix_socket)
E   FileNotFoundError: [Errno 2] No such file or directory

During handling of the above exception, another exception occurred:
E   docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))`,
  },
  {
    tool: "Testcontainers Go",
    source: "written for this table: modelled on Testcontainers Go's wording, no thread recorded",
    where: "failure",
    rule: "docker-daemon-unreachable",
    text: `    docker_test.go:78: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?: failed to create network`,
  },
  {
    tool: "Testcontainers Go + testify require.NoError",
    source:
      "written for this table: a look-alike in Testcontainers Go + testify require.NoError's own format, no thread recorded",
    where: "failure",
    rule: "docker-daemon-unreachable",
    lookalike: true,
    text: `    orders_test.go:31: 
        	Error Trace:	/home/runner/work/shop/shop/orders_test.go:31
        	Error:      	Received unexpected error:
        	            	Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
        	Test:       	TestOrders`,
  },
  {
    tool: "golang-migrate dktest",
    source: "written for this table: modelled on golang-migrate dktest's wording, no thread recorded",
    where: "failure",
    rule: "docker-daemon-unreachable",
    text: `    dktest.go:176: Failed: error pulling image: cassandra:3.11 error: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "Testcontainers Java (surefire)",
    source:
      "written for this table: modelled on Testcontainers Java (surefire)'s wording, no thread recorded",
    where: "failure",
    type: "java.lang.IllegalStateException",
    testName: "demoTest",
    rule: "testcontainers-no-docker",
    text: `Could not find a valid Docker environment. Please see logs and check configuration
	at org.testcontainers.dockerclient.DockerClientProviderStrategy.lambda$getFirstValidStrategy$2(DockerClientProviderStrategy.java:146)
	at java.util.Optional.orElseThrow(Optional.java:290)
	at org.testcontainers.dockerclient.DockerClientProviderStrategy.getFirstValidStrategy(DockerClientProviderStrategy.java:138)
	at org.testcontainers.DockerClientFactory.client(DockerClientFactory.java:99)
	at org.testcontainers.containers.GenericContainer.<init>(GenericContainer.java:175)`,
  },
  {
    tool: "Testcontainers Java (log)",
    source: "written for this table: modelled on Testcontainers Java (log)'s wording, no thread recorded",
    where: "output",
    rule: "testcontainers-no-docker",
    text: `[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy - Could not find a valid Docker environment. Please check configuration. Attempted configurations were:
[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy -     UnixSocketClientProviderStrategy: failed with exception InvalidConfigurationException (ping failed). Root cause ConnectException (connect(..) failed: Permission denied)
[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy - As no valid configuration was found, execution cannot continue
Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 20.668 sec <<< FAILURE!`,
  },
  {
    tool: "Testcontainers Java (Gradle, static init)",
    source:
      "written for this table: a look-alike in Testcontainers Java (Gradle, static init)'s own format, no thread recorded",
    where: "failure",
    type: "java.lang.ExceptionInInitializerError",
    testName: "testInviteMemberToGroup()",
    rule: "testcontainers-no-docker",
    lookalike: true,
    text: `java.lang.ExceptionInInitializerError
	at java.base/jdk.internal.misc.Unsafe.ensureClassInitialized0(Native Method)
	at java.base/java.lang.reflect.Constructor.newInstance(Constructor.java:486)
Caused by: java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration
	at org.testcontainers.dockerclient.DockerClientProviderStrategy.lambda$getFirstValidStrategy$7(DockerClientProviderStrategy.java:277)`,
  },
  {
    tool: "Spring Boot + Testcontainers",
    source: "written for this table: modelled on Spring Boot + Testcontainers's wording, no thread recorded",
    where: "failure",
    type: "java.lang.IllegalStateException",
    rule: "testcontainers-no-docker",
    text: `***************************
APPLICATION FAILED TO START
***************************

Description:

Could not find a valid Docker environment for Testcontainers.`,
  },
  {
    tool: "Testcontainers Node (vitest)",
    source: "written for this table: modelled on Testcontainers Node (vitest)'s wording, no thread recorded",
    where: "failure",
    type: "Error",
    rule: "testcontainers-no-docker",
    text: `Could not find a working container runtime strategy
 ❯ getContainerRuntimeClient node_modules/testcontainers/build/container-runtime/clients/client.js:67:11
 ❯ RedisContainer.start node_modules/testcontainers/build/generic-container/generic-container.js:59:24
 ❯ RedisContainer.start node_modules/@testcontainers/redis/build/redis-container.js:69:65`,
  },
  {
    tool: "Testcontainers Node (jest globalSetup)",
    source:
      "written for this table: modelled on Testcontainers Node (jest globalSetup)'s wording, no thread recorded",
    where: "output",
    rule: "testcontainers-no-docker",
    text: `Error: Jest: Got error running globalSetup - /app/test/global-setup.ts, reason: Could not find a working container runtime strategy
    at getContainerRuntimeClient (/app/node_modules/testcontainers/build/container-runtime/clients/client.js:64:11)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async PostgreSqlContainer.start (/app/node_modules/@testcontainers/postgresql/build/postgresql-container.js:34:47)`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "registry-rate-limit",
    text: `Unable to find image 'postgres:16' locally
docker: Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit.
See 'docker run --help'.`,
  },
  {
    tool: "Jib (Maven)",
    source: "written for this table: modelled on Jib (Maven)'s wording, no thread recorded",
    where: "output",
    rule: "registry-rate-limit",
    text: `[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.3.1:dockerBuild (default) on project orders: 429 Too Many Requests
[ERROR] GET https://registry-1.docker.io/v2/library/eclipse-temurin/manifests/sha256:af5dd29f8c318d1c42ceb3df42bcaf8f9cab07022da31ab18fa6af013208920f
[ERROR] {
[ERROR]   "errors": [
[ERROR]     {
[ERROR]       "code": "TOOMANYREQUESTS",
[ERROR]       "message": "You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"`,
  },
  {
    tool: "Helm / containerd",
    source: "written for this table: modelled on Helm / containerd's wording, no thread recorded",
    where: "output",
    rule: "registry-rate-limit",
    text: `Error: INSTALLATION FAILED: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/bitnamicharts/drupal/manifests/sha256:9538e0c4fd55aa75d75f6846bc99b1ecddad3a4ffbb7cbf8d0fc8578a5c2b02f: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`,
  },
  {
    // Printed here by dockerd 26.1.5 with the containerd image store, pulling through a registry front
    // that answers 429 (the HEAD that resolves the tag has no body).
    tool: "Docker CLI (containerd image store)",
    source:
      "produced here: dockerd 26.1.5 with the containerd image store against a local registry (see the comment above)",
    where: "output",
    rule: "registry-rate-limit",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5098/x:1": unexpected status from HEAD request to http://127.0.0.1:5098/v2/x/manifests/1: 429 Too Many Requests`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "registry-unreachable",
    text: `Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`,
  },
  {
    tool: "Docker Compose v2",
    source: "written for this table: modelled on Docker Compose v2's wording, no thread recorded",
    where: "output",
    rule: "registry-unreachable",
    text: `[+] Running 1/1
 ✘ nginx Error                                                                    29.1s
Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout`,
  },
  {
    tool: "docker-compose v1",
    source: "written for this table: modelled on docker-compose v1's wording, no thread recorded",
    where: "output",
    rule: "registry-unreachable",
    text: `Pulling consul (progrium/consul:latest)...
Get https://registry-1.docker.io/v2/progrium/consul/manifests/latest: net/http: TLS handshake timeout`,
  },
  {
    tool: "containerd (kubelet)",
    source: "written for this table: modelled on containerd (kubelet)'s wording, no thread recorded",
    where: "output",
    rule: "registry-unreachable",
    text: `Failed to pull image "postgres": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/postgres:latest": failed to resolve reference "docker.io/library/postgres:latest": failed to do request: Head "https://registry-1.docker.io/v2/library/postgres/manifests/latest": dial tcp 3.229.227.53:443: i/o timeout`,
  },
  {
    tool: "Testcontainers Java (docker-java pull)",
    source:
      "written for this table: modelled on Testcontainers Java (docker-java pull)'s wording, no thread recorded",
    where: "failure",
    type: "org.testcontainers.containers.ContainerFetchException",
    rule: "registry-unreachable",
    text: `Can't get Docker image: RemoteDockerImage(imageName=postgres:16-alpine, imagePullPolicy=DefaultPullPolicy())
	at org.testcontainers.containers.GenericContainer.getDockerImageName(GenericContainer.java:1364)
Caused by: com.github.dockerjava.api.exception.InternalServerErrorException: Status 500: {"message":"Get \\"https://registry-1.docker.io/v2/\\": context deadline exceeded"}`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "image-not-found",
    text: `Error response from daemon: manifest for postgres:13.3-alpine not found: manifest unknown: manifest unknown`,
  },
  {
    // dockerd 26.1.5 with the containerd image store, a tag the registry does not have.
    tool: "Docker CLI (containerd image store)",
    source:
      "produced here: dockerd 26.1.5 with the containerd image store against a local registry (see the comment above)",
    where: "output",
    rule: "image-not-found",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5099/c8d:no-such-tag": 127.0.0.1:5099/c8d:no-such-tag: not found`,
  },
  {
    // The same engine with no registry listening: the existing rule already covers containerd's phrasing.
    tool: "Docker CLI (containerd image store)",
    source:
      "produced here: dockerd 26.1.5 with the containerd image store against a local registry (see the comment above)",
    where: "output",
    rule: "registry-unreachable",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5097/x:1": failed to do request: Head "https://127.0.0.1:5097/v2/x/manifests/1": dial tcp 127.0.0.1:5097: connect: connection refused`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "image-not-found",
    text: `Unable to find image 'portiacrawl:latest' locally
docker: Error response from daemon: pull access denied for portiacrawl, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.
See 'docker run --help'.`,
  },
  {
    tool: "docker-compose v1",
    source: "written for this table: modelled on docker-compose v1's wording, no thread recorded",
    where: "output",
    rule: "image-not-found",
    text: `Pulling postgres          ... error
ERROR: for postgres  pull access denied for fermentrack_postgres, repository does not exist or may require 'docker login'`,
  },
  {
    tool: "Testcontainers Java",
    source: "written for this table: modelled on Testcontainers Java's wording, no thread recorded",
    where: "failure",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-never-ready",
    text: `Timed out waiting for container port to open (localhost ports: [32781] should be listening)
	at org.testcontainers.containers.wait.strategy.HostPortWaitStrategy.waitUntilReady(HostPortWaitStrategy.java:47)
	at org.testcontainers.containers.wait.strategy.AbstractWaitStrategy.waitUntilReady(AbstractWaitStrategy.java:35)`,
  },
  {
    tool: "Testcontainers Java (chained)",
    source: "written for this table: modelled on Testcontainers Java (chained)'s wording, no thread recorded",
    where: "failure",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-never-ready",
    text: `Container startup failed for image postgres:16-alpine
	at org.testcontainers.containers.GenericContainer.doStart(GenericContainer.java:359)
Caused by: org.rnorth.ducttape.RetryCountExceededException: Retry limit hit with exception
	at org.rnorth.ducttape.unreliables.Unreliables.retryUntilSuccess(Unreliables.java:88)
Caused by: org.testcontainers.containers.ContainerLaunchException: Could not create/start container
	at org.testcontainers.containers.GenericContainer.tryStart(GenericContainer.java:566)
Caused by: org.testcontainers.containers.ContainerLaunchException: Timed out waiting for container port to open (192.168.106.4 ports: [32774] should be listening)`,
  },
  {
    tool: "Testcontainers Java (log)",
    source: "written for this table: modelled on Testcontainers Java (log)'s wording, no thread recorded",
    where: "output",
    rule: "container-never-ready",
    text: `10:23:41,490 [main] INFO  [postgres:16] - Container postgres:16 is starting: a10d53b52a46
10:24:41,514 [main] ERROR [postgres:16] - Could not start container
org.testcontainers.containers.ContainerLaunchException: Timed out waiting for log output matching '.*database system is ready to accept connections.*\\s'`,
  },
  {
    tool: "Testcontainers Node",
    source: "written for this table: modelled on Testcontainers Node's wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "container-never-ready",
    text: `Port 5432 not bound after 60000ms
    at retryStrategy.retryUntil (node_modules/testcontainers/dist/wait-strategy.js:61:23)
    at IntervalRetryStrategy.<anonymous> (node_modules/testcontainers/dist/retry-strategy.js:35:28)`,
  },
  {
    tool: "Testcontainers Node",
    source: "written for this table: modelled on Testcontainers Node's wording, no thread recorded",
    where: "failure",
    type: "Error",
    rule: "container-never-ready",
    text: `Timed out after 10000ms while waiting for container ports to be bound to the host
    at inspectContainerUntilPortsExposed (node_modules/testcontainers/build/utils/port-binder.js:27:15)`,
  },
  {
    tool: "Testcontainers Node",
    source: "written for this table: modelled on Testcontainers Node's wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "container-never-ready",
    text: `Log message "Started Application" not received after 60000ms
    at LogWaitStrategy.waitUntilReady (node_modules/testcontainers/build/wait-strategies/log-wait-strategy.js:38:23)`,
  },
  {
    tool: "Testcontainers Python",
    source: "written for this table: modelled on Testcontainers Python's wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "container-never-ready",
    text: `failed on setup with "TimeoutError: Container did not emit logs satisfying predicate in 120.000 seconds"
E   TimeoutError: Container did not emit logs satisfying predicate in 120.000 seconds`,
  },
  {
    tool: "Testcontainers Python (wait_container_is_ready)",
    source:
      "written for this table: a look-alike in Testcontainers Python (wait_container_is_ready)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "container-never-ready",
    lookalike: true,
    text: `Exception: Wait time (120s) exceeded for _connect(args: (), kwargs {}). Exception: (psycopg2.OperationalError) connection to server at "localhost" (127.0.0.1), port 49153 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?`,
  },
  {
    tool: "Testcontainers Go",
    source: "written for this table: modelled on Testcontainers Go's wording, no thread recorded",
    where: "failure",
    rule: "container-startup-failed",
    text: `--- FAIL: TestNexusUpload (61.77s)
    integration_nexus_upload_test.go:25: failed to start container: context deadline exceeded
panic: runtime error: invalid memory address or nil pointer dereference [recovered]
	panic: runtime error: invalid memory address or nil pointer dereference`,
  },
  {
    tool: "Testcontainers Go",
    source: "written for this table: modelled on Testcontainers Go's wording, no thread recorded",
    where: "failure",
    rule: "container-never-ready",
    text: `    store_test.go:40: generic container: start container: started hook: wait until ready: context deadline exceeded`,
  },
  {
    tool: "Testcontainers Go (reaper)",
    source: "written for this table: modelled on Testcontainers Go (reaper)'s wording, no thread recorded",
    where: "output",
    rule: "container-startup-failed",
    text: `{"level":"error","ts":"2023-10-18 20:52:09","msg":"Error response from daemon: No such container: d11e9589adc2: creating reaper failed: failed to create container"}
panic: runtime error: invalid memory address or nil pointer dereference`,
  },
  {
    tool: "Docker Compose v2",
    source: "written for this table: modelled on Docker Compose v2's wording, no thread recorded",
    where: "output",
    rule: "container-never-ready",
    text: ` Container shop-db-1  Waiting
 Container shop-db-1  Error
dependency failed to start: container shop-db-1 is unhealthy`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "docker-daemon-error",
    text: `docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "proc" to rootfs at "/proc": mount proc:/proc (via /proc/self/fd/7), flags: 0xe: permission denied: unknown.`,
  },
  {
    tool: "Docker Compose",
    source: "written for this table: modelled on Docker Compose's wording, no thread recorded",
    where: "output",
    rule: "docker-port-allocated",
    text: `Error response from daemon: driver failed programming external connectivity on endpoint runtipi-db (767a314c2af7348c402b329ff4564aed009fdad23e24428d9abd66d71f750286): Bind for 0.0.0.0:5432 failed: port is already allocated`,
  },
  {
    tool: "Docker CLI",
    source: "written for this table: modelled on Docker CLI's wording, no thread recorded",
    where: "output",
    rule: "docker-port-allocated",
    text: `Error response from daemon: driver failed programming external connectivity on endpoint wand-db-1 (8c3435f55dea): failed to bind port 0.0.0.0:5432/tcp: Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use`,
  },
  {
    tool: "node net (jest beforeAll)",
    source: "written for this table: modelled on node net (jest beforeAll)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "port-in-use",
    text: `listen EADDRINUSE: address already in use :::3000
    at Server.setupListenHandle [as _listen2] (node:net:1817:16)
    at listenInCluster (node:net:1865:12)`,
  },
  {
    tool: "psycopg2 (pytest fixture)",
    source: "written for this table: modelled on psycopg2 (pytest fixture)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `failed on setup with "psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused"
    def connect(dsn=None, connection_factory=None, cursor_factory=None, **kwargs):
>       conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
E       	Is the server running on that host and accepting TCP/IP connections?`,
  },
  {
    tool: "psycopg2 (older libpq)",
    source: "written for this table: modelled on psycopg2 (older libpq)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `psycopg2.OperationalError: could not connect to server: Connection refused
	Is the server running on host "localhost" (127.0.0.1) and accepting
	TCP/IP connections on port 5432?`,
  },
  {
    tool: "redis-py (pytest fixture)",
    source: "written for this table: modelled on redis-py (pytest fixture)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.`,
  },
  {
    tool: "kafkajs (log)",
    source: "written for this table: modelled on kafkajs (log)'s wording, no thread recorded",
    where: "output",
    rule: "service-connection-refused",
    text: `{"level":"ERROR","timestamp":"2021-10-21T09:27:19.691Z","logger":"kafkajs","message":"[Connection] Connection error: connect ECONNREFUSED 127.0.0.1:9092","broker":"localhost:9092","clientId":"my-client"}
{"level":"ERROR","timestamp":"2021-10-21T09:27:19.693Z","logger":"kafkajs","message":"[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection error: connect ECONNREFUSED 127.0.0.1:9092","retryCount":0,"retryTime":10}`,
  },
  {
    tool: "kafkajs (mocha before all hook)",
    source:
      "written for this table: a look-alike in kafkajs (mocha before all hook)'s own format, no thread recorded",
    where: "failure",
    testName: '"before all" hook for "publishes an order event"',
    type: "KafkaJSNonRetriableError",
    rule: "service-connection-refused",
    lookalike: true,
    text: `Connection error: connect ECONNREFUSED 127.0.0.1:9092
KafkaJSNonRetriableError
  Caused by: KafkaJSConnectionError: Connection error: connect ECONNREFUSED 127.0.0.1:9092
    at Socket.onError (node_modules/kafkajs/src/network/connection.js:210:23)
    at Socket.emit (node:events:394:28)`,
  },
  {
    tool: "pgJDBC (Gradle, @BeforeAll)",
    source: "written for this table: modelled on pgJDBC (Gradle, @BeforeAll)'s wording, no thread recorded",
    where: "failure",
    testName: "classMethod",
    type: "org.postgresql.util.PSQLException",
    rule: "service-connection-refused",
    text: `Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.
	at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)
	at org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)
Caused by: java.net.ConnectException: Connection refused`,
  },
  {
    tool: "MySQL Connector/J (JUnit 5 @BeforeAll)",
    source:
      "written for this table: modelled on MySQL Connector/J (JUnit 5 @BeforeAll)'s wording, no thread recorded",
    where: "failure",
    type: "com.mysql.cj.jdbc.exceptions.CommunicationsException",
    rule: "service-connection-refused",
    text: `Communications link failure

The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.
	at com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:175)
	at com.acme.orders.OrderRepositoryIT.setUp(OrderRepositoryIT.java:31)
	at org.junit.jupiter.engine.descriptor.ClassBasedTestDescriptor.invokeBeforeAllMethods(ClassBasedTestDescriptor.java:412)
Caused by: java.net.ConnectException: Connection refused`,
  },
  {
    tool: "Spring test context + pgJDBC",
    source:
      "written for this table: a look-alike in Spring test context + pgJDBC's own format, no thread recorded",
    where: "failure",
    testName: "shouldCreateOrder()",
    type: "java.lang.IllegalStateException",
    rule: "service-connection-refused",
    lookalike: true,
    text: `Failed to load ApplicationContext for [WebMergedContextConfiguration@6a1b2c3d testClass = com.acme.orders.OrderControllerIT]
	at org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate.loadContext(DefaultCacheAwareContextLoaderDelegate.java:180)
Caused by: org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection
Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
  },
  {
    tool: "node-postgres",
    source: "written for this table: modelled on node-postgres's wording, no thread recorded",
    where: "output",
    rule: "service-connection-refused",
    text: `Error: connect ECONNREFUSED 127.0.0.1:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 5432
}`,
  },
  {
    tool: "MongoDB Node driver (beforeAll)",
    source:
      "written for this table: modelled on MongoDB Node driver (beforeAll)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "MongoServerSelectionError",
    rule: "service-connection-refused",
    text: `connect ECONNREFUSED 127.0.0.1:27017
    at Timeout._onTimeout (node_modules/mongodb/lib/sdam/topology.js:292:38)`,
  },
  {
    tool: "Go pgx (TestMain)",
    source: "written for this table: modelled on Go pgx (TestMain)'s wording, no thread recorded",
    where: "output",
    rule: "service-connection-refused",
    text: `failed to connect to \`host=localhost user=postgres database=shop\`: dial error (dial tcp 127.0.0.1:5432: connect: connection refused)
FAIL	github.com/acme/shop/store	0.012s`,
  },
  {
    tool: "pytest (no JUnit written)",
    source: "written for this table: modelled on pytest (no JUnit written)'s wording, no thread recorded",
    where: "output",
    rule: "service-connection-refused",
    text: `==================================== ERRORS ====================================
__________________ ERROR at setup of test_create_order __________________
E   sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
=========================== short test summary info ============================
ERROR tests/test_orders.py::test_create_order - sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to ...
============================== 3 errors in 1.02s ===============================`,
  },
  {
    tool: "node-postgres (vitest beforeAll)",
    source:
      "written for this table: modelled on node-postgres (vitest beforeAll)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "service-connection-reset",
    text: `Connection terminated unexpectedly
 ❯ Connection.<anonymous> node_modules/pg/lib/client.js:132:73
 ❯ Socket.<anonymous> node_modules/pg/lib/connection.js:63:12`,
  },
  {
    tool: "node net",
    source: "written for this table: modelled on node net's wording, no thread recorded",
    where: "output",
    rule: "service-connection-reset",
    text: `Error: read ECONNRESET
    at TCP.onStreamRead (node:internal/stream_base_commons:217:20) {
  errno: -104,
  code: 'ECONNRESET',
  syscall: 'read'
}`,
  },
  {
    tool: "node net (beforeAll)",
    source: "written for this table: modelled on node net (beforeAll)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "service-connection-timeout",
    text: `connect ETIMEDOUT 172.17.0.3:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)`,
  },
  {
    tool: "Go net",
    source: "written for this table: modelled on Go net's wording, no thread recorded",
    where: "output",
    rule: "dns-failure",
    text: `2024/05/02 10:01:12 dial tcp: lookup postgres on 127.0.0.11:53: no such host
exit status 1`,
  },
  {
    tool: "psycopg2 (pytest fixture)",
    source: "written for this table: modelled on psycopg2 (pytest fixture)'s wording, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "dns-failure",
    text: `psycopg2.OperationalError: could not translate host name "postgres" to address: Temporary failure in name resolution`,
  },
  {
    tool: "npm",
    source: "written for this table: modelled on npm's wording, no thread recorded",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! code EAI_AGAIN
npm ERR! syscall getaddrinfo
npm ERR! errno EAI_AGAIN
npm ERR! request to https://registry.npmjs.org/testcontainers failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org`,
  },
  {
    tool: "node dns",
    source: "written for this table: modelled on node dns's wording, no thread recorded",
    where: "output",
    rule: "dns-failure",
    text: `Error: getaddrinfo ENOTFOUND redis
    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)`,
  },
  {
    tool: "Java net (Gradle, @BeforeAll)",
    source: "written for this table: modelled on Java net (Gradle, @BeforeAll)'s wording, no thread recorded",
    where: "failure",
    testName: "classMethod",
    type: "java.net.UnknownHostException",
    rule: "dns-failure",
    text: `kafka: Name or service not known
	at java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)`,
  },
  {
    tool: "Go modules",
    source: "written for this table: modelled on Go modules's wording, no thread recorded",
    where: "output",
    rule: "dependency-download-failed",
    text: `go: github.com/testcontainers/testcontainers-go@v0.31.0: Get "https://proxy.golang.org/github.com/testcontainers/testcontainers-go/@v/v0.31.0.mod": net/http: TLS handshake timeout`,
  },
  {
    tool: "bash (OOM killer)",
    source: "written for this table: modelled on bash (OOM killer)'s wording, no thread recorded",
    where: "output",
    exitCode: 137,
    rule: "process-killed",
    text: `> shop@1.0.0 test:integration
> vitest run --config vitest.integration.ts
/home/runner/work/_temp/6b1e0c2a.sh: line 1:  2451 Killed                  npm run test:integration`,
  },
  {
    tool: "make",
    source: "written for this table: modelled on make's wording, no thread recorded",
    where: "output",
    exitCode: 2,
    rule: "process-killed",
    text: `go test -tags=integration ./...
make: *** [Makefile:23: integration-test] Error 137`,
  },
  {
    tool: "GitHub Actions",
    source: "written for this table: modelled on GitHub Actions's wording, no thread recorded",
    where: "output",
    rule: "oom-killed",
    text: `Error: Process completed with exit code 137.`,
  },
  {
    tool: "node --test (junit reporter, test file killed by the kernel)",
    source:
      "written for this table: modelled on node --test (junit reporter, test file killed by the kernel)'s wording, no thread recorded",
    where: "failure",
    rule: "oom-killed",
    text: `[Error [ERR_TEST_FAILURE]: test failed] {
  code: 'ERR_TEST_FAILURE',
  failureType: 'testCodeFailure',
  cause: 'test failed',
  exitCode: null,
  signal: 'SIGKILL'
}`,
  },
  {
    tool: "Docker (image layer)",
    source: "written for this table: modelled on Docker (image layer)'s wording, no thread recorded",
    where: "output",
    rule: "disk-full",
    text: `failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x86_64-linux-gnu/libgio-2.0.so.0.4200.1: no space left on device`,
  },
  {
    tool: "JUnit (Java IO)",
    source: "written for this table: modelled on JUnit (Java IO)'s wording, no thread recorded",
    where: "failure",
    type: "java.io.IOException",
    rule: "disk-full",
    text: `No space left on device
	at java.base/java.io.FileOutputStream.writeBytes(Native Method)
	at java.base/java.io.FileOutputStream.write(FileOutputStream.java:349)`,
  },
  {
    tool: "node fs",
    source: "written for this table: modelled on node fs's wording, no thread recorded",
    where: "failure",
    type: "Error",
    rule: "disk-full",
    text: `ENOSPC: no space left on device, write
    at Object.writeSync (node:fs:929:3)`,
  },
  {
    tool: "GitHub Actions runner",
    source: "written for this table: modelled on GitHub Actions runner's wording, no thread recorded",
    where: "output",
    rule: "runner-lost",
    text: `##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.
##[error]The operation was canceled.`,
  },
  {
    tool: "GitHub Actions runner",
    source: "written for this table: modelled on GitHub Actions runner's wording, no thread recorded",
    where: "output",
    rule: "runner-lost",
    text: `The self-hosted runner: ci-runner-07 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.`,
  },
  {
    tool: "psycopg2 (CI migrations)",
    source: "https://github.com/conbench/conbench/issues/1501",
    where: "output",
    rule: "service-starting-up",
    text: `psycopg2.OperationalError: connection to server at "db" (172.19.0.3), port 5432 failed: FATAL:  the database system is starting up`,
  },
  {
    tool: "Django manage.py (psycopg2)",
    source: "https://github.com/samuelclay/NewsBlur/issues/1558",
    where: "output",
    rule: "service-starting-up",
    text: `  File "/usr/local/lib/python3.9/site-packages/psycopg2/__init__.py", line 127, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: FATAL:  the database system is starting up`,
  },
  {
    tool: "Django test.sh",
    source: "https://github.com/auvsi-suas/interop/issues/185",
    where: "output",
    rule: "service-starting-up",
    text: `django.db.utils.OperationalError: FATAL:  the database system is starting up
FATAL:  the database system is starting up`,
  },
  {
    tool: "SQLAlchemy (psycopg2)",
    source: "https://github.com/RunestoneInteractive/RunestoneServer/issues/1191",
    where: "output",
    rule: "service-starting-up",
    text: `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  the database system is starting up`,
  },
  {
    tool: "Rails (pg gem)",
    source: "https://github.com/EBWiki/EBWiki/issues/3805",
    where: "output",
    rule: "service-starting-up",
    text: `PG::ConnectionBad: FATAL:  the database system is starting up
FATAL:  the database system is starting up

  File "/usr/local/bundle/gems/pg-1.2.3/lib/pg.rb", line 58, in initialize`,
  },
  {
    tool: "pgJDBC (embedded Postgres, Spring test context)",
    source: "https://github.com/zonkyio/embedded-database-spring-test/issues/14",
    where: "failure",
    phase: "setup",
    type: "org.postgresql.util.PSQLException",
    rule: "service-starting-up",
    text: `FATAL: the database system is starting up
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:438) ~[postgresql-42.1.4.jar:42.1.4]
	at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:222) ~[postgresql-42.1.4.jar:42.1.4]`,
  },
  {
    tool: "go-redis",
    source: "https://github.com/redis/go-redis/issues/1131",
    where: "output",
    rule: "service-starting-up",
    text: `LOADING Redis is loading the dataset in memory`,
  },
  {
    tool: "Jedis",
    source: "https://github.com/redis/redis/issues/812",
    where: "output",
    rule: "service-starting-up",
    text: `Exception in thread "pool-1-thread-4" redis.clients.jedis.exceptions.JedisDataException: LOADING Redis is loading the dataset in memory
    at redis.clients.jedis.Protocol.processError(Protocol.java:59)
    at redis.clients.jedis.Protocol.process(Protocol.java:66)`,
  },
  {
    tool: "JuiceFS (go-redis)",
    source: "https://github.com/juicedata/juicefs/issues/5391",
    where: "output",
    rule: "service-starting-up",
    text: `2024/12/18 15:34:35.092151 juicefs[24572] <ERROR>: Ping redis: LOADING Redis is loading the dataset in memory [checkServerConfig@redis.go:3625]
2024/12/18 15:35:15.483952 juicefs[24572] <FATAL>: LOADING Redis is loading the dataset in memory [main@main.go:31]`,
  },
  {
    tool: "MySQL Connector/J (Testcontainers JDBC wait)",
    source: "https://github.com/testcontainers/testcontainers-java/issues/2878",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `Caused by: com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure

The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.
	at com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)
	at com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:836)
	at org.testcontainers.containers.JdbcDatabaseContainer.createConnection(JdbcDatabaseContainer.java:211)`,
  },
  {
    tool: "EclipseLink in an application container (MicroShed)",
    source: "https://github.com/MicroShed/microshed-testing/issues/203",
    where: "output",
    rule: "service-connection-refused",
    text: `151657 INFO org.microshed.testing.testcontainers.ApplicationContainer  - STDERR: Internal Exception: java.sql.SQLRecoverableException: Communications link failure
151657 INFO org.microshed.testing.testcontainers.ApplicationContainer  - STDERR: The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server. DSRA0010E: SQL State = 08S01, Error Code = 0`,
  },
  {
    tool: "HikariCP + MySQL Connector/J (JUnit 5 class setup)",
    source: "https://github.com/brettwooldridge/HikariCP/issues/2201",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `Communications link failure The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.`,
  },
  {
    tool: "mysql CLI (TiDB)",
    source: "https://github.com/pingcap/tidb/issues/10650",
    where: "output",
    rule: "service-connection-refused",
    text: `ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0`,
  },
  {
    tool: "mysql CLI (docker-compose)",
    source: "https://github.com/pingcap/tidb-docker-compose/issues/100",
    where: "output",
    rule: "service-connection-refused",
    text: `% mysql -h 127.0.0.1 -P 4000 -u root
ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0`,
  },
  {
    tool: "mysql-connector-python",
    source: "https://github.com/docker-library/mysql/issues/994",
    where: "output",
    rule: "service-connection-refused",
    text: `Error: 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 0`,
  },
  {
    tool: "mysql CLI (container init)",
    source: "https://github.com/sameersbn/docker-gitlab/issues/773",
    where: "output",
    rule: "service-connection-refused",
    text: `ERROR 2013 (HY000): Lost connection to MySQL server at 'reading initial communication packet', system error: 104

ERROR 2013 (HY000) at line 1: Lost connection to MySQL server during query`,
  },
  {
    tool: "ioredis (NestJS)",
    source: "https://github.com/hwgilbert16/scholarsome/issues/161",
    where: "output",
    rule: "service-retries-exhausted",
    text: `NestJS MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.
NestJS     at Socket.<anonymous> (C:\\Users\\User\\Documents\\code\\scholarsome\\node_modules\\ioredis\\built\\redis\\event_handler.js:182:37)
NestJS     at Object.onceWrapper (node:events:629:26)`,
  },
  {
    tool: "ioredis (bull)",
    source: "https://github.com/LiskArchive/lisk-service/issues/1527",
    where: "output",
    rule: "service-retries-exhausted",
    text: `/Users/sameer/Documents/Lisk/github/lisk-service/services/transaction-statistics/node_modules/bull/node_modules/ioredis/built/redis/event_handler.js:177
                    self.flushQueue(new errors_1.MaxRetriesPerRequestError(maxRetriesPerRequest));
                                    ^

<ref *1> MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.
    at Socket.<anonymous> (/Users/sameer/Documents/Lisk/github/lisk-service/services/transaction-statistics/node_modules/bull/node_modules/ioredis/built/redis/event_handler.js:177:37)`,
  },
  {
    tool: "ioredis (bull, Windows)",
    source: "https://github.com/87789771/meimei-nestjs-admin/issues/27",
    where: "output",
    rule: "service-retries-exhausted",
    text: `                    self.flushQueue(new errors_1.MaxRetriesPerRequestError(maxRetriesPerRequest));
                                    ^
MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.
    at Socket.<anonymous> (E:\\Forseti\\nestAndElementComponent\\meimei-admin\\node_modules\\bull\\node_modules\\ioredis\\built\\redis\\event_handler.js:177:37)`,
  },
  {
    tool: "ioredis (Node-RED)",
    source: "https://github.com/chameleonbr/node-red-contrib-redis/issues/19",
    where: "output",
    rule: "service-connection-refused",
    text: `[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379`,
  },
  {
    tool: "Jedis (pool, @BeforeAll)",
    source: "https://github.com/redis/jedis/issues/3904",
    where: "failure",
    testName: "classMethod",
    type: "redis.clients.jedis.exceptions.JedisConnectionException",
    rule: "service-connection-refused",
    text: `redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to any host resolved for DNS name.
	at redis.clients.jedis.DefaultJedisSocketFactory.connectToFirstSuccessfulHost(DefaultJedisSocketFactory.java:63) ~[jedis-5.1.2.jar:?]
	at redis.clients.jedis.DefaultJedisSocketFactory.createSocket(DefaultJedisSocketFactory.java:89) ~[jedis-5.1.2.jar:?]`,
  },
  {
    tool: "Jedis",
    source: "https://github.com/redis/jedis/issues/2848",
    where: "output",
    rule: "service-connection-refused",
    text: `Exception in thread "main" redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to any host resolved for DNS name.
	at redis.clients.jedis.DefaultJedisSocketFactory.connectToFirstSuccsefulHost(DefaultJedisSocketFactory.java:62)
	Suppressed: java.net.SocketTimeoutException: connect timed out`,
  },
  {
    tool: "Lettuce (Spring Data Redis)",
    source: "https://github.com/redis/lettuce/issues/1133",
    where: "output",
    rule: "service-connection-refused",
    text: `org.springframework.data.redis.RedisConnectionFailureException: Redis connection failed; nested exception is io.lettuce.core.RedisConnectionException: Unable to connect to localhost:6379
        at org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter.convert(LettuceExceptionConverter.java:66)`,
  },
  {
    tool: "Lettuce (Spring Boot)",
    source: "https://github.com/lexburner/oauth2-demo/issues/34",
    where: "output",
    rule: "service-connection-refused",
    text: `RedisConnectionFailureException, Unable to connect to Redis; nested exception is io.lettuce.core.RedisConnectionException: Unable to connect to localhost:6379`,
  },
  {
    tool: "Lettuce (Spring Boot)",
    source: "https://github.com/spring-projects/spring-boot/issues/14307",
    where: "output",
    rule: "service-connection-refused",
    text: `org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis; nested exception is io.lettuce.core.RedisConnectionException: Unable to connect to 127.0.0.1:6379

  at org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory$SharedConnection.getNativeConnection(LettuceConnectionFactory.java:966)`,
  },
  {
    tool: "Kafka Java client (Akka integration spec)",
    source: "https://github.com/akka/akka-guide/issues/588",
    where: "output",
    rule: "broker-unavailable",
    text: `2021-02-19T08:43:16.1664877Z [2021-02-19 08:43:16,165] [WARN] [org.apache.kafka.clients.NetworkClient] [] [] [kafka-producer-network-thread | producer-2] - [Producer clientId=producer-2] Connection to node -1 (localhost/127.0.0.1:9092) could not be established. Broker may not be available.
2021-02-19T08:43:16.1667913Z [2021-02-19 08:43:16,166] [WARN] [org.apache.kafka.clients.NetworkClient] [] [] [kafka-producer-network-thread | producer-2] - [Producer clientId=producer-2] Bootstrap broker localhost:9092 (id: -1 rack: null) disconnected`,
  },
  {
    tool: "Kafka Java client (Quarkus integration test)",
    source: "https://github.com/apache/incubator-kie-kogito-runtimes/pull/3046",
    where: "output",
    rule: "broker-unavailable",
    text: `2023-06-09 08:18:58,118 WARN  [org.apa.kaf.cli.NetworkClient] (smallrye-kafka-consumer-thread-3) [Consumer clientId=kafka-consumer-visa_approved_in_transition, groupId=kogito-quarkus-serverless-workflow-integration-test] Connection to node 0 (localhost/127.0.0.1:33834) could not be established. Broker may not be available.`,
  },
  {
    tool: "Kafka AdminClient (Kafdrop)",
    source: "https://github.com/airbnb/kafkat/issues/37",
    where: "output",
    rule: "broker-unavailable",
    text: `2020-10-15 14:12:38.893 WARN 1 [| kafdrop-admin] o.a.k.c.NetworkClient : [AdminClient clientId=kafdrop-admin] Connection to node -1 (/192.168.37.31:9092) could not be established. Broker may not be available.`,
  },
  {
    tool: "Kafka AdminClient",
    source: "https://github.com/Seagate/cortx-s3server/issues/947",
    where: "output",
    rule: "broker-unavailable",
    text: `[2021-05-31 05:33:43,132] WARN [AdminClient clientId=adminclient-1] Connection to node -1 (setest01/127.0.0.1:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)
[2021-05-31 05:33:44,242] WARN [AdminClient clientId=adminclient-1] Connection to node -1 (setest01/127.0.0.1:9092) could not be established. Broker may not be available. (org.apache.kafka.clients.NetworkClient)`,
  },
  {
    tool: "Kafka Java client (Lagom)",
    source: "https://github.com/lagom/lagom/issues/1285",
    where: "output",
    rule: "broker-unavailable",
    text: `2019-01-19T14:22:13.633Z [warn] org.apache.kafka.clients.NetworkClient [] - Connection to node -1 could not be established. Broker may not be available.`,
  },
  {
    tool: "kafkajs (beforeAll)",
    source: "https://github.com/tulios/kafkajs/issues/1769",
    where: "failure",
    phase: "setup",
    type: "KafkaJSNonRetriableError",
    rule: "broker-unavailable",
    text: `KafkaJSNonRetriableError
  Caused by: KafkaJSProtocolError: There is no leader for this topic-partition as we are in the middle of a leadership election
    at createErrorFromCode (D:\\ACP\\WHATSAPP\\node_modules\\kafkajs\\src\\protocol\\error.js:581:10)
    at Object.parse (D:\\ACP\\WHATSAPP\\node_modules\\kafkajs\\src\\protocol\\requests\\metadata\\v0\\response.js:64:11)`,
  },
  {
    tool: "kafkajs",
    source: "https://github.com/tulios/kafkajs/issues/1008",
    where: "output",
    rule: "broker-unavailable",
    text: `KafkaJSNonRetriableError
  Caused by: KafkaJSProtocolError: There is no leader for this topic-partition as we are in the middle of a leadership election`,
  },
  {
    tool: "kafkajs (admin)",
    source: "https://github.com/tulios/kafkajs/issues/639",
    where: "output",
    rule: "broker-unavailable",
    text: `Error code: "LEADER_NOT_AVAILABLE"
Message: "There is no leader for this topic-partition as we are in the middle of a leadership election"`,
  },
  {
    tool: "ruby-kafka",
    source: "https://github.com/zendesk/ruby-kafka/issues/427",
    where: "output",
    rule: "broker-unavailable",
    text: `Kafka::LeaderNotAvailable: Kafka::LeaderNotAvailable
	from /Users/Dodko/.rvm/gems/ruby-2.3.1/gems/ruby-kafka-0.4.2/lib/kafka/protocol.rb:96:in \`handle_error'`,
  },
  {
    tool: "Kafka console producer",
    source: "https://github.com/spotify/docker-kafka/issues/12",
    where: "output",
    rule: "broker-unavailable",
    text: `[2015-05-07 11:30:13,965] WARN Error while fetching metadata [{TopicMetadata for topic test -> 
No partition metadata for topic test due to kafka.common.LeaderNotAvailableException}] for topic [test]: class kafka.common.LeaderNotAvailableException  (kafka.producer.BrokerPartitionInfo)`,
  },
  {
    tool: "kafka-node",
    source: "https://github.com/SOHU-Co/kafka-node/issues/912",
    where: "output",
    rule: "broker-unavailable",
    text: `BrokerNotAvailableError: Could not find the leader`,
  },
  {
    tool: "pykafka",
    source: "https://github.com/Parsely/pykafka/issues/338",
    where: "output",
    rule: "broker-unavailable",
    text: `  File "/Users/allen/.virtualenvs/roommgr/lib/python2.7/site-packages/pykafka/topic.py", line 150, in update
    raise LeaderNotAvailable()
pykafka.exceptions.LeaderNotAvailable`,
  },
  {
    tool: "Maven (GitHub Actions)",
    source: "https://github.com/kiegroup/droolsjbpm-build-bootstrap/pull/1512",
    where: "output",
    rule: "dependency-download-failed",
    text: `Error:  Failed to execute goal on project uberfire-metadata-backend-infinispan: Could not resolve dependencies for project org.uberfire:uberfire-metadata-backend-infinispan:jar:7.46.0-SNAPSHOT: Failed to collect dependencies at org.arquillian.cube:arquillian-cube-docker-junit-rule:jar:1.15.3 -> org.arquillian.cube:arquillian-cube-docker:jar:1.0.0.Alpha15 -> org.arquillian.cube:arquillian-cube-spi:jar:1.0.0.Alpha15 -> org.arquillian.extension:arquillian-recorder-reporter-api:jar:1.1.2.Final -> org.eclipse.persistence:org.eclipse.persistence.moxy:jar:2.7.6: Failed to read artifact descriptor for org.eclipse.persistence:org.eclipse.persistence.moxy:jar:2.7.6: Could not transfer artifact org.eclipse.persistence:org.eclipse.persistence.moxy:pom:2.7.6 from/to central (https://repo.maven.apache.org/maven2): Transfer failed for https://repo.maven.apache.org/maven2/org/eclipse/persistence/org.eclipse.persistence.moxy/2.7.6/org.eclipse.persistence.moxy-2.7.6.pom: Connection reset -> [Help 1]`,
  },
  {
    tool: "Maven (CentOS CI)",
    source: "https://github.com/redhat-developer/rh-che/issues/1632",
    where: "output",
    rule: "dependency-download-failed",
    text: `Could not transfer artifact org.apache.maven:maven-core:jar:2.0.9 from/to central (https://repo.maven.apache.org/maven2): Connection reset`,
  },
  {
    tool: "Maven dependency plugin (GitHub Actions)",
    source: "https://github.com/snowflakedb/snowflake-ingest-java/pull/502",
    where: "output",
    rule: "dependency-download-failed",
    text: `2023-05-17T14:20:16.7749209Z [ERROR] Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:3.3.0:analyze-only (analyze) on project snowflake-ingest-sdk: Execution analyze of goal org.apache.maven.plugins:maven-dependency-plugin:3.3.0:analyze-only failed: Plugin org.apache.maven.plugins:maven-dependency-plugin:3.3.0 or one of its dependencies could not be resolved: Failed to collect dependencies at org.apache.maven.plugins:maven-dependency-plugin:jar:3.3.0 -> org.apache.maven.reporting:maven-reporting-impl:jar:3.1.0: Failed to read artifact descriptor for org.apache.maven.reporting:maven-reporting-impl:jar:3.1.0: Could not transfer artifact org.apache.maven.reporting:maven-reporting-impl:pom:3.1.0 from/to central (https://repo.maven.apache.org/maven2): Connection reset -> [Help 1]
2023-05-17T14:20:16.7750525Z [ERROR] `,
  },
  {
    tool: "Maven dependency plugin (unpack)",
    source: "https://github.com/INTO-CPS-Association/maestro/issues/311",
    where: "output",
    rule: "dependency-download-failed",
    text: `Error:  Failed to execute goal org.apache.maven.plugins:maven-dependency-plugin:2.8:unpack (default) on project maestro-webapi: Execution default of goal org.apache.maven.plugins:maven-dependency-plugin:2.8:unpack failed: Plugin org.apache.maven.plugins:maven-dependency-plugin:2.8 or one of its dependencies could not be resolved: Failed to collect dependencies at org.apache.maven.plugins:maven-dependency-plugin:jar:2.8 -> org.apache.maven.reporting:maven-reporting-impl:jar:2.0.5 -> org.apache.maven.doxia:doxia-core:jar:1.0: Failed to read artifact descriptor for org.apache.maven.doxia:doxia-core:jar:1.0: Could not transfer artifact org.apache.maven.doxia:doxia-core:pom:1.0 from/to central (https://repo.maven.apache.org/maven2): transfer failed for https://repo.maven.apache.org/maven2/org/apache/maven/doxia/doxia-core/1.0/doxia-core-1.0.pom: Connection reset -> [Help 1]`,
  },
  {
    tool: "Maven",
    source: "https://github.com/googleapis/google-cloud-java/pull/7557",
    where: "output",
    rule: "dependency-download-failed",
    text: `[ERROR] Failed to execute goal on project google-cloud-managedtest: Could not resolve dependencies for project com.google.cloud:google-cloud-managedtest:jar:0.120.1-alpha-SNAPSHOT: Could not transfer artifact com.google.api:gax-httpjson:jar:0.80.0 from/to central (https://repo.maven.apache.org/maven2): Transfer failed for https://repo.maven.apache.org/maven2/com/google/api/gax-httpjson/0.80.0/gax-httpjson-0.80.0.jar: Connection reset -> [Help 1]`,
  },
  {
    tool: "Maven (read timeout)",
    source: "https://github.com/apache/linkis/issues/1816",
    where: "output",
    rule: "dependency-download-failed",
    text: `Error:  Failed to execute goal on project linkis-engineconn-manager-server: Could not resolve dependencies for project org.apache.linkis:linkis-engineconn-manager-server:jar:1.1.0: Could not transfer artifact net.java.dev.jna:jna-platform:jar:5.6.0 from/to central (https://repo.maven.apache.org/maven2): transfer failed for https://repo.maven.apache.org/maven2/net/java/dev/jna/jna-platform/5.6.0/jna-platform-5.6.0.jar: Connection timed out (Read failed) -> [Help 1]`,
  },
  {
    tool: "Maven (Bonita build)",
    source: "https://github.com/Bonitasoft-Community/Build-Bonita/pull/36",
    where: "output",
    rule: "dependency-download-failed",
    text: `    Could not transfer artifact org.apache.maven.shared:maven-filtering:pom:1.0-beta-4 from/to central (https://repo.maven.apache.org/maven2): Connection reset`,
  },
  {
    tool: "Gradle (ForgeGradle repository)",
    source: "https://github.com/nexusnode/crafting-dead/issues/325",
    where: "output",
    rule: "dependency-download-failed",
    text: `A problem occurred configuring project ':crafting-dead-core'.
> Could not resolve all files for configuration ':crafting-dead-core:modules_userdev_resolver'.
   > Could not resolve cpw.mods:bootstraplauncher:1.0.0.
     Required by:
         project :crafting-dead-core
      > Could not resolve cpw.mods:bootstraplauncher:1.0.0.
         > Could not get resource 'https://maven.tarbits.co.uk/releases/cpw/mods/bootstraplauncher/1.0.0/bootstraplauncher-1.0.0.pom'.
            > Could not GET 'https://maven.tarbits.co.uk/releases/cpw/mods/bootstraplauncher/1.0.0/bootstraplauncher-1.0.0.pom'. Received status code 502 from server: Bad Gateway`,
  },
  {
    tool: "Gradle (stack trace)",
    source: "https://github.com/mplushnikov/lombok-intellij-plugin/issues/1102",
    where: "output",
    rule: "dependency-download-failed",
    text: `Caused by: org.gradle.internal.resource.transport.http.HttpErrorStatusCodeException: Could not HEAD 'https://jetbrains.bintray.com/intellij-third-party-dependencies/com/jetbrains/intellij/idea/ideaIC/2019.3.3/ideaIC-2019.3.3.pom'. Received status code 502 from server: Bad Gateway
	at org.gradle.internal.resource.transport.http.HttpClientHelper.processResponse(HttpClientHelper.java:186)
	at org.gradle.internal.resource.transport.http.HttpClientHelper.performHead(HttpClientHelper.java:80)`,
  },
  {
    tool: "Gradle (plugin resolution)",
    source: "https://github.com/mark-vieira/gradle-maven-settings-plugin/issues/24",
    where: "output",
    rule: "dependency-download-failed",
    text: `  > Could not resolve net.linguica.maven-settings:net.linguica.maven-settings.gradle.plugin:0.5.
         > Could not get resource 'https://dl.bintray.com/icerockdev/plugins/net/linguica/maven-settings/net.linguica.maven-settings.gradle.plugin/0.5/net.linguica.maven-settings.gradle.plugin-0.5.pom'.
            > Could not GET 'https://dl.bintray.com/icerockdev/plugins/net/linguica/maven-settings/net.linguica.maven-settings.gradle.plugin/0.5/net.linguica.maven-settings.gradle.plugin-0.5.pom'. Received status code 502 from server: Bad Gateway`,
  },
  {
    tool: "Gradle (runtimeClasspath)",
    source: "https://github.com/ph4r05/javacard-gradle-template/issues/13",
    where: "output",
    rule: "dependency-download-failed",
    text: `FAILURE: Build failed with an exception.

* What went wrong:
A problem occurred configuring project ':applet'.
> Could not resolve all files for configuration ':applet:runtimeClasspath'.
   > Could not resolve com.github.martinpaljak:ant-javacard:20.03.25.
     Required by:
         project :applet > com.klinec:gradle-javacard:1.8.0
      > Could not resolve com.github.martinpaljak:ant-javacard:20.03.25.
         > Could not get resource 'https://dl.bintray.com/ph4r05/jcard/com/github/martinpaljak/ant-javacard/20.03.25/ant-javacard-20.03.25.pom'.
            > Could not HEAD 'https://dl.bintray.com/ph4r05/jcard/com/github/martinpaljak/ant-javacard/20.03.25/ant-javacard-20.03.25.pom'. Received status code 502 from server: Bad Gateway`,
  },
  {
    tool: "Gradle (JitPack 521)",
    source: "https://github.com/edeandrea/xjc-generation-gradle-plugin/issues/27",
    where: "output",
    rule: "dependency-download-failed",
    text: `> A problem occurred configuring root project '...'.
> > Could not resolve all artifacts for configuration ':classpath'.
>    > Could not resolve com.github.edeandrea.xjc-generation:com.github.edeandrea.xjc-generation.gradle.plugin:1.6.
>          > Could not get resource 'https://jitpack.io/com/github/edeandrea/xjc-generation/com.github.edeandrea.xjc-generation.gradle.plugin/1.6/com.github.edeandrea.xjc-generation.gradle.plugin-1.6.pom'.
>             > Could not HEAD 'https://jitpack.io/com/github/edeandrea/xjc-generation/com.github.edeandrea.xjc-generation.gradle.plugin/1.6/com.github.edeandrea.xjc-generation.gradle.plugin-1.6.pom'. Received status code 521 from server:`,
  },
  {
    tool: "Gradle (Android classpath)",
    source: "https://github.com/darwin-morocho/flutter-facebook-auth/issues/208",
    where: "output",
    rule: "dependency-download-failed",
    text: `* What went wrong:
A problem occurred configuring root project 'android'.
> Could not resolve all artifacts for configuration ':classpath'.
   > Could not resolve com.google.protobuf:protobuf-java-util:3.10.0.
         > Could not get resource 'https://jcenter.bintray.com/com/google/protobuf/protobuf-java-util/3.10.0/protobuf-java-util-3.10.0.pom'.
            > Could not GET 'https://jcenter.bintray.com/com/google/protobuf/protobuf-java-util/3.10.0/protobuf-java-util-3.10.0.pom'. Received status code 502 from server: Bad Gateway`,
  },
  {
    tool: "Gradle (buildscript)",
    source: "https://github.com/spring-attic/spring-security-saml/issues/396",
    where: "output",
    rule: "dependency-download-failed",
    text: `FAILURE: Build failed with an exception.

* What went wrong:
A problem occurred configuring root project 'spring-security-saml2'.
> Could not resolve all artifacts for configuration ':classpath'.
   > Could not resolve gradle.plugin.org.gretty:gretty:2.2.0.
     Required by:
         project : > io.spring.gradle:spring-build-conventions:0.0.23.RELEASE
      > Could not resolve gradle.plugin.org.gretty:gretty:2.2.0.
         > Could not get resource 'https://jcenter.bintray.com/gradle/plugin/org/gretty/gretty/2.2.0/gretty-2.2.0.pom'.
            > Could not GET 'https://jcenter.bintray.com/gradle/plugin/org/gretty/gretty/2.2.0/gretty-2.2.0.pom'. Received status code 502 from server: Bad Gateway`,
  },
  {
    tool: "pip",
    source: "https://github.com/pypa/pip/issues/9487",
    where: "output",
    rule: "dependency-download-failed",
    text: `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/pygame/`,
  },
  {
    tool: "pip (23.x)",
    source: "https://github.com/pypa/pip/issues/12352",
    where: "output",
    rule: "dependency-download-failed",
    text: `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")'`,
  },
  {
    tool: "pip (docker build)",
    source: "https://github.com/conbench/conbench/issues/815",
    where: "output",
    rule: "dependency-download-failed",
    text: `#10 18.23 ERROR: Exception:
#10 18.23 Traceback (most recent call last):
#10 18.23     raise ReadTimeoutError(self._pool, None, "Read timed out.")
#10 18.23 pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out.`,
  },
  {
    tool: "pip (extra index)",
    source: "https://github.com/opendatalab/MinerU/issues/1802",
    where: "output",
    rule: "dependency-download-failed",
    text: `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='wheels.myhloli.com', port=443): Read timed out. (read timeout=15)")': /doclayout-yolo/`,
  },
  {
    tool: "npm 10",
    source: "https://github.com/npm/cli/issues/8015",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! code ECONNRESET
npm ERR! errno ECONNRESET
npm ERR! network Invalid response body while trying to fetch https://registry.npmjs.org/@types%2fnode: aborted
npm ERR! network This is a problem related to network connectivity.
npm ERR! network In most cases you are behind a proxy or have bad network settings.`,
  },
  {
    tool: "npm 1.4",
    source: "https://github.com/npm/registry-issue-archive/issues/124",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! fetch failed https://registry.npmjs.org/npm/-/npm-1.4.29.tgz
npm ERR! network read ECONNRESET
npm ERR! network This is most likely not a problem with npm itself
npm ERR! network and is related to network connectivity.`,
  },
  {
    tool: "npm 2",
    source: "https://github.com/npm/npm/issues/12484",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! node v0.12.7
npm ERR! npm  v2.14.3
npm ERR! code ECONNRESET
npm ERR! errno ECONNRESET
npm ERR! syscall read`,
  },
  {
    tool: "npm 10 (git dependency)",
    source: "https://github.com/keymanapp/keyman/issues/10350",
    where: "output",
    rule: "dependency-download-failed",
    text: `07:27:58   npm ERR! npm ERR! code ECONNRESET
07:27:58   npm ERR! npm ERR! errno ECONNRESET
07:27:58   npm ERR! npm ERR! network Invalid response body while trying to fetch https://registry.npmjs.org/@parcel%2freporter-tracer: aborted`,
  },
  {
    tool: "npm 3 (OpenStack gate)",
    source: "https://github.com/gnocchixyz/gnocchi/issues/73",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! network read ECONNRESET
npm ERR! network This is most likely not a problem with npm itself
npm ERR! network and is related to network connectivity.
npm ERR! code ECONNRESET
npm ERR! errno ECONNRESET
npm ERR! syscall read`,
  },
  {
    tool: "npm debug log",
    source: "https://github.com/npm/npm/issues/15274",
    where: "output",
    rule: "dependency-download-failed",
    text: `166837 error code ECONNRESET
166838 error errno ECONNRESET
166839 error syscall read
166840 error network read ECONNRESET
166840 error network This is most likely not a problem with npm itself`,
  },
  {
    tool: "npm 10 (ETIMEDOUT)",
    source: "https://github.com/npm/cli/issues/7452",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! code ETIMEDOUT
npm ERR! ETIMEDOUT error number
npm ERR! network request to https://registry.npmjs.org/npm failed, reason:
npm ERR! network This is a network connectivity issue.`,
  },
  {
    tool: "npm 4 (retries)",
    source: "https://github.com/npm/npm/issues/15784",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! fetch failed https://registry.npmjs.org/cssesc/-/cssesc-0.1.0.tgz
npm WARN retry will retry, error on last attempt: Error: connect ETIMEDOUT 151.101.0.162:443
npm ERR! fetch failed https://registry.npmjs.org/cssom/-/cssom-0.3.1.tgz
npm WARN retry will retry, error on last attempt: Error: connect ETIMEDOUT 151.101.192.162:443`,
  },
  {
    tool: "npm 9 (IPv6)",
    source: "https://github.com/nodejs/help/issues/4276",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! code ETIMEDOUT
npm ERR! syscall connect
npm ERR! errno ETIMEDOUT
npm ERR! network request to https://registry.npmjs.org/create-react-app failed, reason: connect ETIMEDOUT 2606:4700::6810:1a22:443
npm ERR! network This is a problem related to network connectivity.`,
  },
  {
    tool: "npm 3",
    source: "https://github.com/npm/npm/issues/15889",
    where: "output",
    rule: "dependency-download-failed",
    text: `npm ERR! code ETIMEDOUT
npm ERR! errno ETIMEDOUT
npm ERR! syscall connect

npm ERR! network connect ETIMEDOUT 151.101.64.162:80
npm ERR! network This is most likely not a problem with npm itself`,
  },
  {
    tool: "npm 5",
    source: "https://github.com/npm/npm/issues/20414",
    where: "output",
    rule: "dependency-download-failed",
    text: `> npm ERR! code ETIMEDOUT
> npm ERR! errno ETIMEDOUT
> npm ERR! network request to http://registry.npmjs.org/@angular%2fanimations failed, reason: connect ETIMEDOUT 151.101.44.162:80
> npm ERR! network This is a problem related to network connectivity.`,
  },
  {
    tool: "npm debug log (retries)",
    source: "https://github.com/npm/npm/issues/9678",
    where: "output",
    rule: "service-connection-timeout",
    text: `494 info retry will retry, error on last attempt: Error: connect ETIMEDOUT 199.27.79.162:80
495 info retry will retry, error on last attempt: Error: connect ETIMEDOUT 199.27.79.162:80`,
  },
  {
    tool: "npm 1.2",
    source: "https://github.com/npm/npm/issues/4306",
    where: "output",
    rule: "service-connection-timeout",
    text: `npm http GET https://registry.npmjs.org/grunt-cli
npm http GET https://registry.npmjs.org/grunt-cli
npm ERR! Error: connect ETIMEDOUT
npm ERR!     at errnoException (net.js:770:11)
npm ERR!     at Object.afterConnect [as oncomplete] (net.js:761:19)`,
  },
  {
    tool: "Go modules (checksum database)",
    source: "https://github.com/testground/testground/issues/1185",
    where: "output",
    rule: "dependency-download-failed",
    text: `Using go proxy: http://testground-goproxy:8081
go: github.com/kr/text@v0.2.0/go.mod: verifying module: github.com/kr/text@v0.2.0/go.mod: Get "https://sum.golang.org/lookup/github.com/kr/text@v0.2.0": dial tcp 172.217.160.81:443: i/o timeout`,
  },
  {
    tool: "Go modules (docker build)",
    source: "https://github.com/kubernetes-sigs/kube-scheduler-simulator/issues/136",
    where: "output",
    rule: "dependency-download-failed",
    text: `Step 8/15 : RUN go mod download
 ---> Running in d6742e426e36
go: github.com/golang/mock@v1.4.4: Get "https://proxy.golang.org/github.com/golang/mock/@v/v1.4.4.mod": dial tcp: i/o timeout
The command '/bin/sh -c go mod download' returned a non-zero code: 1`,
  },
  {
    tool: "Go modules (DNS)",
    source: "https://github.com/golang/go/issues/65662",
    where: "output",
    rule: "service-connection-timeout",
    text: `go: github.com/Dlizzz/catsnn/cmd/controller imports
        go.uber.org/zap: module go.uber.org/zap: Get "https://proxy.golang.org/go.uber.org/zap/@v/list": dial tcp: lookup proxy.golang.org on 172.17.240.1:53: read udp 10.88.0.149:36444->172.17.240.1:53: i/o timeout`,
  },
  {
    tool: "Go modules (proxy outage)",
    source: "https://github.com/golang/go/issues/35516",
    where: "output",
    rule: "dependency-download-failed",
    text: `go: cloud.google.com/go@v0.38.0: Get https://proxy.golang.org/cloud.google.com/go/@v/v0.38.0.mod: dial tcp: i/o timeout`,
  },
  {
    tool: "Go modules (go build)",
    source: "https://github.com/withlin/canal-go/issues/57",
    where: "output",
    rule: "dependency-download-failed",
    text: `go: github.com/gogo/protobuf@v1.3.1: Get https://proxy.golang.org/github.com/gogo/protobuf/@v/v1.3.1.mod: dial tcp 172.217.160.81:443: i/o timeout`,
  },
  {
    tool: "Go modules (vanity import, GitLab CI)",
    source: "https://github.com/shurcooL/home/issues/28",
    where: "output",
    rule: "dependency-download-failed",
    text: `go: dmitri.shuralyov.com/html/belt@v0.0.0-20180602232347-f7d459c86be0: unrecognized import path "dmitri.shuralyov.com/html/belt" (https fetch: Get https://dmitri.shuralyov.com/html/belt?go-get=1: dial tcp 172.93.50.41:443: i/o timeout)
go: error loading module requirements`,
  },
  {
    tool: "Go modules (make)",
    source: "https://github.com/cnotch/ipchub/issues/5",
    where: "output",
    rule: "dependency-download-failed",
    text: `go: github.com/BurntSushi/toml@v0.3.1: Get https://proxy.golang.org/github.com/%21burnt%21sushi/toml/@v/v0.3.1.mod: dial tcp 142.251.43.17:443: i/o timeout
make: *** [makefile:13: build] Error 1`,
  },
  {
    tool: "Go modules (Dockerfile)",
    source: "https://github.com/0x0FB0/pulsar/issues/34",
    where: "output",
    rule: "dependency-download-failed",
    text: `Step 23/32 : RUN cd zdns/zdns && go build .
---> Running in a1095150e4e3
go: github.com/asergeyev/nradix@v0.0.0-20170505151046-3872ab85bb56: Get https://proxy.golang.org/github.com/asergeyev/nradix/@v/v0.0.0-20170505151046-3872ab85bb56.mod: dial tcp 216.58.200.241:443: i/o timeout`,
  },
  {
    tool: "PyGithub (publish-unit-test-result-action)",
    source: "https://github.com/EnricoMi/publish-unit-test-result-action/issues/170",
    where: "output",
    rule: "github-rate-limit",
    text: `github.GithubException.RateLimitExceededException: 403 {"documentation_url": "https://docs.github.com/en/free-pro-team@latest/rest/overview/resources-in-the-rest-api#secondary-rate-limits", "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}`,
  },
  {
    tool: "octokit (create-an-issue)",
    source: "https://github.com/JasonEtco/create-an-issue/issues/128",
    where: "output",
    rule: "github-rate-limit",
    text: `✖  fatal     HttpError: You have exceeded a secondary rate limit. Please wait a few minutes before you try again. 
    at /home/runner/work/_actions/JasonEtco/create-an-issue/v2/dist/index.js:5310:23
    at processTicksAndRejections (internal/process/task_queues.js:97:5)`,
  },
  {
    tool: "octokit (self-hosted runner)",
    source: "https://github.com/JasonEtco/create-an-issue/issues/142",
    where: "output",
    rule: "github-rate-limit",
    text: `Error: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.
✖  fatal     HttpError: You have exceeded a secondary rate limit. Please wait a few minutes before you try again. 
    at /tmp/github-runner-your-repo/_actions/JasonEtco/create-an-issue/v2/dist/index.js:5855:21`,
  },
  {
    tool: "node script (npm start)",
    source: "https://github.com/inokawa/lang-box/issues/10",
    where: "output",
    rule: "github-rate-limit",
    text: `Error: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.
    at ApiClient.fetch (file:///home/runner/work/lang-box/lang-box/src/api.js:20:13)
    at runMicrotasks (<anonymous>)
npm ERR! code ELIFECYCLE
npm ERR! errno 1`,
  },
  {
    tool: "PyGithub retry log",
    source: "https://github.com/EnricoMi/publish-unit-test-result-action/pull/385",
    where: "output",
    rule: "github-rate-limit",
    text: `2022-12-16 13:56:47 +0000 - github.GithubRetry -  INFO - Request GET /repositories/290227969/commits/71ca27c4a9d74fa7ec2898304ee75909e4a57124/check-runs?per_page=1&page=150 failed with 403: Forbidden
2022-12-16 13:56:47 +0000 - github.GithubRetry - DEBUG - Response body indicates retry-able primary rate limit error: API rate limit exceeded for installation ID 5425010.`,
  },
  {
    tool: "CodeQL init action",
    source: "https://github.com/github/codeql/issues/5106",
    where: "output",
    rule: "github-rate-limit",
    text: `Error: init action failed: HttpError: API rate limit exceeded for installation ID 7125406`,
  },
  {
    tool: "octokit (yaml-update-action)",
    source: "https://github.com/fjogeleit/yaml-update-action/issues/537",
    where: "output",
    rule: "github-rate-limit",
    text: `Error: HttpError: You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.`,
  },
  {
    tool: "action-wait-for-check",
    source: "https://github.com/fountainhead/action-wait-for-check/issues/30",
    where: "output",
    rule: "github-rate-limit",
    text: `Error: API rate limit exceeded for installation ID 8440595`,
  },
  {
    tool: "Upptime",
    source: "https://github.com/upptime/upptime/issues/786",
    where: "output",
    rule: "github-rate-limit",
    text: `API rate limit exceeded for installation ID X`,
  },
  {
    tool: "jQuery client",
    source: "https://github.com/charany1/GHSDD/issues/2",
    where: "output",
    rule: "github-rate-limit",
    text: `Uncaught {"readyState":4,"responseText":"{\\n  \\"message\\": \\"API rate limit exceeded for 59.177.201.195. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)\\",\\n  \\"documentation_url\\": \\"https://developer.github.com/v3/#rate-limiting\\"\\n}\\n",`,
  },
  {
    tool: "PyGithub",
    source: "https://github.com/Justintime50/github-archive/issues/54",
    where: "output",
    rule: "github-rate-limit",
    text: `github.GithubException.RateLimitExceededException: 403 {"message": "API rate limit exceeded for 195.19.90.245. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)", "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`,
  },
  {
    tool: "node CLI (github client)",
    source: "https://github.com/mntnr/name-your-contributors/issues/3",
    where: "output",
    rule: "github-rate-limit",
    text: `err { [Error: {"message":"API rate limit exceeded for 38.104.218.154. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)","documentation_url":"https://developer.github.com/v3/#rate-limiting"}]
  status: 403,`,
  },
  {
    tool: "joomla/github (PHP)",
    source: "https://github.com/joomla/jissues/issues/971",
    where: "output",
    rule: "github-rate-limit",
    text: `[2017-06-03 07:29:23] JTracker.ERROR: 403 API rate limit exceeded for 72.29.124.158. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.) {"exception":"[object] (Joomla\\\\Http\\\\Exception\\\\UnexpectedResponseException(code: 403): API rate limit exceeded for 72.29.124.158.`,
  },
  {
    tool: "GitHub REST response",
    source: "https://github.com/larvalabs/pullup/issues/234",
    where: "output",
    rule: "github-rate-limit",
    text: `{
    "message":"API rate limit exceeded for 54.221.143.48. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
    "documentation_url":"http://developer.github.com/v3/#rate-limiting"
}`,
  },
  {
    tool: "GitHub REST response (VBlog)",
    source: "https://github.com/GitHub-Laziji/VBlog/issues/43",
    where: "output",
    rule: "github-rate-limit",
    text: `API rate limit exceeded for 203.205.141.36. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`,
  },
  {
    tool: "testcontainers-node (unhandled rejection)",
    source: "https://github.com/pinpoint-apm/pinpoint-node-agent/issues/121",
    where: "output",
    rule: "docker-socket-unreachable",
    text: `node:internal/process/promises:279
            triggerUncaughtException(err, true /* fromPromise */);
            ^

Error: connect ENOENT /var/run/docker.sock
    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1187:16) {
  errno: -2,
  code: 'ENOENT',
  syscall: 'connect',
  address: '/var/run/docker.sock'
}`,
  },
  {
    tool: "testcontainers-node (debug log)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/407",
    where: "output",
    rule: "docker-socket-unreachable",
    text: `  testcontainers DEBUG Testing Docker client strategy URI: unix:///var/run/docker.sock +1ms
  testcontainers WARN  Docker daemon is not reachable: Error: connect ENOENT /var/run/docker.sock +4ms
  testcontainers WARN  Docker client strategy UnixSocketStrategy is not reachable +0ms`,
  },
  {
    tool: "testcontainers-node (vitest)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/407",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "testcontainers-no-docker",
    text: `Error: No Docker client strategy found

    at /Users/myUser/repo/export/at-elasticsearch-indexmapper/node_modules/testcontainers/dist/docker/docker-client.js:46:11`,
  },
  {
    tool: "testcontainers-node (jest)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/321",
    where: "output",
    rule: "testcontainers-no-docker",
    text: `  FAIL All test/app.integration.ts (10.2 s)
  Setup environment successfuly › Connects to kafka
    No Docker client strategy found
      at node_modules/testcontainers/dist/docker/docker-client.js:47:11
      at fulfilled (node_modules/testcontainers/dist/docker/docker-client.js:5:58)`,
  },
  {
    tool: "testcontainers-node (AWS CodeBuild)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/369",
    where: "failure",
    phase: "setup",
    rule: "testcontainers-no-docker",
    text: `No Docker client strategy found`,
  },
  {
    tool: "Testcontainers Java",
    source: "https://github.com/testcontainers/testcontainers-java/issues/6165",
    where: "output",
    rule: "docker-socket-unreachable",
    text: `DOCKER_HOST unix:///var/run/docker.sock is not listening`,
  },
  {
    tool: "Testcontainers Java (log)",
    source: "https://github.com/testcontainers/testcontainers-java/issues/9195",
    where: "output",
    rule: "docker-socket-unreachable",
    text: `WARNING: DOCKER_HOST unix:///var/run/docker.sock is not listening`,
  },
  {
    tool: "Testcontainers Java (Jenkins)",
    source: "https://github.com/eugenp/tutorials/pull/18561",
    where: "output",
    rule: "testcontainers-no-docker",
    text: `java.lang.IllegalStateException: Could not find a valid Docker environment

UnixSocketClientProviderStrategy: failed with exception InvalidConfigurationException (Could not find unix domain socket). Root cause NoSuchFileException (/var/run/docker.sock)`,
  },
  {
    tool: "Testcontainers .NET",
    source: "https://github.com/testcontainers/testcontainers-dotnet/issues/1285",
    where: "failure",
    type: "System.ArgumentException",
    rule: "testcontainers-no-docker",
    text: `Docker is either not running or misconfigured. Please ensure that Docker is running and that the endpoint is properly configured. You can customize your configuration using either the environment variables or the ~/.testcontainers.properties file. For more information, visit:
https://dotnet.testcontainers.org/custom_configuration/ (Parameter 'DockerEndpointAuthConfig')
   at DotNet.Testcontainers.Guard.ThrowIf[TType](ArgumentInfo\`1& argument, Func\`2 condition, Func\`2 ifClause) in /_/src/Testcontainers/Guard.Null.cs:line 62`,
  },
  {
    tool: "docker-py (unix transport)",
    source: "https://github.com/docker/docker-py/issues/3219",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `  File "/usr/local/lib/python3.11/http/client.py", line 976, in send
    self.connect()
  File "/usr/local/lib/python3.11/site-packages/docker/transport/unixconn.py", line 30, in connect
    sock.connect(self.unix_socket)
FileNotFoundError: [Errno 2] No such file or directory

During handling of the above exception, another exception occurred:`,
  },
  {
    tool: "docker-compose v1 (frozen docker-py)",
    source: "https://github.com/OpenFactorioServerManager/factorio-server-manager/issues/259",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `  File "http/client.py", line 972, in send
  File "docker/transport/unixconn.py", line 43, in connect
FileNotFoundError: [Errno 2] No such file or directory

During handling of the above exception, another exception occurred:`,
  },
  {
    tool: "docker-compose v1",
    source: "https://github.com/ClassmateLin/dm-ticket/issues/30",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `  File "docker/api/client.py", line 197, in __init__
  File "docker/api/client.py", line 221, in _retrieve_server_version
docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))`,
  },
  {
    tool: "docker-py (Debian package)",
    source: "https://github.com/kpirnie/kptv-fast/issues/1",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `  File "/usr/lib/python3/dist-packages/docker/transport/unixconn.py", line 27, in connect
    sock.connect(self.unix_socket)
FileNotFoundError: [Errno 2] No such file or directory`,
  },
  {
    tool: "docker-py (pytest)",
    source: "https://github.com/crate/cratedb-toolkit/issues/254",
    where: "failure",
    phase: "setup",
    rule: "docker-daemon-unreachable",
    text: `docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))`,
  },
  {
    tool: "docker-py (Python 2)",
    source: "https://github.com/tobegit3hub/lambda-docker/issues/3",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `<class 'docker.errors.DockerException'> at /
Error while fetching server API version: ('Connection aborted.', error(2, 'No such file or directory'))`,
  },
  {
    tool: "docker-py (OpenDevin)",
    source: "https://github.com/OpenHands/OpenHands/issues/1564",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `17:05:53 - opendevin:ERROR: exec_box.py:55 - Please check Docker is running using \`docker ps\`.
17:05:53 - opendevin:ERROR: agent.py:127 - Error creating controller: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))`,
  },
  {
    tool: "docker-py (ansible-container)",
    source: "https://github.com/ansible/ansible-container/issues/844",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `ERROR	Unknown exception Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))	`,
  },
  {
    tool: "Testcontainers Java (okhttp unix socket)",
    source: "https://github.com/gitbucket/gitbucket/issues/2250",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `Caused by: java.io.IOException: com.sun.jna.LastErrorException: [2] Datei oder Verzeichnis nicht gefunden
	at org.testcontainers.shaded.org.scalasbt.ipcsocket.UnixDomainSocket.<init>(UnixDomainSocket.java:62)
	at org.testcontainers.dockerclient.transport.okhttp.UnixSocketFactory$1.<init>(UnixSocketFactory.java:27)`,
  },
  {
    tool: "docker-java (httpclient5)",
    source: "https://github.com/kestra-io/kestra/issues/5524",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `java.lang.RuntimeException: java.io.IOException: com.sun.jna.LastErrorException: [2] No such file or directory
 at com.github.dockerjava.httpclient5.ApacheDockerHttpClientImpl.execute(ApacheDockerHttpClientImpl.java:210)
 at com.github.dockerjava.httpclient5.ApacheDockerHttpClient.execute(ApacheDockerHttpClient.java:9)
 Caused by: java.io.IOException: com.sun.jna.LastErrorException: [2] No such file or directory
 at com.github.dockerjava.transport.DomainSocket.<init>(DomainSocket.java:63)
 at com.github.dockerjava.transport.LinuxDomainSocket.<init>(LinuxDomainSocket.java:41)`,
  },
  {
    tool: "docker-java (WebDriverManager)",
    source: "https://github.com/bonigarcia/webdrivermanager/issues/859",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `2022-06-27T15:02:37.493681772Z 	at com.github.dockerjava.transport.DomainSocket.<init>(DomainSocket.java:63) ~[docker-java-transport-3.2.13.jar!/:na]
2022-06-27T15:02:37.493686231Z 	at com.github.dockerjava.transport.LinuxDomainSocket.<init>(LinuxDomainSocket.java:41) ~[docker-java-transport-3.2.13.jar!/:na]`,
  },
  {
    tool: "Testcontainers Java 1.x (junixsocket)",
    source: "https://github.com/testcontainers/testcontainers-java/issues/61",
    where: "failure",
    phase: "setup",
    rule: "docker-daemon-unreachable",
    text: `org.testcontainers.shaded.javax.ws.rs.ProcessingException: org.newsclub.net.unix.AFUNIXSocketException: No such file or directory (socket: /home/matthieu/code/james-gitsvn/server/protocols/jmap-integration-testing/:80)
	at org.testcontainers.shaded.com.github.dockerjava.jaxrs.connector.ApacheConnector.apply(ApacheConnector.java:490)`,
  },
  {
    tool: "go-dockerclient (Hyperledger Fabric)",
    source: "https://github.com/fsouza/go-dockerclient/issues/768",
    where: "output",
    rule: "docker-socket-unreachable",
    text: `create container failed: Post http://unix.sock/containers/create?name=dev-peer0.org2.example.com-mycc-1.0: dial unix /var/run/docker.sock: connect: no such file or directory {"imageName": "dev-peer0.org2.example.com-mycc-1.0-15b571b3ce849066b7ec74497da3b27e54e0df1345daff3951b94245ce09c42b", "containerName": "dev-peer0.org2.example.com-mycc-1.0"}`,
  },
  {
    tool: "Docker CLI (ECR over SSH in GitHub Actions)",
    source: "https://github.com/aws/amazon-vpc-cni-k8s/issues/1217",
    where: "output",
    rule: "registry-auth-failed",
    text: `err: Error response from daemon: Head "https://***/v2/***/manifests/55": no basic auth credentials
err: Unable to find image '***/***:55' locally
err: docker: Error response from daemon: Head "https://***/v2/***/manifests/55": no basic auth credentials.
err: See 'docker run --help'.`,
  },
  {
    tool: "Docker CLI (ECR push, self-hosted runner)",
    source: "https://github.com/aws-actions/amazon-ecr-login/issues/431",
    where: "output",
    rule: "registry-auth-failed",
    text: `The push refers to repository [***.dkr.ecr.eu-central-1.amazonaws.com/registry]
374b29f6eb29: Preparing
8c667e7e65fe: Preparing
no basic auth credentials
Error: Process completed with exit code 1.`,
  },
  {
    tool: "Concourse docker-image resource (ECR)",
    source: "https://github.com/concourse/docker-image-resource/issues/161",
    where: "output",
    rule: "registry-auth-failed",
    text: `failed to fetch manifest: Get https://MY_ACCOUNT.dkr.ecr.eu-west-1.amazonaws.com/v2/MY_REPO/manifests/d196e5688d: no basic auth credentials`,
  },
  {
    tool: "Docker build (GitHub Packages)",
    source: "https://github.com/actions/docker/issues/32",
    where: "output",
    rule: "registry-auth-failed",
    text: `Get https://docker.pkg.github.com/v2/undefinedlabs/maven-jdk18-perl-alpine/maven-jdk18-perl-alpine/manifests/0.1.0: no basic auth credentials
##[error]Docker build failed with exit code 1`,
  },
  {
    tool: "Docker CLI (push)",
    source: "https://github.com/actions/docker/issues/5",
    where: "output",
    rule: "registry-auth-failed",
    text: `no basic auth credentials`,
  },
  {
    tool: "Docker CLI (expired Docker Hub token)",
    source: "https://github.com/sailor-sh/CK-X/issues/60",
    where: "output",
    rule: "registry-auth-failed",
    text: `Error response from daemon: Head "https://registry-1.docker.io/v2/library/redis/manifests/alpine": unauthorized: personal access token is expired`,
  },
  {
    tool: "Docker CLI (stale GHCR login)",
    source: "https://github.com/riverqueue/riverui/issues/182",
    where: "output",
    rule: "registry-auth-failed",
    text: `Error response from daemon: Head "https://ghcr.io/v2/riverqueue/riverui/manifests/latest": denied: denied`,
  },
  {
    tool: "Docker CLI (stale GHCR login)",
    source: "https://github.com/dexidp/dex/issues/2672",
    where: "output",
    rule: "registry-auth-failed",
    text: `> docker pull ghcr.io/dexidp/dex:v2.30.2
Error response from daemon: Head "https://ghcr.io/v2/dexidp/dex/manifests/v2.30.2": denied: denied`,
  },
  {
    tool: "Docker CLI (stale GHCR login)",
    source: "https://github.com/korthout/camunda-platform-rest-api/issues/106",
    where: "output",
    rule: "registry-auth-failed",
    text: `$ docker pull ghcr.io/korthout/camunda-platform-rest-api:latest
Error response from daemon: Head "https://ghcr.io/v2/korthout/camunda-platform-rest-api/manifests/latest": denied: denied`,
  },
  {
    tool: "docker-compose (GHCR)",
    source: "https://github.com/vortexntnu/vortex-auv/issues/357",
    where: "output",
    rule: "registry-auth-failed",
    text: `Head "https://ghcr.io/v2/vortexntnu/vortex-auv/manifests/development": unauthorized`,
  },
  {
    tool: "Docker CLI (GHCR)",
    source: "https://github.com/collabora/WhisperFusion/issues/12",
    where: "output",
    rule: "registry-auth-failed",
    text: `Unable to find image 'ghcr.io/collabora/whisperfusion:latest' locally
docker: Error response from daemon: Head "https://ghcr.io/v2/collabora/whisperfusion/manifests/latest": unauthorized.
See 'docker run --help'.`,
  },
  {
    tool: "Testcontainers Java (docker-java, Ryuk pull)",
    source: "https://github.com/Netflix/conductor/issues/3569",
    where: "output",
    rule: "registry-auth-failed",
    text: `22:11:39.841 [docker-java-stream--831761403] ERROR com.github.dockerjava.api.async.ResultCallbackTemplate - Error during callback
com.github.dockerjava.api.exception.InternalServerErrorException: Status 500: {"message":"Head \\"https://registry-1.docker.io/v2/testcontainers/ryuk/manifests/0.3.1\\": unauthorized: incorrect username or password"}`,
  },
  {
    tool: "Docker CLI (GHCR incident)",
    source: "https://github.com/EnricoMi/publish-unit-test-result-action/issues/308",
    where: "output",
    rule: "registry-auth-failed",
    text: `docker: error pulling image configuration: download failed after attempts=1: unauthorized: unauthenticated: User cannot be authenticated with the token provided.`,
  },
  {
    tool: "Docker CLI (GHCR incident)",
    source: "https://github.com/EnricoMi/publish-unit-test-result-action/issues/307",
    where: "output",
    rule: "registry-auth-failed",
    text: `b58c806264a5: Waiting
9c3f1c2099b9: Waiting
error pulling image configuration: unauthorized: unauthenticated: User cannot be authenticated with the token provided.`,
  },
  {
    tool: "Docker CLI (GHCR)",
    source: "https://github.com/ogham-mcp/ogham-mcp/issues/5",
    where: "output",
    rule: "registry-auth-failed",
    text: `Error response from daemon: error from registry: unauthorized
unauthorized`,
  },
  {
    tool: "Docker Desktop (Registry Access Management)",
    source: "https://github.com/testcontainers/testcontainers-elixir/issues/182",
    where: "output",
    rule: "registry-auth-failed",
    text: `"Pull failed due to an unauthenticated request. Registry Access Management is enabled, which requires pulls to be authenticated. Please run \`docker login\`, or contact your administrators if this is unexpected.\\n"`,
  },
  {
    tool: "Testcontainers Java (container removed during wait)",
    source: "https://github.com/testcontainers/testcontainers-java/issues/11860",
    where: "failure",
    phase: "setup",
    rule: "container-startup-failed",
    text: `PostgreSQL container intermittently fails to start with "Wait strategy failed. Container is removed" (TimeoutException) in CI environment`,
  },

  {
    tool: "Testcontainers Java (ImageFromDockerfile)",
    source: "https://github.com/helidon-io/helidon/issues/9388",
    where: "failure",
    phase: "setup",
    rule: "registry-rate-limit",
    text: `org.testcontainers.containers.ContainerLaunchException: Container startup failed for image pgsql:latest

. . .

Caused by: com.github.dockerjava.api.exception.DockerClientException: Could not build image: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
	at com.github.dockerjava.api.command.BuildImageResultCallback.getImageId(BuildImageResultCallback.java:78)`,
  },
  {
    tool: "Docker CLI (tests)",
    source: "https://github.com/Clinical-Genomics/scout/issues/5222",
    where: "output",
    rule: "registry-rate-limit",
    text: `docker: _Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit._`,
  },
  {
    tool: "go test (Docker API from a test)",
    source: "https://github.com/relab/hotstuff/issues/176",
    where: "output",
    rule: "registry-rate-limit",
    text: `{"errorDetail":{"message":"toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"},"error":"toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"}
    iagotest.go:171: Error response from daemon: No such image: iago-test:latest
--- FAIL: TestDeployment (1.45s)
FAIL
FAIL	github.com/relab/hotstuff/internal/orchestration	84.933s`,
  },
  {
    tool: "GitHub Actions service container",
    source: "https://github.com/man-group/ArcticDB/issues/1752",
    where: "output",
    rule: "registry-rate-limit",
    text: `Starting mongodb service container
  /usr/bin/docker pull mongo:4.4
  Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit
  Warning: Docker pull failed with exit code 1, back off 2.721 seconds before retry.`,
  },
  {
    tool: ".NET Aspire tests",
    source: "https://github.com/microsoft/aspire/issues/4786",
    where: "failure",
    rule: "registry-rate-limit",
    text: `toomanyrequests: You have reached your pull rate limit.`,
  },
  {
    tool: "Jib (Maven, Jenkins)",
    source: "https://github.com/apache/incubator-kie-kogito-runtimes/pull/2858",
    where: "output",
    rule: "registry-rate-limit",
    text: `[2023-03-07T13:01:06.872Z] [ERROR]       "code": "TOOMANYREQUESTS",
[2023-03-07T13:01:06.872Z] [ERROR]       "message": "You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"`,
  },
  {
    tool: "containerd (Kubernetes CI)",
    source: "https://github.com/kata-containers/kata-containers/issues/10100",
    where: "output",
    rule: "registry-rate-limit",
    text: `Error: Failed to pull image "busybox": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/busybox:latest": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/busybox/manifests/sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`,
  },
  {
    tool: "Docker Hub (unauthenticated limit)",
    source: "https://github.com/PostHog/posthog/pull/81920",
    where: "output",
    rule: "registry-rate-limit",
    text: `toomanyrequests: You have reached your unauthenticated pull rate limit`,
  },
  {
    tool: "PHPUnit feature test shelling out to docker (CircleCI)",
    source: "https://github.com/ProcessMaker/processmaker/issues/692",
    where: "failure",
    phase: "call",
    rule: "docker-daemon-unreachable",
    text: `Response Debug Information:
/home/circleci/repo/tests/Feature/Shared/RequestHelper.php:51:
array(1) {
  'output' =>
  string(149) "/usr/bin/docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?.
See '/usr/bin/docker run --help'."
}`,
  },
  {
    tool: "GitLab CI job",
    source: "https://github.com/docker/for-linux/issues/489",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `$ docker info
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
ERROR: Job failed: exit code 1`,
  },
  {
    tool: "docker build (in a container)",
    source: "https://github.com/twistlock/RunC-CVE-2019-5736/issues/2",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `root@1a87c3027708:/usercode# docker build -t cve-2019-5736:exec_POC ./exec_POC

ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "Actions Runner Controller (DinD not up yet)",
    source: "https://github.com/actions/actions-runner-controller/issues/1652",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "Devtron CI runner (k3s)",
    source: "https://github.com/devtron-labs/devtron/issues/719",
    where: "failure",
    phase: "setup",
    rule: "docker-daemon-unreachable",
    text: `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "docker-compose up",
    source: "https://github.com/OpenBMB/XAgent/issues/7",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `cd ToolServer
bash build_all.sh && docker-compose up

返回结果
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "testing.postgresql (pytest class fixture)",
    source: "https://github.com/tk0miya/testing.postgresql/issues/30",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused`,
  },
  {
    tool: "Flask unittest setUp (docker-compose CI)",
    source: "https://github.com/testdrivenio/testdriven-app-2.4/issues/14",
    where: "output",
    rule: "service-connection-refused",
    text: `  File "/usr/local/lib/python3.7/site-packages/psycopg2/__init__.py", line 130, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: could not connect to server: Connection refused
	Is the server running on host "users-db" (172.18.0.2) and accepting
	TCP/IP connections on port 5432?


The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/usr/src/app/project/tests/base.py", line 17, in setUp
    db.create_all()`,
  },
  {
    tool: "alembic in CI (docker compose)",
    source: "https://github.com/conbench/conbench/issues/1117",
    where: "output",
    rule: "service-connection-refused",
    text: `psycopg2.OperationalError) could not connect to server: Connection refused`,
  },
  {
    tool: "GitHub Actions runner (.NET worker log)",
    source: "https://github.com/MediaMarktSaturn/technolinator/pull/420",
    where: "output",
    rule: "disk-full",
    text: `System.IO.IOException: No space left on device`,
  },
  {
    tool: "GitHub Actions runner (lint-test job)",
    source: "https://github.com/google/osdfir-infrastructure/issues/216",
    where: "output",
    rule: "disk-full",
    text: `lint-testSystem.IO.IOException: No space left on device : '/home/runner/actions-runner/cached/_diag/Worker_20251007-173706-utc.log'    at System`,
  },
  {
    tool: "GitHub Actions runner (docker build job)",
    source: "https://github.com/rvolosatovs/docker-protobuf/pull/289",
    where: "output",
    rule: "disk-full",
    text: `build System.IO.IOException: No space left on device : '/home/runner/runners/2.311.0/_diag/Worker_20231116-033846-utc.log'`,
  },
  {
    tool: "GitHub Actions (Ubuntu 18.04 image)",
    source: "https://github.com/actions/runner-images/issues/1860",
    where: "output",
    rule: "disk-full",
    text: `Error: No space left on device`,
  },
  {
    tool: "GitHub Actions runner warning",
    source: "https://github.com/devcontainers/features/pull/633",
    where: "output",
    rule: "disk-full",
    text: `You are running out of disk space. The runner will stop working when the machine runs out of disk space`,
  },
  {
    tool: "GitHub Actions (pytest job)",
    source: "https://github.com/aai-institute/pyDVL/issues/528",
    where: "output",
    rule: "disk-full",
    text: `Actions fail with, "No space left on device"`,
  },
  {
    tool: "self-hosted runner (docker images, e2e tests)",
    source: "https://github.com/actions/runner/issues/3184",
    where: "output",
    rule: "disk-full",
    text: `The runner builds getting failed for us with error "no space left on device".`,
  },
  {
    tool: "GitHub Actions runner",
    source: "https://github.com/actions/runner/issues/2427",
    where: "output",
    rule: "runner-lost",
    text: `2023-02-09T20:11:49.9484027Z ##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.
2023-02-09T20:11:49.9749746Z ...
2023-02-09T20:11:49.9966268Z ##[error]The operation was canceled.`,
  },
  {
    tool: "GitHub Actions self-hosted runner (Kubernetes)",
    source: "https://github.com/actions/runner/issues/2662",
    where: "output",
    rule: "runner-lost",
    text: `The self-hosted runner: xxx lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.`,
  },
  {
    tool: "GitHub Actions hosted runner (npm build)",
    source: "https://github.com/actions/runner/issues/2468",
    where: "output",
    rule: "runner-lost",
    text: `#[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.`,
  },
  {
    tool: "GitHub Actions runner (Gradle Spark tests)",
    source: "https://github.com/apache/iceberg/pull/14747",
    where: "output",
    rule: "runner-lost",
    text: `2025-12-03T17:04:40.8825544Z ##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.
2025-12-03T17:04:41.2056821Z ##[error]The operation was canceled.
2025-12-03T17:04:41.2155172Z Cleaning up orphan processes
2025-12-03T17:04:41.2508511Z Terminate orphan process: pid (87395) (java)`,
  },
  {
    tool: "GitHub Actions self-hosted runner (Hetzner)",
    source: "https://github.com/testflows/TestFlows-GitHub-Hetzner-Runners/issues/26",
    where: "output",
    rule: "runner-lost",
    text: `The self-hosted runner: github-hetzner-runner-***-***-cpx21-hel1 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.`,
  },
  {
    tool: "GitHub Actions hosted runner (Windows test suite)",
    source: "https://github.com/xroche/httrack/issues/795",
    where: "output",
    rule: "runner-lost",
    text: `The hosted runner lost communication with the server`,
  },
  {
    tool: "GitHub Actions self-hosted runner (spot instance)",
    source: "https://github.com/ClickHouse/ClickHouse/issues/41850",
    where: "output",
    rule: "runner-lost",
    text: `The self-hosted runner: i-078c873b6bfaa94b4 lost communication with the server...`,
  },
]);

const TEST: readonly Row[] = label("test", [
  {
    tool: "vitest (chai)",
    source: "written for this table: a look-alike in vitest (chai)'s own format, no thread recorded",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected 'connection refused' to equal 'retrying'
 ❯ test/retry-policy.test.ts:18:42`,
  },
  {
    tool: "jest",
    source: "written for this table: a look-alike in jest's own format, no thread recorded",
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `Error: expect(received).rejects.toThrow(expected)

Expected substring: "ECONNREFUSED"
Received message:   "connect ETIMEDOUT 10.0.0.1:5432"

      40 |   it("surfaces the connection error", async () => {
      41 |     const client = new Client({ host: "10.0.0.1", connectionTimeoutMillis: 50 });
    > 42 |     await expect(client.connect()).rejects.toThrow("ECONNREFUSED");
         |                                            ^`,
  },
  {
    tool: "jest",
    source: "written for this table: a look-alike in jest's own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "jest-matcher",
    lookalike: true,
    text: `Error: expect(received).toBe(expected) // Object.is equality

Expected: "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
Received: "docker daemon unavailable"`,
  },
  {
    tool: "pytest",
    source: "written for this table: a look-alike in pytest's own format, no thread recorded",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `    def test_retry_message():
>       assert describe(err) == "Connection refused"
E       AssertionError: assert 'timeout' == 'Connection refused'
E         - Connection refused
E         + timeout`,
  },
  {
    tool: "pytest",
    source: "written for this table: a look-alike in pytest's own format, no thread recorded",
    where: "failure",
    rule: "pytest-assert",
    lookalike: true,
    text: `    def test_gives_up_when_redis_is_down(client):
        with pytest.raises(redis.exceptions.ConnectionError):
>           client.get("k")
E           Failed: DID NOT RAISE <class 'redis.exceptions.ConnectionError'>`,
  },
  {
    tool: "pytest",
    source: "written for this table: a look-alike in pytest's own format, no thread recorded",
    where: "failure",
    rule: "pytest-assert",
    lookalike: true,
    text: `    def test_health_reports_database_down(api):
        response = api.get("/health")
>       assert response.json()["db"] == "Connection refused"
E       assert 'ok' == 'Connection refused'`,
  },
  {
    tool: "JUnit 5 assertThrows",
    source: "written for this table: a look-alike in JUnit 5 assertThrows's own format, no thread recorded",
    where: "failure",
    type: "org.opentest4j.AssertionFailedError",
    rule: "assertion-error",
    lookalike: true,
    text: `Expected java.net.ConnectException to be thrown, but nothing was thrown.
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:152)
	at org.junit.jupiter.api.AssertThrows.assertThrows(AssertThrows.java:73)`,
  },
  {
    tool: "JUnit 5 assertEquals",
    source: "written for this table: a look-alike in JUnit 5 assertEquals's own format, no thread recorded",
    where: "failure",
    type: "org.opentest4j.AssertionFailedError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected: <Connection refused> but was: <Connection reset>
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)`,
  },
  {
    tool: "JUnit 5 assertDoesNotThrow",
    source:
      "written for this table: a look-alike in JUnit 5 assertDoesNotThrow's own format, no thread recorded",
    where: "failure",
    type: "org.opentest4j.AssertionFailedError",
    rule: "assertion-error",
    lookalike: true,
    text: `Unexpected exception thrown: java.net.ConnectException: Connection refused
	at org.junit.jupiter.api.AssertDoesNotThrow.createAssertionFailedError(AssertDoesNotThrow.java:84)`,
  },
  {
    tool: "AssertJ",
    source: "written for this table: a look-alike in AssertJ's own format, no thread recorded",
    where: "failure",
    type: "java.lang.AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `
Expecting actual:
  "Timed out waiting for container port to open (localhost ports: [5432] should be listening)"
to contain:
  "port 6543"`,
  },
  {
    tool: "Hamcrest",
    source: "written for this table: a look-alike in Hamcrest's own format, no thread recorded",
    where: "failure",
    type: "java.lang.AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `
Expected: a string containing "Could not find a valid Docker environment"
     but: was "Docker is not available"`,
  },
  {
    tool: "JUnit 4",
    source: "written for this table: a look-alike in JUnit 4's own format, no thread recorded",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `org.junit.ComparisonFailure: expected:<[toomanyrequests]> but was:<[manifest unknown]>
	at org.junit.Assert.assertEquals(Assert.java:115)`,
  },
  {
    tool: "testify",
    source: "written for this table: a look-alike in testify's own format, no thread recorded",
    where: "failure",
    rule: "testify-comparison",
    lookalike: true,
    text: `    retry_test.go:41: 
        	Error Trace:	/src/retry/retry_test.go:41
        	Error:      	Not equal: 
        	            	expected: "dial tcp 127.0.0.1:5432: connect: connection refused"
        	            	actual  : "dial tcp 127.0.0.1:5432: i/o timeout"
        	Test:       	TestDialErrorIsReported`,
  },
  {
    tool: "testify",
    source: "written for this table: a look-alike in testify's own format, no thread recorded",
    where: "failure",
    rule: "testify-comparison",
    lookalike: true,
    text: `    client_test.go:58: 
        	Error Trace:	/src/client/client_test.go:58
        	Error:      	Expected nil, but got: &net.OpError{Op:"dial", Net:"tcp", Err:&os.SyscallError{Syscall:"connect", Err:0x6f}} (connect: connection refused)
        	Test:       	TestClientTalksToStub`,
  },
  {
    tool: "go test",
    source: "written for this table: a look-alike in go test's own format, no thread recorded",
    where: "failure",
    rule: "go-got-want",
    lookalike: true,
    text: `    resolver_test.go:27: Resolve("db.internal") got error "lookup db.internal on 10.0.0.2:53: no such host", want <nil>`,
  },
  {
    tool: "go test",
    source: "written for this table: a look-alike in go test's own format, no thread recorded",
    where: "failure",
    rule: "go-got-want",
    lookalike: true,
    text: `--- FAIL: TestRetryOnRefused (0.00s)
    retry_test.go:18: got 3 attempts after "connection refused", want 5`,
  },
  {
    tool: "vitest (chai)",
    source: "written for this table: a look-alike in vitest (chai)'s own format, no thread recorded",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected [Function] to throw error including 'ENOTFOUND' but got 'getaddrinfo EAI_AGAIN db'`,
  },
  {
    tool: "mocha (chai)",
    source: "written for this table: a look-alike in mocha (chai)'s own format, no thread recorded",
    where: "failure",
    rule: "chai-expectation",
    lookalike: true,
    text: `expected 'write EPIPE' to include 'ECONNRESET'`,
  },
  {
    tool: "vitest",
    source: "written for this table: a look-alike in vitest's own format, no thread recorded",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected 'write failed: disk quota exceeded' to contain 'no space left on device'`,
  },
  {
    tool: "vitest",
    source: "written for this table: a look-alike in vitest's own format, no thread recorded",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected [Function] to throw error including 'Container startup failed' but got 'Timed out'`,
  },
  {
    tool: "jest",
    source: "written for this table: a look-alike in jest's own format, no thread recorded",
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `expect(received).toMatchObject(expected)

- Expected  - 1
+ Received  + 1

  Object {
-   "code": "EADDRINUSE",
+   "code": "EACCES",
  }`,
  },
  {
    tool: "jest",
    source: "written for this table: a look-alike in jest's own format, no thread recorded",
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `expect(received).toEqual(expected) // deep equality

Expected: {"kind": "port-conflict", "port": 5432}
Received: {"kind": "unknown", "message": "Bind for 0.0.0.0:5432 failed: port is already allocated"}`,
  },
  {
    tool: "jest",
    source: "written for this table: a look-alike in jest's own format, no thread recorded",
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `expect(received).toBe(expected) // Object.is equality

Expected: "Killed"
Received: "Terminated"`,
  },
  {
    tool: "unittest",
    source: "written for this table: a look-alike in unittest's own format, no thread recorded",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `Traceback (most recent call last):
  File "/src/tests/test_pull.py", line 22, in test_classifies_rate_limit
    self.assertEqual(classify(msg), "rate-limited")
AssertionError: 'toomanyrequests: You have reached your pull rate limit' != 'rate-limited'`,
  },
  {
    tool: "node:assert",
    source: "written for this table: a look-alike in node:assert's own format, no thread recorded",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

'ETIMEDOUT' !== 'ECONNRESET'
    at TestContext.<anonymous> (file:///src/test/socket.test.mjs:31:10)`,
  },
  {
    tool: "node-postgres (test body)",
    source:
      "written for this table: a look-alike in node-postgres (test body)'s own format, no thread recorded",
    where: "failure",
    phase: "call",
    type: "Error",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `connect ECONNREFUSED 127.0.0.1:8081
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)`,
  },
  {
    tool: "redis-py (test body)",
    source: "written for this table: a look-alike in redis-py (test body)'s own format, no thread recorded",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `redis.exceptions.ConnectionError: Error 111 connecting to localhost:6380. Connection refused.`,
  },
  {
    tool: "psycopg2 (test body)",
    source: "written for this table: a look-alike in psycopg2 (test body)'s own format, no thread recorded",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `    def test_report_uses_replica(replica_dsn):
>       conn = psycopg2.connect(replica_dsn)
E       psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5433 failed: Connection refused`,
  },
  {
    tool: "jest",
    source: "written for this table: modelled on jest's wording, no thread recorded",
    where: "failure",
    rule: "unrecognised-failure",
    text: `thrown: "Exceeded timeout of 5000 ms for a test.
Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."`,
  },
  {
    tool: "psycopg2 (pytest fixture)",
    source:
      "written for this table: a look-alike in psycopg2 (pytest fixture)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "missing-table",
    lookalike: true,
    text: `failed on setup with "psycopg2.errors.UndefinedTable: relation "users" does not exist
LINE 1: SELECT id FROM users WHERE email = 'a@b.c'
                       ^"`,
  },
  {
    tool: "node-postgres (vitest beforeAll)",
    source:
      "written for this table: a look-alike in node-postgres (vitest beforeAll)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    type: "error",
    rule: "missing-table",
    lookalike: true,
    text: `relation "users" does not exist
 ❯ Parser.parseErrorMessage node_modules/pg-protocol/dist/parser.js:283:98
 ❯ Socket.<anonymous> node_modules/pg-protocol/dist/index.js:11:42`,
  },
  {
    tool: "TypeORM",
    source: "written for this table: a look-alike in TypeORM's own format, no thread recorded",
    where: "failure",
    type: "QueryFailedError",
    rule: "missing-table",
    lookalike: true,
    text: `relation "users" does not exist
    at PostgresQueryRunner.query (src/driver/postgres/PostgresQueryRunner.ts:299:19)`,
  },
  {
    tool: "Sequelize",
    source: "written for this table: a look-alike in Sequelize's own format, no thread recorded",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `SequelizeDatabaseError: relation "Users" does not exist
    at Query.formatError (/app/node_modules/sequelize/lib/dialects/postgres/query.js:386:16)`,
  },
  {
    tool: "sqlite3 (pytest)",
    source: "written for this table: a look-alike in sqlite3 (pytest)'s own format, no thread recorded",
    where: "failure",
    rule: "missing-table",
    lookalike: true,
    text: `FAILED tests/test_main.py::test_successful_employee_update - sqlite3.OperationalError: no such table: employees`,
  },
  {
    tool: "Spring test context + MySQL",
    source:
      "written for this table: a look-alike in Spring test context + MySQL's own format, no thread recorded",
    where: "failure",
    testName: "testSqlRowsAccess()",
    type: "java.lang.IllegalStateException",
    rule: "missing-table",
    lookalike: true,
    text: `Failed to load ApplicationContext
Caused by: java.sql.SQLSyntaxErrorException: Table 'code_samples_test_db.users' doesn't exist
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:112)
	at org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(ScriptUtils.java:261)`,
  },
  {
    tool: "Django",
    source: "written for this table: a look-alike in Django's own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "missing-table",
    lookalike: true,
    text: `django.db.utils.ProgrammingError: relation "accounts_user" does not exist
LINE 1: ...ser"."is_active", "accounts_user"."date_joined" FROM "accounts_u...`,
  },
  {
    tool: "Postgres (migration step)",
    source:
      "written for this table: a look-alike in Postgres (migration step)'s own format, no thread recorded",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `psql:/docker-entrypoint-initdb.d/seed.sql:51: ERROR:  relation "schema_migrations" does not exist at character 15`,
  },
  {
    tool: "node-postgres (seed fixture)",
    source:
      "written for this table: a look-alike in node-postgres (seed fixture)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "missing-column",
    lookalike: true,
    text: `error: column "deleted_at" does not exist
    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:283:98)`,
  },
  {
    tool: "node-postgres (seed fixture)",
    source:
      "written for this table: a look-alike in node-postgres (seed fixture)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "constraint-violation",
    lookalike: true,
    text: `error: duplicate key value violates unique constraint "users_email_key"
    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:283:98)`,
  },
  {
    tool: "Postgres (pytest fixture)",
    source:
      "written for this table: a look-alike in Postgres (pytest fixture)'s own format, no thread recorded",
    where: "failure",
    phase: "setup",
    rule: "sql-syntax-error",
    lookalike: true,
    text: `psycopg2.errors.SyntaxError: syntax error at or near "FROMM"
LINE 1: SELECT * FROMM orders`,
  },
  {
    tool: "Node (V8 heap limit)",
    source: "written for this table: a look-alike in Node (V8 heap limit)'s own format, no thread recorded",
    where: "output",
    exitCode: 134,
    rule: "heap-out-of-memory",
    lookalike: true,
    text: `<--- Last few GCs --->
[10418:0x608a1e0]   232289 ms: Scavenge (reduce) 982.5 (998.4) -> 981.9 (999.4) MB, 19.0 / 0.0 ms  (average mu = 0.299, current mu = 0.342) allocation failure

<--- JS stacktrace --->

FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory
 1: 0xa04200 node::Abort() [/opt/hostedtoolcache/node/20.11.0/x64/bin/node]`,
  },
  {
    tool: "JVM (heap limit)",
    source: "written for this table: a look-alike in JVM (heap limit)'s own format, no thread recorded",
    where: "failure",
    type: "java.lang.OutOfMemoryError",
    rule: "heap-out-of-memory",
    lookalike: true,
    text: `Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
	at java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:228)`,
  },
  {
    tool: "jest (no JUnit written)",
    source:
      "written for this table: a look-alike in jest (no JUnit written)'s own format, no thread recorded",
    where: "output",
    rule: "jest-matcher",
    lookalike: true,
    text: `FAIL test/retry.test.ts
  ● retries when the database refuses connections

    expect(received).toBe(expected) // Object.is equality

    Expected: 3
    Received: 1

      at Object.<anonymous> (test/retry.test.ts:22:30)

  console.warn
    connect ECONNREFUSED 127.0.0.1:5432

Tests:       1 failed, 4 passed, 5 total`,
  },
  {
    tool: "pytest (no JUnit written)",
    source:
      "written for this table: a look-alike in pytest (no JUnit written)'s own format, no thread recorded",
    where: "output",
    rule: "assertion-error",
    lookalike: true,
    text: `WARNING  urllib3.connectionpool:connectionpool.py:870 Retrying (Retry(total=2)) after connection broken by 'NewConnectionError(': Failed to establish a new connection: [Errno 111] Connection refused')': /health
    def test_health(api):
>       assert api.get("/health").status_code == 200
E       AssertionError: assert 503 == 200
FAILED tests/test_health.py::test_health - AssertionError: assert 503 == 200`,
  },
  {
    tool: "tsc",
    source: "written for this table: modelled on tsc's wording, no thread recorded",
    where: "output",
    exitCode: 2,
    rule: "command-failed",
    text: `src/db/pool.ts(14,7): error TS2322: Type 'string' is not assignable to type 'number'.
Found 1 error in src/db/pool.ts:14`,
  },
  {
    tool: "vitest",
    source: "written for this table: modelled on vitest's wording, no thread recorded",
    where: "output",
    rule: "command-failed",
    text: `No test files found, exiting with code 1

include: test/integration/**/*.test.ts
exclude:  **/node_modules/**, **/dist/**`,
  },
  {
    tool: "Testcontainers Java (MongoDB on a CPU without AVX, exit 132)",
    source: "https://github.com/apache/incubator-kie-kogito-apps/pull/2141",
    where: "failure",
    phase: "setup",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-exited",
    text: `Caused by: org.testcontainers.containers.ContainerLaunchException: Could not create/start container
 at org.testcontainers.containers.GenericContainer.tryStart(GenericContainer.java:563)
Caused by: java.lang.IllegalStateException: Wait strategy failed. Container exited with code 132
 at org.testcontainers.containers.GenericContainer.tryStart(GenericContainer.java:533)
 ... 17 more
Caused by: org.testcontainers.containers.ContainerLaunchException: Timed out waiting for log output matching '(?i).*waiting for connections.*'`,
  },
  {
    tool: "Testcontainers Go",
    source: "https://github.com/testcontainers/testcontainers-go/issues/2887",
    where: "failure",
    rule: "container-exited",
    text: `failed to start container: container exited with code 1`,
  },
  {
    tool: "Docker Compose (Postgres without a password)",
    source: "https://github.com/fatfreecrm/fat_free_crm/pull/1740",
    where: "output",
    rule: "container-exited",
    text: `db-1  | Error: Database is uninitialized and superuser password is not specified.
db-1  |        You must specify POSTGRES_PASSWORD to a non-empty value for the
db-1  |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
db-1  | 
db-1  |        You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
db-1  |        connections without a password. This is *not* recommended.
db-1 exited with code 1 (restarting)`,
  },
  {
    tool: "docker-compose v1 (Postgres without a password)",
    source: "https://github.com/PostHog/posthog/pull/466",
    where: "output",
    rule: "container-exited",
    text: `db_1   | Error: Database is uninitialized and superuser password is not specified.
db_1   |        You must specify POSTGRES_PASSWORD to a non-empty value for the
db_1   |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
posthog_db exited with code 1`,
  },
  {
    tool: "Docker Compose v2 (Postgres without a password, app cannot resolve it)",
    source: "https://github.com/cr0hn/vulnerable-node/issues/30",
    where: "output",
    rule: "container-exited",
    text: `vulnerable-node-postgres_db-1      | Error: Database is uninitialized and superuser password is not specified.
vulnerable-node-postgres_db-1      |        You must specify POSTGRES_PASSWORD to a non-empty value for the
vulnerable-node-postgres_db-1      |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
vulnerable-node-postgres_db-1 exited with code 1
vulnerable-node-vulnerable_node-1  | postgres_db: forward host lookup failed: Host name lookup failure : Resource temporarily unavailable`,
  },
  {
    tool: "MySQL entrypoint (Testcontainers log)",
    source: "https://github.com/GoogleCloudPlatform/auto-data-tokenize/pull/30",
    where: "output",
    rule: "container-misconfigured",
    text: `2021-09-07 06:38:20+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.24-1debian10 started.
2021-09-07 06:38:21+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified
    You need to specify one of the following:
    - MYSQL_ROOT_PASSWORD
    - MYSQL_ALLOW_EMPTY_PASSWORD
    - MYSQL_RANDOM_ROOT_PASSWORD`,
  },
  {
    tool: "MySQL entrypoint (5.7)",
    source: "https://github.com/docker-archive-public/docker.kitematic/issues/2175",
    where: "output",
    rule: "container-misconfigured",
    text: `error: database is uninitialized and password option is not specified You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD`,
  },
  {
    tool: "MySQL entrypoint (5.6)",
    source: "https://github.com/docker-archive-public/docker.kitematic/issues/315",
    where: "output",
    rule: "container-misconfigured",
    text: `error: database is uninitialized and MYSQL_ROOT_PASSWORD not set
  Did you forget to add -e MYSQL_ROOT_PASSWORD=... ?`,
  },
  {
    tool: "MySQL entrypoint (docker-compose up)",
    source: "https://github.com/libresh/compose-matomo/issues/11",
    where: "output",
    rule: "container-misconfigured",
    text: `error: database is uninitialized and password option is not specified 
  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD`,
  },
  {
    tool: "MySQL 8.4 entrypoint (Laradock)",
    source: "https://github.com/laradock/laradock/issues/3523",
    where: "output",
    rule: "container-misconfigured",
    text: `2024-07-26 10:58:00 2024-07-26 08:58:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified
2024-07-26 10:58:00     You need to specify one of the following as an environment variable:
2024-07-26 10:58:00     - MYSQL_ROOT_PASSWORD
2024-07-26 10:58:00     - MYSQL_ALLOW_EMPTY_PASSWORD
2024-07-26 10:58:00     - MYSQL_RANDOM_ROOT_PASSWORD`,
  },
  {
    tool: "Postgres entrypoint (older wording)",
    source: "https://github.com/tianon/docker-postgres-upgrade/pull/30",
    where: "output",
    rule: "container-misconfigured",
    text: `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD for the superuser. Use
       "-e POSTGRES_PASSWORD=password" to set it in "docker run".`,
  },
  {
    tool: "Postgres entrypoint (docker-compose)",
    source: "https://github.com/forem/forem/issues/6563",
    where: "output",
    rule: "container-misconfigured",
    text: `Attaching to devto_db_1
db_1             | Error: Database is uninitialized and superuser password is not specified.
db_1             |        You must specify POSTGRES_PASSWORD to a non-empty value for the
db_1             |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".`,
  },
  {
    tool: "Postgres entrypoint (docker-java)",
    source: "https://github.com/docker-java/docker-java/issues/2079",
    where: "failure",
    phase: "setup",
    rule: "container-misconfigured",
    text: `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".`,
  },
  {
    tool: "Postgres entrypoint (Alpine image)",
    source: "https://github.com/NarHakobyan/awesome-nest-boilerplate/issues/45",
    where: "output",
    rule: "container-misconfigured",
    text: `> You must specify POSTGRES_PASSWORD to a non-empty value for the superuser. 
> For example, "-e POSTGRES_PASSWORD=password" on "docker run".`,
  },
  {
    tool: "Postgres entrypoint (docker compose logs)",
    source: "https://github.com/EnterpriseDB/docs/issues/6920",
    where: "output",
    rule: "container-misconfigured",
    text: `2025-07-24 21:44:58.843 | Error: Database is uninitialized and superuser password is not specified.
2025-07-24 21:44:58.843 |        You must specify POSTGRES_PASSWORD to a non-empty value for the
2025-07-24 21:44:58.843 |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".`,
  },
  {
    tool: "Postgres entrypoint (kubectl logs)",
    source: "https://github.com/mmumshad/example-voting-app-kubernetes-v2/issues/1",
    where: "output",
    rule: "container-misconfigured",
    text: `$ kubectl logs postgres-deployment-6d6f4bbdf7-l77f5
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".`,
  },
  {
    tool: "Postgres entrypoint (2020 wording)",
    source: "https://github.com/metasfresh/metasfresh-docker/issues/49",
    where: "output",
    rule: "container-misconfigured",
    text: `Error: Database is uninitialized and superuser password is not specified.
          You must specify POSTGRES_PASSWORD for the superuser. Use
          "-e POSTGRES_PASSWORD=password" to set it in "docker run".`,
  },
  {
    tool: "mocha (socket hang up in a test, failure list)",
    source: "https://github.com/tilemill-project/tilemill/issues/2644",
    where: "output",
    rule: "command-failed",
    lookalike: true,
    text: `  11) project
       DELETE should remove project:
     Uncaught Error: socket hang up
      at createHangUpError (_http_client.js:342:15)
      at Socket.socketOnEnd (_http_client.js:437:23)
      at endReadableNT (_stream_readable.js:1064:12)

npm ERR! Test failed.  See above for more details.`,
  },
  {
    tool: "mocha (express: a real bug surfacing as socket hang up)",
    source: "https://github.com/expressjs/express/issues/1758",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `1) res .sendfile(path, fn) should invoke the callback on socket error:
Uncaught Error: socket hang up
at createHangUpError (http.js:1442:15)
at Socket.socketOnEnd [as onend] (http.js:1538:23)`,
  },
  {
    tool: "asyncpg (in the test body)",
    source: "https://github.com/MagicStack/asyncpg/issues/796",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `CannotConnectNowError: the database system is starting up`,
  },
  {
    tool: "Redis test suite (a race in the test itself)",
    source: "https://github.com/redis/redis/pull/8674",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `01:11:52> Right to restore backups when fail to diskless load : LOADING Redis is loading the dataset in memory
    while executing
"$replica get $slot0_key"`,
  },

  {
    tool: "Testcontainers Java",
    source: "written for this table: modelled on Testcontainers Java's wording, no thread recorded",
    where: "failure",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-exited",
    text: `Container startup failed for image confluentinc/cp-kafka:7.6.0
	at org.testcontainers.containers.GenericContainer.doStart(GenericContainer.java:359)
Caused by: org.rnorth.ducttape.RetryCountExceededException: Retry limit hit with exception
Caused by: org.testcontainers.containers.ContainerLaunchException: Could not create/start container
Caused by: org.testcontainers.containers.ContainerLaunchException: Wait strategy failed. Container exited with code 1`,
  },
  {
    tool: "node:assert (Node.js core test)",
    source: "https://github.com/nodejs/node/pull/4461",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `AssertionError: received ENOENT instead of ENOTSOCK or ECONNREFUSED`,
  },
  {
    tool: "JUnit 4 (Camel bridge test, JDK wording changed)",
    source: "https://github.com/vert-x3/vertx-camel-bridge/pull/23",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `… 'Connection refused' but was <Connection refused (Connection refused)>`,
  },
  {
    tool: "mocha + chai (ipfs-http-client)",
    source: "https://github.com/ipfs-inactive/js-ipfs-http-client/pull/540",
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `Uncaught AssertionError: expected [Error: connect ECONNREFUSED 127.0.0.1:5001] to not exist`,
  },
  {
    tool: "Node.js core test runner (TAP, flaky test)",
    source: "https://github.com/nodejs/node/issues/26907",
    where: "output",
    rule: "assertion-error",
    lookalike: true,
    text: `11:09:03 not ok 1277 parallel/test-net-connect-handle-econnrefused
11:09:03   ---
11:09:03   duration_ms: 0.143
11:09:03   severity: fail
11:09:03   exitcode: 1
11:09:03   stack: |-
11:09:03     assert.js:129
11:09:03       throw err;
11:09:03       ^
11:09:03     
11:09:03     AssertionError [ERR_ASSERTION]: function should not have been called at /home/iojs/build/workspace/node-test-commit-linux/nodes/debian8-64/test/parallel/test-net-connect-handle-econnrefused.js:32
11:09:03         at Socket.mustNotCall (/home/iojs/build/workspace/node-test-commit-linux/nodes/debian8-64/test/common/index.js:416:12)`,
  },
  {
    tool: "node-tap (verification tests without their server)",
    source: "https://github.com/mozilla/fxa-auth-server/issues/454",
    where: "output",
    rule: "command-failed",
    lookalike: true,
    text: `          - /Users/pdehaan/dev/tmp-fxa/fxa-auth-server/test/ptaptest.js:46:15
          - onSettled (/Users/pdehaan/dev/tmp-fxa/fxa-auth-server/node_modules/p-promise/p.js:258:10)
      ...
    not ok 6 connect ECONNREFUSED
      ---
        file:   /Users/pdehaan/dev/tmp-fxa/fxa-auth-server/node_modules/p-promise/p.js
        line:   258`,
  },
  {
    tool: "jest (diff of an expected ECONNREFUSED message)",
    source: "https://github.com/nearform/fastify-auth0-verify/pull/290",
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `-   "message": StringMatching /request to https:\\/\\/localhost\\/.well-known\\/jwks.json failed, reason: connect ECONNREFUSED (127.0.0.1|::1):443/,
+   "message": "request to https://localhost/.well-known/jwks.json failed, reason: ",`,
  },
  {
    tool: "pytest collection (database never created locally)",
    source: "https://github.com/fivetran/great_expectations/issues/1215",
    where: "output",
    rule: "missing-database",
    lookalike: true,
    text: `/Users/abe/anaconda2/envs/py3/lib/python3.7/site-packages/psycopg2/__init__.py:126: in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
E   sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  database "test_ci" does not exist
E   
E   (Background on this error at: http://sqlalche.me/e/e3q8)`,
  },
  {
    tool: "pytest (driver not installed)",
    source: "https://github.com/ploomber/jupysql/pull/672",
    where: "output",
    rule: "command-failed",
    lookalike: true,
    text: `FAILED src/tests/integration/test_generic_db_operations.py::test_query_count[ip_with_postgreSQL-3] - ModuleNotFoundError: No module named 'psycopg2'
FAILED src/tests/integration/test_generic_db_operations.py::test_create_table_with_indexed_df[ip_with_postgreSQL-15-15] - ModuleNotFoundError: No module named 'psycopg2'`,
  },
  {
    tool: "Django setUpClass (a dead connection left by an earlier test)",
    source: "https://github.com/PostHog/posthog/pull/72758",
    where: "failure",
    phase: "setup",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `django.db.utils.OperationalError: the connection is closed`,
  },
  {
    tool: "TypeORM (NestJS e2e test)",
    source: "https://github.com/GeorgianStan/nestjs-microservice-boilerplate/issues/2",
    where: "failure",
    phase: "call",
    rule: "missing-table",
    lookalike: true,
    text: `QueryFailedError: relation "users" does not exist`,
  },
  {
    tool: "Postgres log in docker-compose (migrations not run)",
    source: "https://github.com/asyncauto/cashflowy/issues/93",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `postgres_1  | 2019-02-19 19:58:08.261 UTC [31] ERROR:  relation "public.email" does not exist at character 137
postgres_1  | 2019-02-19 19:58:08.261 UTC [31] STATEMENT:  SELECT "email"."email", "email"."token", "email"."details", "email"."id", "email"."createdAt", "email"."updatedAt", "email"."user" FROM "public"."email" AS "email"  `,
  },
  {
    tool: "pg-mem + TypeORM (jest, supertest)",
    source: "https://github.com/oguimbal/pg-mem/issues/144",
    where: "failure",
    phase: "call",
    rule: "missing-table",
    lookalike: true,
    text: `"data":{"error":"relation \\"thing_entity\\" does not exist"},"location":{"start":0,"end":0},"name":"QueryFailedError","query":"SELECT \\"ThingEntity\\".\\"id\\" AS \\"ThingEntity_id\\", \\"ThingEntity\\".\\"name\\" AS \\"ThingEntity_name\\" FROM \\"thing_entity\\" \\"ThingEntity\\" WHERE \\"ThingEntity\\".\\"id\\" = $1 LIMIT 1","parameters":["1"]}`,
  },
  {
    tool: "knex seed (node-postgres)",
    source: "https://github.com/mjhea0/express-testing-mocha-knex/issues/3",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `[frank@blackberry express-testing-mocha-knex]$ npx knex seed:run --env development
Using environment: development
error: relation "table_name" does not exist
    at Connection.parseE (/home/frank/express-testing-mocha-knex/node_modules/pg/lib/connection.js:601:11)`,
  },
  {
    tool: "mocha + Sequelize (before all hook)",
    source: "https://github.com/twinlabs/forum/issues/29",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `  23 passing (460ms)
  2 pending
  1 failing

  1) database (user and post tables) stuff "before all" hook:
     Uncaught error: relation "post" does not exist
      at Connection.parseE (/Users/useff/etc/forum/node_modules/pg/lib/connection.js:561:11)`,
  },
  {
    tool: "Sequelize (node-postgres)",
    source: "https://github.com/ShubhamTatvamasi/magma-galaxy/issues/16",
    where: "failure",
    rule: "missing-table",
    lookalike: true,
    text: `  original: error: relation \\"Users\\" does not exist\\n      at Parser.parseErrorMessage (/usr/src/node_modules/pg-protocol/src/parser.ts:369:69)\\n      at Parser.handlePacket (/usr/src/node_modules/pg-protocol/src/parser.ts:188:21)`,
  },
  {
    tool: "node-tap (pg-native)",
    source: "https://github.com/fastify/fastify-postgres/issues/29",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `...ERROR:  relation "users" does not exist at character 13
STATEMENT:  INSERT INTO users(username) VALUES($1) RETURNING id
test.js ............................................. 35/40 11s
 fastify.pg.test use transact util with promise
 not ok (unnamed test)
   stack: |-
     Error: relation "users" does not exist`,
  },
  {
    tool: "e2e test setup in CI (slonik)",
    source: "https://github.com/getodk/central/issues/2250",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `error: relation "actees" does not exist
    at /usr/odk/node_modules/pg/lib/client.js:694:17
    at process.processTicksAndRejections (node:internal/process/task_queues:104:5)
    at async /usr/odk/node_modules/slonik/dist/src/connectionMethods/query.js:8:24`,
  },
  {
    tool: "Django test runner (psycopg2)",
    source: "https://github.com/Umuzi-org/Tilde/pull/679",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `  File "/Users/kingraphaii/Dev/Tilde/backend/venv/lib/python3.11/site-packages/django/db/backends/utils.py", line 84, in _execute
    return self.cursor.execute(sql, params)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
psycopg2.errors.UndefinedTable: relation "core_user" does not exist`,
  },
  {
    tool: "jest + testcontainers-node (afterAll after a failed start)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/44",
    where: "output",
    rule: "command-failed",
    text: `Test suite failed to run

    TypeError: Cannot read property 'stop' of undefined

      20 | 
      21 | afterAll(async () => {
    > 22 |   await pgContainer.stop();
         |                     ^
      23 | });`,
  },
  {
    tool: "jest hook timeout (Docker Desktop on Windows)",
    source: "https://github.com/testcontainers/testcontainers-node/issues/567",
    where: "output",
    rule: "command-failed",
    text: `thrown: "Exceeded timeout of 120000 ms for a hook.
Test suite failed to run
    TypeError: Cannot read property 'stop' of undefined`,
  },
]);

const TABLE: readonly Row[] = [...INFRA, ...TEST];

/** A real text: copied from a public issue or pull request thread, whose address is its source. */
function isReal(row: Row): boolean {
  return row.source.startsWith("https://");
}

function label(expected: FailureKind, rows: readonly Omit<Row, "expected">[]): readonly Row[] {
  return rows.map((row) => ({ ...row, expected }));
}

function titleOf(row: Row): string {
  const first = row.text.split("\n").find((line) => line.trim().length > 0) ?? "";
  const prefix = row.lookalike ? "look-alike, " : "";
  return `${row.expected} (${prefix}${row.tool}, ${row.where}): ${first.trim().slice(0, 110)}`;
}

describe("classification table", () => {
  it("holds at least 200 real texts, each with the thread it was copied from, and look-alikes of both kinds", () => {
    const real = TABLE.filter(isReal);
    const lookalikes = TABLE.filter((row) => row.lookalike);
    console.info(
      `classification table: ${TABLE.length} texts, ${real.length} real (copied from a public thread), ` +
        `${TABLE.length - real.length} written here; ${INFRA.length} infra, ${TEST.length} test, ` +
        `${lookalikes.length} look-alikes (${lookalikes.filter(isReal).length} of them real)`,
    );
    for (const row of TABLE)
      expect(row.source, titleOf(row)).toMatch(
        /^(?:https:\/\/github\.com\/\S+\/(?:issues|pull)\/\d+$|produced here: |written for this table: )/,
      );
    expect(real.length).toBeGreaterThanOrEqual(200);
    expect(lookalikes.length).toBeGreaterThanOrEqual(40);
    expect(INFRA.length).toBeGreaterThanOrEqual(100);
    expect(TEST.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TABLE.map(titleOf)).size).toBe(TABLE.length);
  });

  it.each(TABLE.map((row) => [titleOf(row), row] as const))("%s", (_title, row) => {
    const classification = classifyAttempt(
      row.where === "failure" ? failureEvidence(row) : outputEvidence(row),
    );
    const failures = [...classification.infraFailures, ...classification.testFailures];
    expect(failures).toHaveLength(1);
    const [only] = failures;
    expect({ kind: only?.kind, rule: only?.evidence.rule }).toEqual({ kind: row.expected, rule: row.rule });
    expect(classification.outcome).toBe(row.expected === "infra" ? "infra-failure" : "test-failures");
    if (row.where === "failure") expect(only?.test?.name).toBe(row.testName ?? "the test");
  });
});

function failureEvidence(row: Row) {
  const lines = row.text.split("\n");
  const failure: Failure = {
    type: row.type ?? null,
    message: lines.find((line) => line.trim().length > 0)?.trim() ?? null,
    details: row.text,
    file: null,
    line: null,
    phase: row.phase ?? null,
  };
  return {
    exitCode: row.exitCode ?? 1,
    signal: null,
    timedOut: false,
    outputTail: [],
    junitFiles: [
      junit([
        test(row.testName ?? "the test", failure.type?.includes("Assertion") ? "failed" : "errored", failure),
      ]),
    ],
  };
}

function outputEvidence(row: Row) {
  return {
    exitCode: row.exitCode ?? 1,
    signal: null,
    timedOut: false,
    outputTail: row.text.split("\n"),
    junitFiles: [],
  };
}
