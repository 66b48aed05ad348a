// Request bodies with a size limit that holds after gzip is undone, so a small compressed bomb cannot fill
// the memory. Bytes are counted as they arrive; past the limit the read stops with a 413.
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { ApiError } from "./api-error.ts";

/** The body's bytes, one chunk at a time, gunzipped when the client says so. */
export async function* readBodyChunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new ApiError(415, {
      code: "invalid-encoding",
      message: `Content-Encoding ${JSON.stringify(encoding)} is not supported: send the body as it is or gzip it`,
    });
  }
  if (encoding === "identity" && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return;
  const source = request.body as unknown as AsyncIterable<Uint8Array>;
  let total = 0;
  const count = (chunk: Uint8Array) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    return chunk;
  };
  if (encoding === "identity") {
    for await (const chunk of source) yield count(chunk);
    return;
  }
  const input = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  const gunzip = createGunzip();
  input.on("error", (cause) => gunzip.destroy(cause));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield count(chunk);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(400, {
      code: "invalid-encoding",
      message: `the body is not valid gzip: ${(cause as Error).message}`,
    });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** The whole body in one buffer (for JSON and multipart), within the limit. */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readBodyChunks(request, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, {
    code: "body-too-large",
    message: `the body is larger than the server's limit of ${formatBytes(maxBytes)} (SEAMWATCH_MAX_UPLOAD_BYTES)`,
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
