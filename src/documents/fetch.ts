// HTTP GETs of feeds and pages with a size cap, a timeout and conditional requests.
// Node's fetch (undici); the body is read as a stream and abandoned past the cap, so a
// 50 MB page costs no more than the cap.
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = "FetchError";
  }
}

export interface Fetched {
  status: number;
  /** Empty on 304 Not Modified. */
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
  /** The URL after redirects. */
  url: string;
}

export interface FetchOptions {
  maxBytes: number;
  timeoutMs?: number;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

const USER_AGENT = "newsgraph (+https://github.com/)";

/** GETs a URL; a network error, a status other than 2xx/304 or a body over the cap is a FetchError. */
export async function fetchLimited(url: string, options: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: options.accept ?? "*/*" };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${options.timeoutMs ?? 30_000} ms` : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new FetchError(url, `unreachable: ${reason}`);
  }
  const meta = { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified"), url: response.url || url };
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: 304, bytes: Buffer.alloc(0), ...meta };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  const tooLarge = (size: number | string) => new FetchError(url, `too large: ${size} bytes, the limit is ${options.maxBytes} bytes (MAX_DOCUMENT_BYTES)`);
  const declared = Number(response.headers.get("content-length"));
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > options.maxBytes) {
        await reader.cancel();
        throw tooLarge(`over ${options.maxBytes}`);
      }
      chunks.push(value);
    }
  }
  return { status: response.status, bytes: Buffer.concat(chunks), ...meta };
}
