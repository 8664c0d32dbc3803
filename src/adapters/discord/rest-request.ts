import { STATUS_CODES } from "node:http";
import { DefaultRestOptions, type ResponseLike } from "discord.js";
import { Headers, request, type Dispatcher } from "undici";

type Init = Parameters<typeof DefaultRestOptions.makeRequest>[1];

/**
 * One REST response, shaped as @discordjs/rest expects (`ResponseLike`). A class, so `bodyUsed` is a getter on the
 * prototype: the default strategy's object literal with `get bodyUsed()` keeps every response alive into the old
 * generation on Node 20 (measured in DESIGN.md, "Garbage on the hot path").
 */
class UndiciResponse implements ResponseLike {
  readonly body: Dispatcher.ResponseData["body"];
  readonly headers: Headers;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;

  constructor(res: Dispatcher.ResponseData) {
    this.body = res.body;
    this.headers = new Headers(res.headers as Record<string, string>);
    this.status = res.statusCode;
    this.statusText = STATUS_CODES[res.statusCode] ?? "";
    this.ok = res.statusCode >= 200 && res.statusCode < 300;
  }
  get bodyUsed(): boolean {
    return this.body.bodyUsed;
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.arrayBuffer();
  }
  json(): Promise<unknown> {
    return this.body.json();
  }
  text(): Promise<string> {
    return this.body.text();
  }
}

/**
 * The HTTP call under discord.js's REST client (its `rest.makeRequest` option): the same undici request as
 * @discordjs/rest's default strategy, without its per-response garbage (see UndiciResponse). Bodies other than none,
 * a string or bytes (file uploads, which briefbot does not send) go to the default strategy unchanged.
 */
export async function makeRequest(url: string, init: Init): Promise<ResponseLike> {
  const body = init.body;
  if (body != null && typeof body !== "string" && !(body instanceof Uint8Array))
    return DefaultRestOptions.makeRequest(url, init);
  // Object.assign, not `{ ...init }`: see DESIGN.md, "Garbage on the hot path".
  const options = Object.assign({}, init) as unknown as Parameters<typeof request>[1];
  return new UndiciResponse(await request(url, options));
}
