import { readFileSync } from "node:fs";
import { SourceError } from "./types.js";

/** Limits for fetchPage; the defaults are the ones `briefbot import` uses, tests shrink them. */
export interface FetchOptions {
  /** Whole request, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Body size cap in bytes. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
}

export interface FetchedPage {
  bytes: Buffer;
  /** The URL the body came from, after redirects. */
  url: string;
  contentType?: string;
}

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

let userAgent: string | undefined;
/** "briefbot-import/<version> (+article import)", the version read once from package.json. */
export function importUserAgent(): string {
  if (userAgent === undefined) {
    let version = "0";
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
        version?: string;
      };
      version = pkg.version ?? version;
    } catch {
      // keep "0": the agent string is informative only
    }
    userAgent = `briefbot-import/${version} (+article import)`;
  }
  return userAgent;
}

const TEXTUAL = /^(text\/(html|plain|markdown|x-markdown)|application\/(xhtml\+xml|xml)|text\/xml)\b/i;

/**
 * Fetches a page for import: http/https only, redirects followed by hand (at most maxRedirects, loops caught),
 * one timeout over the whole exchange, the body streamed and abandoned past maxBytes. Every failure is a
 * SourceError with a one-line message naming the URL, so `import` can print it and write nothing.
 */
export async function fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let url = parseHttpUrl(rawUrl);
  const signal = AbortSignal.timeout(timeoutMs);
  const seen = new Set<string>([url.href]);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await request(url, signal);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get("location");
        if (!location) throw new SourceError(`HTTP ${res.status} redirect without a Location header from ${url.href}`);
        if (redirects >= maxRedirects)
          throw new SourceError(`too many redirects (more than ${maxRedirects}) from ${rawUrl}`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new SourceError(`bad redirect Location "${location}" from ${url.href}`);
        }
        if (next.protocol !== "http:" && next.protocol !== "https:") {
          throw new SourceError(`redirect to unsupported scheme ${next.protocol} from ${url.href}`);
        }
        if (seen.has(next.href)) throw new SourceError(`redirect loop: ${url.href} leads back to ${next.href}`);
        seen.add(next.href);
        url = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        const text = res.statusText ? ` ${res.statusText}` : "";
        throw new SourceError(`HTTP ${res.status}${text} for ${url.href}`);
      }
      const contentType = res.headers.get("content-type") ?? undefined;
      if (contentType !== undefined && contentType.trim() !== "" && !TEXTUAL.test(contentType.trim())) {
        await res.body?.cancel().catch(() => undefined);
        throw new SourceError(`not an HTML or text page: ${url.href} is ${contentType.split(";")[0]!.trim()}`);
      }
      const declared = Number(res.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new SourceError(
          `too large: ${url.href} is ${formatBytes(declared)}, the limit is ${formatBytes(maxBytes)}`,
        );
      }
      const bytes = await readCapped(res, maxBytes, url.href);
      return contentType === undefined ? { bytes, url: url.href } : { bytes, url: url.href, contentType };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (signal.aborted) throw new SourceError(`timed out after ${formatSeconds(timeoutMs)} fetching ${rawUrl}`);
    throw new SourceError(`cannot fetch ${url.href}: ${networkReason(err)}`);
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceError(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SourceError(`unsupported URL scheme ${url.protocol} (only http and https): ${raw}`);
  }
  return url;
}

function request(url: URL, signal: AbortSignal): Promise<Response> {
  return fetch(url, {
    redirect: "manual",
    signal,
    headers: {
      "user-agent": importUserAgent(),
      accept: "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
    },
  });
}

async function readCapped(res: Response, maxBytes: number, href: string): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceError(`too large: ${href} is over ${formatBytes(maxBytes)}, the limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The useful part of undici's "fetch failed": DNS, refused, reset, TLS. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code;
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found (DNS)";
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    default:
      if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `TLS error (${code})`;
      return (cause?.message ?? (err instanceof Error ? err.message : String(err))).split("\n")[0]!;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
