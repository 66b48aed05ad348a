// The classification table: real error texts as the tools print them (taken from users' reports in the
// tools' issue trackers), each labelled infra or test, with the rule that must produce the evidence.
// Look-alikes are texts that carry the other kind's words: assertions quoting infrastructure errors,
// schema errors in fixtures, assertion-shaped carriers of real Docker errors.
import { describe, expect, it } from "vitest";
import { classifyAttempt, type FailureKind } from "../../core/classify/index.ts";
import type { Failure, FailurePhase, JunitFile, TestCase } from "../../core/junit/model.ts";

interface Row {
  readonly expected: FailureKind;
  readonly rule: string;
  readonly tool: string;
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
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
See 'docker run --help'.`,
  },
  {
    tool: "Docker CLI (Windows)",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `error during connect: This error may indicate that the docker daemon is not running.: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/containers/json": open //./pipe/docker_engine: The system cannot find the file specified.`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied`,
  },
  {
    tool: "docker-py",
    where: "output",
    rule: "docker-daemon-unreachable",
    text: `Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/docker/api/client.py", line 221, in _retrieve_server_version
    raise DockerException(
docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', ConnectionRefusedError(111, 'Connection refused'))`,
  },
  {
    tool: "Testcontainers Python",
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
    where: "failure",
    rule: "docker-daemon-unreachable",
    text: `    docker_test.go:78: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?: failed to create network`,
  },
  {
    tool: "Testcontainers Go + testify require.NoError",
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
    where: "failure",
    rule: "docker-daemon-unreachable",
    text: `    dktest.go:176: Failed: error pulling image: cassandra:3.11 error: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  },
  {
    tool: "Testcontainers Java (surefire)",
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
    where: "output",
    rule: "testcontainers-no-docker",
    text: `[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy - Could not find a valid Docker environment. Please check configuration. Attempted configurations were:
[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy -     UnixSocketClientProviderStrategy: failed with exception InvalidConfigurationException (ping failed). Root cause ConnectException (connect(..) failed: Permission denied)
[main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy - As no valid configuration was found, execution cannot continue
Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 20.668 sec <<< FAILURE!`,
  },
  {
    tool: "Testcontainers Java (Gradle, static init)",
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
    where: "output",
    rule: "testcontainers-no-docker",
    text: `Error: Jest: Got error running globalSetup - /app/test/global-setup.ts, reason: Could not find a working container runtime strategy
    at getContainerRuntimeClient (/app/node_modules/testcontainers/build/container-runtime/clients/client.js:64:11)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async PostgreSqlContainer.start (/app/node_modules/@testcontainers/postgresql/build/postgresql-container.js:34:47)`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "registry-rate-limit",
    text: `Unable to find image 'postgres:16' locally
docker: Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit.
See 'docker run --help'.`,
  },
  {
    tool: "Jib (Maven)",
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
    where: "output",
    rule: "registry-rate-limit",
    text: `Error: INSTALLATION FAILED: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/bitnamicharts/drupal/manifests/sha256:9538e0c4fd55aa75d75f6846bc99b1ecddad3a4ffbb7cbf8d0fc8578a5c2b02f: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`,
  },
  {
    // Printed here by dockerd 26.1.5 with the containerd image store, pulling through a registry front
    // that answers 429 (the HEAD that resolves the tag has no body).
    tool: "Docker CLI (containerd image store)",
    where: "output",
    rule: "registry-rate-limit",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5098/x:1": unexpected status from HEAD request to http://127.0.0.1:5098/v2/x/manifests/1: 429 Too Many Requests`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "registry-unreachable",
    text: `Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`,
  },
  {
    tool: "Docker Compose v2",
    where: "output",
    rule: "registry-unreachable",
    text: `[+] Running 1/1
 ✘ nginx Error                                                                    29.1s
Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout`,
  },
  {
    tool: "docker-compose v1",
    where: "output",
    rule: "registry-unreachable",
    text: `Pulling consul (progrium/consul:latest)...
Get https://registry-1.docker.io/v2/progrium/consul/manifests/latest: net/http: TLS handshake timeout`,
  },
  {
    tool: "containerd (kubelet)",
    where: "output",
    rule: "registry-unreachable",
    text: `Failed to pull image "postgres": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/postgres:latest": failed to resolve reference "docker.io/library/postgres:latest": failed to do request: Head "https://registry-1.docker.io/v2/library/postgres/manifests/latest": dial tcp 3.229.227.53:443: i/o timeout`,
  },
  {
    tool: "Testcontainers Java (docker-java pull)",
    where: "failure",
    type: "org.testcontainers.containers.ContainerFetchException",
    rule: "registry-unreachable",
    text: `Can't get Docker image: RemoteDockerImage(imageName=postgres:16-alpine, imagePullPolicy=DefaultPullPolicy())
	at org.testcontainers.containers.GenericContainer.getDockerImageName(GenericContainer.java:1364)
Caused by: com.github.dockerjava.api.exception.InternalServerErrorException: Status 500: {"message":"Get \\"https://registry-1.docker.io/v2/\\": context deadline exceeded"}`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "image-not-found",
    text: `Error response from daemon: manifest for postgres:13.3-alpine not found: manifest unknown: manifest unknown`,
  },
  {
    // dockerd 26.1.5 with the containerd image store, a tag the registry does not have.
    tool: "Docker CLI (containerd image store)",
    where: "output",
    rule: "image-not-found",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5099/c8d:no-such-tag": 127.0.0.1:5099/c8d:no-such-tag: not found`,
  },
  {
    // The same engine with no registry listening: the existing rule already covers containerd's phrasing.
    tool: "Docker CLI (containerd image store)",
    where: "output",
    rule: "registry-unreachable",
    text: `Error response from daemon: failed to resolve reference "127.0.0.1:5097/x:1": failed to do request: Head "https://127.0.0.1:5097/v2/x/manifests/1": dial tcp 127.0.0.1:5097: connect: connection refused`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "image-not-found",
    text: `Unable to find image 'portiacrawl:latest' locally
docker: Error response from daemon: pull access denied for portiacrawl, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.
See 'docker run --help'.`,
  },
  {
    tool: "docker-compose v1",
    where: "output",
    rule: "image-not-found",
    text: `Pulling postgres          ... error
ERROR: for postgres  pull access denied for fermentrack_postgres, repository does not exist or may require 'docker login'`,
  },
  {
    tool: "Testcontainers Java",
    where: "failure",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-never-ready",
    text: `Timed out waiting for container port to open (localhost ports: [32781] should be listening)
	at org.testcontainers.containers.wait.strategy.HostPortWaitStrategy.waitUntilReady(HostPortWaitStrategy.java:47)
	at org.testcontainers.containers.wait.strategy.AbstractWaitStrategy.waitUntilReady(AbstractWaitStrategy.java:35)`,
  },
  {
    tool: "Testcontainers Java (chained)",
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
    where: "output",
    rule: "container-never-ready",
    text: `10:23:41,490 [main] INFO  [postgres:16] - Container postgres:16 is starting: a10d53b52a46
10:24:41,514 [main] ERROR [postgres:16] - Could not start container
org.testcontainers.containers.ContainerLaunchException: Timed out waiting for log output matching '.*database system is ready to accept connections.*\\s'`,
  },
  {
    tool: "Testcontainers Java",
    where: "failure",
    type: "org.testcontainers.containers.ContainerLaunchException",
    rule: "container-startup-failed",
    text: `Container startup failed for image confluentinc/cp-kafka:7.6.0
	at org.testcontainers.containers.GenericContainer.doStart(GenericContainer.java:359)
Caused by: org.rnorth.ducttape.RetryCountExceededException: Retry limit hit with exception
Caused by: org.testcontainers.containers.ContainerLaunchException: Could not create/start container
Caused by: org.testcontainers.containers.ContainerLaunchException: Wait strategy failed. Container exited with code 1`,
  },
  {
    tool: "Testcontainers Node",
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
    where: "failure",
    type: "Error",
    rule: "container-never-ready",
    text: `Timed out after 10000ms while waiting for container ports to be bound to the host
    at inspectContainerUntilPortsExposed (node_modules/testcontainers/build/utils/port-binder.js:27:15)`,
  },
  {
    tool: "Testcontainers Node",
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "container-never-ready",
    text: `Log message "Started Application" not received after 60000ms
    at LogWaitStrategy.waitUntilReady (node_modules/testcontainers/build/wait-strategies/log-wait-strategy.js:38:23)`,
  },
  {
    tool: "Testcontainers Python",
    where: "failure",
    phase: "setup",
    rule: "container-never-ready",
    text: `failed on setup with "TimeoutError: Container did not emit logs satisfying predicate in 120.000 seconds"
E   TimeoutError: Container did not emit logs satisfying predicate in 120.000 seconds`,
  },
  {
    tool: "Testcontainers Python (wait_container_is_ready)",
    where: "failure",
    phase: "setup",
    rule: "container-never-ready",
    lookalike: true,
    text: `Exception: Wait time (120s) exceeded for _connect(args: (), kwargs {}). Exception: (psycopg2.OperationalError) connection to server at "localhost" (127.0.0.1), port 49153 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?`,
  },
  {
    tool: "Testcontainers Go",
    where: "failure",
    rule: "container-startup-failed",
    text: `--- FAIL: TestNexusUpload (61.77s)
    integration_nexus_upload_test.go:25: failed to start container: context deadline exceeded
panic: runtime error: invalid memory address or nil pointer dereference [recovered]
	panic: runtime error: invalid memory address or nil pointer dereference`,
  },
  {
    tool: "Testcontainers Go",
    where: "failure",
    rule: "container-never-ready",
    text: `    store_test.go:40: generic container: start container: started hook: wait until ready: context deadline exceeded`,
  },
  {
    tool: "Testcontainers Go (reaper)",
    where: "output",
    rule: "container-startup-failed",
    text: `{"level":"error","ts":"2023-10-18 20:52:09","msg":"Error response from daemon: No such container: d11e9589adc2: creating reaper failed: failed to create container"}
panic: runtime error: invalid memory address or nil pointer dereference`,
  },
  {
    tool: "Docker Compose v2",
    where: "output",
    rule: "container-never-ready",
    text: ` Container shop-db-1  Waiting
 Container shop-db-1  Error
dependency failed to start: container shop-db-1 is unhealthy`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "docker-daemon-error",
    text: `docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "proc" to rootfs at "/proc": mount proc:/proc (via /proc/self/fd/7), flags: 0xe: permission denied: unknown.`,
  },
  {
    tool: "Docker Compose",
    where: "output",
    rule: "docker-port-allocated",
    text: `Error response from daemon: driver failed programming external connectivity on endpoint runtipi-db (767a314c2af7348c402b329ff4564aed009fdad23e24428d9abd66d71f750286): Bind for 0.0.0.0:5432 failed: port is already allocated`,
  },
  {
    tool: "Docker CLI",
    where: "output",
    rule: "docker-port-allocated",
    text: `Error response from daemon: driver failed programming external connectivity on endpoint wand-db-1 (8c3435f55dea): failed to bind port 0.0.0.0:5432/tcp: Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use`,
  },
  {
    tool: "node net (jest beforeAll)",
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
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `psycopg2.OperationalError: could not connect to server: Connection refused
	Is the server running on host "localhost" (127.0.0.1) and accepting
	TCP/IP connections on port 5432?`,
  },
  {
    tool: "redis-py (pytest fixture)",
    where: "failure",
    phase: "setup",
    rule: "service-connection-refused",
    text: `redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.`,
  },
  {
    tool: "kafkajs (log)",
    where: "output",
    rule: "service-connection-refused",
    text: `{"level":"ERROR","timestamp":"2021-10-21T09:27:19.691Z","logger":"kafkajs","message":"[Connection] Connection error: connect ECONNREFUSED 127.0.0.1:9092","broker":"localhost:9092","clientId":"my-client"}
{"level":"ERROR","timestamp":"2021-10-21T09:27:19.693Z","logger":"kafkajs","message":"[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection error: connect ECONNREFUSED 127.0.0.1:9092","retryCount":0,"retryTime":10}`,
  },
  {
    tool: "kafkajs (mocha before all hook)",
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
    where: "failure",
    phase: "setup",
    type: "MongoServerSelectionError",
    rule: "service-connection-refused",
    text: `connect ECONNREFUSED 127.0.0.1:27017
    at Timeout._onTimeout (node_modules/mongodb/lib/sdam/topology.js:292:38)`,
  },
  {
    tool: "Go pgx (TestMain)",
    where: "output",
    rule: "service-connection-refused",
    text: `failed to connect to \`host=localhost user=postgres database=shop\`: dial error (dial tcp 127.0.0.1:5432: connect: connection refused)
FAIL	github.com/acme/shop/store	0.012s`,
  },
  {
    tool: "pytest (no JUnit written)",
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
    where: "failure",
    phase: "setup",
    type: "Error",
    rule: "service-connection-timeout",
    text: `connect ETIMEDOUT 172.17.0.3:5432
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)`,
  },
  {
    tool: "Go net",
    where: "output",
    rule: "dns-failure",
    text: `2024/05/02 10:01:12 dial tcp: lookup postgres on 127.0.0.11:53: no such host
exit status 1`,
  },
  {
    tool: "psycopg2 (pytest fixture)",
    where: "failure",
    phase: "setup",
    rule: "dns-failure",
    text: `psycopg2.OperationalError: could not translate host name "postgres" to address: Temporary failure in name resolution`,
  },
  {
    tool: "npm",
    where: "output",
    rule: "dns-failure",
    text: `npm ERR! code EAI_AGAIN
npm ERR! syscall getaddrinfo
npm ERR! errno EAI_AGAIN
npm ERR! request to https://registry.npmjs.org/testcontainers failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org`,
  },
  {
    tool: "node dns",
    where: "output",
    rule: "dns-failure",
    text: `Error: getaddrinfo ENOTFOUND redis
    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)`,
  },
  {
    tool: "Java net (Gradle, @BeforeAll)",
    where: "failure",
    testName: "classMethod",
    type: "java.net.UnknownHostException",
    rule: "dns-failure",
    text: `kafka: Name or service not known
	at java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)`,
  },
  {
    tool: "Go modules",
    where: "output",
    rule: "tls-handshake-timeout",
    text: `go: github.com/testcontainers/testcontainers-go@v0.31.0: Get "https://proxy.golang.org/github.com/testcontainers/testcontainers-go/@v/v0.31.0.mod": net/http: TLS handshake timeout`,
  },
  {
    tool: "bash (OOM killer)",
    where: "output",
    exitCode: 137,
    rule: "process-killed",
    text: `> shop@1.0.0 test:integration
> vitest run --config vitest.integration.ts
/home/runner/work/_temp/6b1e0c2a.sh: line 1:  2451 Killed                  npm run test:integration`,
  },
  {
    tool: "make",
    where: "output",
    exitCode: 2,
    rule: "process-killed",
    text: `go test -tags=integration ./...
make: *** [Makefile:23: integration-test] Error 137`,
  },
  {
    tool: "GitHub Actions",
    where: "output",
    rule: "oom-killed",
    text: `Error: Process completed with exit code 137.`,
  },
  {
    tool: "node --test (junit reporter, test file killed by the kernel)",
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
    where: "output",
    rule: "disk-full",
    text: `failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x86_64-linux-gnu/libgio-2.0.so.0.4200.1: no space left on device`,
  },
  {
    tool: "JUnit (Java IO)",
    where: "failure",
    type: "java.io.IOException",
    rule: "disk-full",
    text: `No space left on device
	at java.base/java.io.FileOutputStream.writeBytes(Native Method)
	at java.base/java.io.FileOutputStream.write(FileOutputStream.java:349)`,
  },
  {
    tool: "node fs",
    where: "failure",
    type: "Error",
    rule: "disk-full",
    text: `ENOSPC: no space left on device, write
    at Object.writeSync (node:fs:929:3)`,
  },
  {
    tool: "GitHub Actions runner",
    where: "output",
    rule: "runner-lost",
    text: `##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.
##[error]The operation was canceled.`,
  },
  {
    tool: "GitHub Actions runner",
    where: "output",
    rule: "runner-lost",
    text: `The self-hosted runner: ci-runner-07 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.`,
  },
]);

const TEST: readonly Row[] = label("test", [
  {
    tool: "vitest (chai)",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected 'connection refused' to equal 'retrying'
 ❯ test/retry-policy.test.ts:18:42`,
  },
  {
    tool: "jest",
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
    where: "failure",
    type: "org.opentest4j.AssertionFailedError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected: <Connection refused> but was: <Connection reset>
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)`,
  },
  {
    tool: "JUnit 5 assertDoesNotThrow",
    where: "failure",
    type: "org.opentest4j.AssertionFailedError",
    rule: "assertion-error",
    lookalike: true,
    text: `Unexpected exception thrown: java.net.ConnectException: Connection refused
	at org.junit.jupiter.api.AssertDoesNotThrow.createAssertionFailedError(AssertDoesNotThrow.java:84)`,
  },
  {
    tool: "AssertJ",
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
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `org.junit.ComparisonFailure: expected:<[toomanyrequests]> but was:<[manifest unknown]>
	at org.junit.Assert.assertEquals(Assert.java:115)`,
  },
  {
    tool: "testify",
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
    where: "failure",
    rule: "go-got-want",
    lookalike: true,
    text: `    resolver_test.go:27: Resolve("db.internal") got error "lookup db.internal on 10.0.0.2:53: no such host", want <nil>`,
  },
  {
    tool: "go test",
    where: "failure",
    rule: "go-got-want",
    lookalike: true,
    text: `--- FAIL: TestRetryOnRefused (0.00s)
    retry_test.go:18: got 3 attempts after "connection refused", want 5`,
  },
  {
    tool: "vitest (chai)",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected [Function] to throw error including 'ENOTFOUND' but got 'getaddrinfo EAI_AGAIN db'`,
  },
  {
    tool: "mocha (chai)",
    where: "failure",
    rule: "chai-expectation",
    lookalike: true,
    text: `expected 'write EPIPE' to include 'ECONNRESET'`,
  },
  {
    tool: "vitest",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected 'write failed: disk quota exceeded' to contain 'no space left on device'`,
  },
  {
    tool: "vitest",
    where: "failure",
    type: "AssertionError",
    rule: "assertion-error",
    lookalike: true,
    text: `expected [Function] to throw error including 'Container startup failed' but got 'Timed out'`,
  },
  {
    tool: "jest",
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
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `expect(received).toEqual(expected) // deep equality

Expected: {"kind": "port-conflict", "port": 5432}
Received: {"kind": "unknown", "message": "Bind for 0.0.0.0:5432 failed: port is already allocated"}`,
  },
  {
    tool: "jest",
    where: "failure",
    rule: "jest-matcher",
    lookalike: true,
    text: `expect(received).toBe(expected) // Object.is equality

Expected: "Killed"
Received: "Terminated"`,
  },
  {
    tool: "unittest",
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
    where: "failure",
    rule: "assertion-error",
    lookalike: true,
    text: `AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

'ETIMEDOUT' !== 'ECONNRESET'
    at TestContext.<anonymous> (file:///src/test/socket.test.mjs:31:10)`,
  },
  {
    tool: "node-postgres (test body)",
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
    where: "failure",
    phase: "call",
    rule: "unrecognised-failure",
    lookalike: true,
    text: `redis.exceptions.ConnectionError: Error 111 connecting to localhost:6380. Connection refused.`,
  },
  {
    tool: "psycopg2 (test body)",
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
    where: "failure",
    rule: "unrecognised-failure",
    text: `thrown: "Exceeded timeout of 5000 ms for a test.
Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."`,
  },
  {
    tool: "psycopg2 (pytest fixture)",
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
    where: "failure",
    type: "QueryFailedError",
    rule: "missing-table",
    lookalike: true,
    text: `relation "users" does not exist
    at PostgresQueryRunner.query (src/driver/postgres/PostgresQueryRunner.ts:299:19)`,
  },
  {
    tool: "Sequelize",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `SequelizeDatabaseError: relation "Users" does not exist
    at Query.formatError (/app/node_modules/sequelize/lib/dialects/postgres/query.js:386:16)`,
  },
  {
    tool: "sqlite3 (pytest)",
    where: "failure",
    rule: "missing-table",
    lookalike: true,
    text: `FAILED tests/test_main.py::test_successful_employee_update - sqlite3.OperationalError: no such table: employees`,
  },
  {
    tool: "Spring test context + MySQL",
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
    where: "failure",
    phase: "setup",
    rule: "missing-table",
    lookalike: true,
    text: `django.db.utils.ProgrammingError: relation "accounts_user" does not exist
LINE 1: ...ser"."is_active", "accounts_user"."date_joined" FROM "accounts_u...`,
  },
  {
    tool: "Postgres (migration step)",
    where: "output",
    rule: "missing-table",
    lookalike: true,
    text: `psql:/docker-entrypoint-initdb.d/seed.sql:51: ERROR:  relation "schema_migrations" does not exist at character 15`,
  },
  {
    tool: "node-postgres (seed fixture)",
    where: "failure",
    phase: "setup",
    rule: "missing-column",
    lookalike: true,
    text: `error: column "deleted_at" does not exist
    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:283:98)`,
  },
  {
    tool: "node-postgres (seed fixture)",
    where: "failure",
    phase: "setup",
    rule: "constraint-violation",
    lookalike: true,
    text: `error: duplicate key value violates unique constraint "users_email_key"
    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:283:98)`,
  },
  {
    tool: "Postgres (pytest fixture)",
    where: "failure",
    phase: "setup",
    rule: "sql-syntax-error",
    lookalike: true,
    text: `psycopg2.errors.SyntaxError: syntax error at or near "FROMM"
LINE 1: SELECT * FROMM orders`,
  },
  {
    tool: "Node (V8 heap limit)",
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
    where: "output",
    exitCode: 2,
    rule: "command-failed",
    text: `src/db/pool.ts(14,7): error TS2322: Type 'string' is not assignable to type 'number'.
Found 1 error in src/db/pool.ts:14`,
  },
  {
    tool: "vitest",
    where: "output",
    rule: "command-failed",
    text: `No test files found, exiting with code 1

include: test/integration/**/*.test.ts
exclude:  **/node_modules/**, **/dist/**`,
  },
]);

const TABLE: readonly Row[] = [...INFRA, ...TEST];

function label(expected: FailureKind, rows: readonly Omit<Row, "expected">[]): readonly Row[] {
  return rows.map((row) => ({ ...row, expected }));
}

function titleOf(row: Row): string {
  const first = row.text.split("\n").find((line) => line.trim().length > 0) ?? "";
  const prefix = row.lookalike ? "look-alike, " : "";
  return `${row.expected} (${prefix}${row.tool}, ${row.where}): ${first.trim().slice(0, 110)}`;
}

describe("classification table", () => {
  it("holds at least 60 real texts, 20 of them look-alikes, both kinds well represented", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter((row) => row.lookalike).length).toBeGreaterThanOrEqual(20);
    expect(INFRA.length).toBeGreaterThanOrEqual(30);
    expect(TEST.length).toBeGreaterThanOrEqual(30);
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
    junitFiles: [junitFile([failedTest(row.testName ?? "the test", failure)])],
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

function failedTest(name: string, failure: Failure): TestCase {
  return {
    id: `id-${name}`,
    suitePath: ["suite"],
    classname: "Suite",
    name,
    file: null,
    line: null,
    status: failure.type?.includes("Assertion") ? "failed" : "errored",
    flaky: false,
    durationMs: 5,
    attempts: [{ status: "failed", durationMs: 5, failure }],
    failure,
    properties: [],
    systemOut: null,
    systemErr: null,
  };
}

function junitFile(testCases: TestCase[]): JunitFile {
  return {
    path: "report.xml",
    dialect: "generic",
    suites: [{ path: ["suite"], name: "suite", file: null, durationMs: null, properties: [], testCases }],
    counts: {
      tests: testCases.length,
      passed: testCases.filter((t) => t.status === "passed").length,
      failed: testCases.filter((t) => t.status === "failed").length,
      errored: testCases.filter((t) => t.status === "errored").length,
      skipped: testCases.filter((t) => t.status === "skipped").length,
      flaky: 0,
      durationMs: 5,
    },
    incomplete: false,
    error: null,
  };
}
