// An image reference taken apart the way Docker takes it apart (distribution's reference grammar and its
// "familiar" defaults), so that a check asks the registry Docker itself would pull the image from.

/** `postgres:16` → registry `docker.io`, repository `library/postgres`, tag `16`. */
export interface ImageReference {
  /** The registry as named in the reference, with its port: `docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  readonly registry: string;
  /** The repository inside the registry: `library/postgres`, `owner/app`. */
  readonly repository: string;
  /** `latest` when the reference names neither a tag nor a digest, as `docker pull` assumes. */
  readonly tag: string | null;
  /** `sha256:…` when the reference pins a digest (`name@sha256:…`). */
  readonly digest: string | null;
}

export type ParsedImageReference =
  | { readonly kind: "reference"; readonly reference: ImageReference }
  | { readonly kind: "invalid"; readonly reason: string };

/** Docker Hub, as references name it; `index.docker.io` is its older name. */
export const DOCKER_HUB = "docker.io";
/** Where Docker Hub serves the registry API (docker.io itself is a website). */
export const DOCKER_HUB_API_HOST = "registry-1.docker.io";
/** The server address `docker login` stores Docker Hub's credentials under. */
export const DOCKER_HUB_CREDENTIALS_ADDRESS = "https://index.docker.io/v1/";

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DOMAIN_NAME =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*$/;
const IPV6_LITERAL = /^\[[0-9a-fA-F:.]+\]$/;
const NAME_MAX_LENGTH = 255;

export function parseImageReference(text: string): ParsedImageReference {
  const invalid = (why: string): ParsedImageReference => ({
    kind: "invalid",
    reason: `"${text}" is not an image reference: ${why}`,
  });
  let rest = text.trim();
  if (rest.length === 0) return invalid("it is empty");

  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid(`"${digest}" is not a digest`);
  }
  // A colon after the last slash starts the tag; one before it belongs to the registry's port.
  let tag: string | null = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid(`"${tag}" is not a tag`);
  }
  if (rest.length > NAME_MAX_LENGTH) return invalid(`the name is longer than ${NAME_MAX_LENGTH} characters`);

  const { registry, remainder } = splitRegistry(rest);
  if (registry !== DOCKER_HUB && !isRegistryHost(registry)) return invalid(`"${registry}" is not a host`);
  const components = remainder.split("/");
  const bad = components.find((component) => !PATH_COMPONENT.test(component));
  if (bad !== undefined) {
    return invalid(
      bad.length === 0
        ? "a part of the name is empty"
        : `"${bad}" is not a valid name part (lower-case letters, digits and . _ -)`,
    );
  }
  const repository = registry === DOCKER_HUB && components.length === 1 ? `library/${remainder}` : remainder;
  return {
    kind: "reference",
    reference: { registry, repository, tag: tag ?? (digest === null ? "latest" : null), digest },
  };
}

/**
 * Docker's rule: the first part names a registry when it has a dot or a port, is `localhost`, or has an
 * upper-case letter (which a repository may not); otherwise the image is on Docker Hub.
 */
function splitRegistry(name: string): { registry: string; remainder: string } {
  const slash = name.indexOf("/");
  const first = name.slice(0, slash);
  if (
    slash < 0 ||
    !(first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase())
  ) {
    return { registry: DOCKER_HUB, remainder: name };
  }
  const remainder = name.slice(slash + 1);
  return { registry: first === "index.docker.io" ? DOCKER_HUB : first, remainder };
}

function isRegistryHost(registry: string): boolean {
  const port = /:(\d{1,5})$/.exec(registry);
  const host = port ? registry.slice(0, port.index) : registry;
  return DOMAIN_NAME.test(host) || IPV6_LITERAL.test(host);
}

/** The host (and port) that serves the registry API for `registry`. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

/** The server address `docker login` files the registry's credentials under. */
export function credentialsAddress(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_CREDENTIALS_ADDRESS : registry;
}

/**
 * Docker reaches registries on the loopback network over plain HTTP when HTTPS fails (127.0.0.0/8 is an
 * insecure registry by default); anything else only over HTTPS.
 */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d{1,5}$/, "").toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]";
}
