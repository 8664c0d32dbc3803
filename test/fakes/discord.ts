/**
 * A fake Discord for end-to-end tests: one node:http server on 127.0.0.1 (random port) serving the REST routes a bot
 * uses, and a `ws` WebSocket gateway on the same server. `GET /api/v10/gateway/bot` hands out the gateway URL, so the
 * real discord.js start-up (REST `api` pointed at {@link FakeDiscord.apiUrl}) logs in to it: HELLO, IDENTIFY → READY
 * and GUILD_CREATE per shard, heartbeats acknowledged, RESUME → RESUMED. Tests then push dispatches (messages,
 * interactions) and read what the bot sent back from {@link FakeDiscord.requests}.
 *
 * Reusable on purpose: load tests and reconnect tests drive the same fake ({@link FakeDiscord.dropConnections},
 * {@link FakeDiscord.failNext}).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { WebSocketServer, WebSocket } from "ws";

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A snowflake for `at` (ms since 1970): Discord ids carry their creation time, which discord.js reads back. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Math.floor(at)) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The shard a guild lives on, by Discord's formula. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** `shards` in GET /gateway/bot (what `auto` sharding reads). */
  recommendedShards?: number;
  heartbeatIntervalMs?: number;
  /** Hold GUILD_CREATE after READY until {@link FakeDiscord.releaseGuilds}: the client is not ready meanwhile. */
  holdGuilds?: boolean;
}

/** One REST request the bot made, path without `/api/v10` and decoded (`%40original` → `@original`). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (or the multipart `payload_json`), undefined when there was none. */
  body: any;
}

/** One gateway connection, as the fake sees it. */
export interface GatewaySession {
  socket: WebSocket;
  shard: [number, number] | null;
  intents: number | null;
  sessionId: string | null;
  seq: number;
  identified: boolean;
  resumed: boolean;
}

export interface User {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface MessageOptions {
  content: string;
  /** Direct message instead of the guild channel. */
  dm?: boolean;
  /** Put the bot in `mentions` and, unless `mentionInContent` is false, `<@bot>` at the start of the content. */
  mentionBot?: boolean;
  mentionInContent?: boolean;
  /** Make the message a reply to one of the bot's messages. */
  replyToBot?: boolean;
  /** The author is a bot (another app); `self` makes it the bot itself. */
  author?: "user" | "bot" | "self";
  /** Another human author than `user`, by id (same name): for per-user limits. */
  userId?: string;
  /** With `replyToBot`: the buttons (action rows) of the bot's message replied to. */
  repliedComponents?: unknown[];
}

export interface InteractionOptions {
  dm?: boolean;
  /** When the interaction was created (its id carries it); default now. */
  createdAt?: number;
  /** Another user than `user`, by id (same name): for per-user limits. */
  userId?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** Resolves with the bot's first callback (POST /interactions/{id}/{token}/callback). */
  callback(): Promise<RecordedRequest>;
}

type Predicate = (r: RecordedRequest) => boolean;

export interface FakeDiscord {
  /** REST root to give discord.js (`rest.api` / DISCORD_API_URL), without the version. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: User;
  readonly user: User;
  readonly guildId: string;
  readonly channelId: string;
  readonly dmChannelId: string;
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Open and closed gateway connections, in order. */
  readonly sessions: GatewaySession[];
  /** Resolves when `count` shards have identified (or resumed) on open connections. */
  waitForShards(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first request (already made or future) matching `pred` that no earlier wait consumed. */
  waitForRequest(pred: Predicate, timeoutMs?: number): Promise<RecordedRequest>;
  /** Sends a dispatch to the shard that owns `guildId` (shard 0 for DMs and when unspecified). */
  dispatch(t: string, d: unknown, guildId?: string | null): void;
  /** A MESSAGE_CREATE; returns the message id. */
  sendMessage(options: MessageOptions): string;
  /** The bot's replies to message `messageId` (POST /channels/…/messages with that message_reference). */
  replyTo(messageId: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** A chat-input command (/name option:value). */
  sendCommand(name: string, options?: Record<string, string>, extra?: InteractionOptions): SentInteraction;
  /** An autocomplete interaction for `name`'s option `option`, focused, with the typed `value`. */
  sendAutocomplete(name: string, option: string, value: string, extra?: InteractionOptions): SentInteraction;
  /** A button press on one of the bot's messages. */
  pressButton(customId: string, extra?: InteractionOptions): SentInteraction;
  /** Answers the next REST request matching `pred` with `status` (and a Discord-style JSON error; a 429 carries Retry-After). */
  failNext(pred: Predicate, status?: number, retryAfterSeconds?: number): void;
  /** Sends the GUILD_CREATEs held back by `holdGuilds`. */
  releaseGuilds(): void;
  /** Closes every open gateway connection with `code` (default 4000, resumable), as a dropped gateway would. */
  dropConnections(code?: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return undefined;
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("application/json")) return JSON.parse(raw);
  if (type.startsWith("multipart/form-data")) {
    const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return m ? JSON.parse(m[1]!) : raw;
  }
  return raw;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** 204 with no body and, on purpose, no JSON content type (discord.js would try to parse it). */
function noContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** Starts a fake Discord on 127.0.0.1 at a random free port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? snowflake(Date.now() - 86_400_000);
  // Shaped like a real bot token (id.timestamp.hmac), so config validation accepts it.
  const token =
    options.token ??
    [
      Buffer.from(applicationId).toString("base64url"),
      randomBytes(4).toString("base64url"),
      randomBytes(20).toString("base64url"),
    ].join(".");
  const botUser: User = {
    id: applicationId,
    username: "briefbot",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  const user: User = { id: snowflake(), username: "asker", discriminator: "0", global_name: "Asker", avatar: null };
  const otherBot: User = {
    id: snowflake(),
    username: "otherbot",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  const guildId = snowflake(Date.now() - 3_600_000);
  const channelId = snowflake();
  const dmChannelId = snowflake();
  const requests: RecordedRequest[] = [];
  const sessions: GatewaySession[] = [];
  const waiters: { pred: Predicate; resolve: (r: RecordedRequest) => void }[] = [];
  const failures: { pred: Predicate; status: number; retryAfter: number }[] = [];
  const consumed = new WeakSet<RecordedRequest>();
  let shardWaiters: (() => void)[] = [];
  const knownSessions = new Map<string, [number, number]>();
  const held: GatewaySession[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { message: String(err), code: 0 }));
  });
  const wss = new WebSocketServer({ server, path: "/gateway" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const guildChannel = {
    id: channelId,
    type: 0,
    name: "general",
    guild_id: guildId,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
  };
  const dmChannel = { id: dmChannelId, type: 1, recipients: [user], last_message_id: null, flags: 0 };
  const member = (u: User) => ({
    user: u,
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: "2248473465835073",
  });

  function record(r: RecordedRequest): void {
    requests.push(r);
    const i = waiters.findIndex((w) => w.pred(r));
    if (i >= 0) {
      consumed.add(r);
      waiters.splice(i, 1)[0]!.resolve(r);
    }
  }

  function waitForRequest(pred: Predicate, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = requests.find((r) => !consumed.has(r) && pred(r));
    if (found) {
      consumed.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = { pred, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  }

  function messageFrom(body: any, channel: string, extra: Record<string, unknown> = {}) {
    return {
      id: snowflake(),
      channel_id: channel,
      author: botUser,
      content: body?.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      ...extra,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    const m = /^\/api\/v\d+(\/.*)$/.exec(url.pathname);
    const body = await readBody(req);
    if (!m) return json(res, 404, { message: "404: Not Found", code: 0 });
    const path = m[1]!
      .split("/")
      .map((s) => decodeURIComponent(s))
      .join("/");
    const method = req.method ?? "GET";
    const r: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body };
    record(r);
    const fi = failures.findIndex((f) => f.pred(r));
    if (fi >= 0) {
      const { status, retryAfter } = failures.splice(fi, 1)[0]!;
      if (status === 429) {
        // As Discord sends it: Retry-After (seconds) in a header, retry_after in the body.
        res.writeHead(429, {
          "content-type": "application/json",
          "retry-after": String(retryAfter),
          "x-ratelimit-scope": "user",
        });
        return void res.end(
          JSON.stringify({ message: "You are being rate limited.", retry_after: retryAfter, global: false }),
        );
      }
      return json(res, status, { message: `fake failure ${status}`, code: 0 });
    }
    const isInteraction = /^\/(interactions|webhooks)\//.test(path);
    if (!isInteraction && req.headers.authorization !== `Bot ${token}`)
      return json(res, 401, { message: "401: Unauthorized", code: 0 });

    let p: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot")
      return json(res, 200, {
        url: gatewayUrl,
        shards: options.recommendedShards ?? 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 },
      });
    if (method === "GET" && path === "/gateway") return json(res, 200, { url: gatewayUrl });
    if (method === "GET" && path === "/users/@me") return json(res, 200, botUser);
    if ((p = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST")
      return json(res, 200, messageFrom(body, p[1]!, p[1] === channelId ? { guild_id: guildId } : {}));
    if (/^\/channels\/\d+\/typing$/.test(path) && method === "POST") return noContent(res);
    if ((p = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === "POST") {
      if (url.searchParams.get("with_response") === "true")
        return json(res, 200, { interaction: { id: p[1], type: 2 }, resource: { type: body?.type } });
      return noContent(res);
    }
    if ((p = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
      if (method === "DELETE") return noContent(res);
      if (method === "PATCH" || method === "GET")
        return json(res, 200, messageFrom(body, channelId, { id: snowflake(), webhook_id: p[1] }));
    }
    if ((p = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === "POST")
      return json(res, 200, messageFrom(body, channelId, { webhook_id: p[1] }));
    if ((p = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === "PUT")
      return json(
        res,
        200,
        (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({
          id: snowflake(),
          application_id: p![1],
          ...(p![2] && { guild_id: p![2] }),
          version: snowflake(),
          default_member_permissions: null,
          type: 1,
          ...c,
        })),
      );
    return json(res, 404, { message: "404: Not Found", code: 0 });
  }

  function openSessions(): GatewaySession[] {
    return sessions.filter((s) => s.socket.readyState === WebSocket.OPEN && (s.identified || s.resumed));
  }

  function send(s: GatewaySession, payload: Record<string, unknown>): void {
    if (s.socket.readyState === WebSocket.OPEN) s.socket.send(JSON.stringify(payload));
  }

  function sendDispatch(s: GatewaySession, t: string, d: unknown): void {
    s.seq += 1;
    send(s, { op: 0, t, s: s.seq, d });
  }

  function notifyShards(): void {
    const waiting = shardWaiters;
    shardWaiters = [];
    for (const w of waiting) w();
  }

  function guildCreate() {
    return {
      id: guildId,
      name: "Fake guild",
      icon: null,
      owner_id: user.id,
      unavailable: false,
      member_count: 3,
      large: false,
      joined_at: new Date(0).toISOString(),
      features: [],
      channels: [guildChannel],
      threads: [],
      roles: [
        {
          id: guildId,
          name: "@everyone",
          permissions: "2248473465835073",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      members: [member(botUser)],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: "en-US",
      system_channel_flags: 0,
      premium_tier: 0,
      verification_level: 0,
      explicit_content_filter: 0,
      default_message_notifications: 0,
      mfa_level: 0,
      nsfw_level: 0,
      afk_timeout: 300,
    };
  }

  wss.on("connection", (socket) => {
    const s: GatewaySession = {
      socket,
      shard: null,
      intents: null,
      sessionId: null,
      seq: 0,
      identified: false,
      resumed: false,
    };
    sessions.push(s);
    send(s, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
    socket.on("message", (raw) => {
      let msg: { op: number; d: any };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return socket.close(4002, "Decode error");
      }
      if (msg.op === 1) return send(s, { op: 11 });
      if (msg.op === 2) {
        if (msg.d?.token !== token) return socket.close(4004, "Authentication failed");
        s.shard = Array.isArray(msg.d.shard) ? [msg.d.shard[0], msg.d.shard[1]] : [0, 1];
        s.intents = msg.d.intents ?? null;
        s.sessionId = randomBytes(8).toString("hex");
        s.identified = true;
        knownSessions.set(s.sessionId, s.shard);
        const mine = shardOf(guildId, s.shard[1]) === s.shard[0];
        sendDispatch(s, "READY", {
          v: 10,
          user: botUser,
          guilds: mine ? [{ id: guildId, unavailable: true }] : [],
          session_id: s.sessionId,
          resume_gateway_url: gatewayUrl,
          shard: s.shard,
          application: { id: applicationId, flags: 0 },
          private_channels: [],
        });
        if (mine && options.holdGuilds) held.push(s);
        else if (mine) sendDispatch(s, "GUILD_CREATE", guildCreate());
        notifyShards();
        return;
      }
      if (msg.op === 6) {
        const shard = knownSessions.get(msg.d?.session_id);
        if (msg.d?.token !== token || !shard) return send(s, { op: 9, d: false });
        s.shard = shard;
        s.sessionId = msg.d.session_id;
        s.seq = Number(msg.d.seq) || 0;
        s.resumed = true;
        sendDispatch(s, "RESUMED", {});
        notifyShards();
        return;
      }
    });
    socket.on("close", notifyShards);
  });

  function sessionFor(guild: string | null | undefined): GatewaySession | undefined {
    const open = openSessions();
    return open.find((s) => {
      const [id, count] = s.shard ?? [0, 1];
      return guild ? shardOf(guild, count) === id : id === 0;
    });
  }

  function dispatch(t: string, d: unknown, guild?: string | null): void {
    const s = sessionFor(guild);
    if (!s) throw new Error(`fake Discord: no gateway session for ${guild ? `guild ${guild}` : "DMs"}`);
    sendDispatch(s, t, d);
  }

  function interaction(
    type: number,
    data: Record<string, unknown>,
    extra: InteractionOptions,
    message?: unknown,
  ): SentInteraction {
    const id = snowflake(extra.createdAt);
    const itoken = `itok_${randomBytes(16).toString("hex")}`;
    const asker = extra.userId ? { ...user, id: extra.userId } : user;
    const where = extra.dm
      ? {
          channel: dmChannel,
          channel_id: dmChannelId,
          user: asker,
          context: 1,
          authorizing_integration_owners: { "0": asker.id },
        }
      : {
          channel: guildChannel,
          channel_id: channelId,
          guild_id: guildId,
          guild_locale: "en-US",
          member: member(asker),
          context: 0,
          authorizing_integration_owners: { "0": guildId },
        };
    dispatch(
      "INTERACTION_CREATE",
      {
        id,
        application_id: applicationId,
        type,
        data,
        token: itoken,
        version: 1,
        app_permissions: "2248473465835073",
        locale: "en-US",
        entitlements: [],
        attachment_size_limit: 8_388_608,
        ...where,
        ...(message ? { message } : {}),
      },
      extra.dm ? null : guildId,
    );
    return {
      id,
      token: itoken,
      callback: () => waitForRequest((r) => r.method === "POST" && r.path === `/interactions/${id}/${itoken}/callback`),
    };
  }

  const commandIds = new Map<string, string>();
  const commandId = (name: string) =>
    commandIds.get(name) ?? (commandIds.set(name, snowflake()), commandIds.get(name)!);

  const fake: FakeDiscord = {
    apiUrl: `${base}/api`,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    user,
    guildId,
    channelId,
    dmChannelId,
    requests,
    sessions,
    waitForShards(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake Discord: ${count} shard(s) not connected in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          if (openSessions().length >= count) {
            clearTimeout(timer);
            resolve();
          } else shardWaiters.push(check);
        };
        check();
      });
    },
    waitForRequest,
    dispatch,
    sendMessage(o) {
      const author =
        o.author === "bot" ? otherBot : o.author === "self" ? botUser : o.userId ? { ...user, id: o.userId } : user;
      const id = snowflake();
      const mentionText = o.mentionBot && o.mentionInContent !== false ? `<@${botUser.id}> ` : "";
      const repliedTo = o.replyToBot
        ? messageFrom({ content: "An earlier answer", components: o.repliedComponents }, o.dm ? dmChannelId : channelId)
        : null;
      const d = {
        id,
        channel_id: o.dm ? dmChannelId : channelId,
        ...(o.dm
          ? { channel_type: 1 }
          : {
              guild_id: guildId,
              channel_type: 0,
              member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
            }),
        author,
        content: mentionText + o.content,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: o.mentionBot ? [botUser] : [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        components: [],
        pinned: false,
        flags: 0,
        type: repliedTo ? 19 : 0,
        ...(repliedTo && {
          message_reference: {
            type: 0,
            message_id: repliedTo.id,
            channel_id: repliedTo.channel_id,
            ...(o.dm ? {} : { guild_id: guildId }),
          },
          referenced_message: repliedTo,
        }),
      };
      dispatch("MESSAGE_CREATE", d, o.dm ? null : guildId);
      return id;
    },
    replyTo(messageId, timeoutMs) {
      return waitForRequest(
        (r) =>
          r.method === "POST" &&
          /^\/channels\/\d+\/messages$/.test(r.path) &&
          r.body?.message_reference?.message_id === messageId,
        timeoutMs,
      );
    },
    sendCommand(name, opts = {}, extra = {}) {
      const options = Object.entries(opts).map(([n, value]) => ({ name: n, type: 3, value }));
      return interaction(2, { id: commandId(name), name, type: 1, options }, extra);
    },
    sendAutocomplete(name, option, value, extra = {}) {
      return interaction(
        4,
        { id: commandId(name), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] },
        extra,
      );
    },
    pressButton(customId, extra = {}) {
      const message = messageFrom(
        {
          content: "",
          components: [{ type: 1, components: [{ type: 2, style: 2, label: "Button", custom_id: customId }] }],
        },
        extra.dm ? dmChannelId : channelId,
        extra.dm ? {} : { guild_id: guildId },
      );
      return interaction(3, { custom_id: customId, component_type: 2 }, extra, message);
    },
    releaseGuilds() {
      for (const s of held.splice(0)) sendDispatch(s, "GUILD_CREATE", guildCreate());
    },
    failNext(pred, status = 500, retryAfterSeconds) {
      failures.push({ pred, status, retryAfter: retryAfterSeconds ?? 0.05 });
    },
    dropConnections(code = 4000) {
      for (const s of sessions) if (s.socket.readyState === WebSocket.OPEN) s.socket.close(code, "dropped by the fake");
    },
    async close() {
      for (const w of wss.clients) w.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
