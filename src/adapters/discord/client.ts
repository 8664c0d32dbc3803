import { Client, GatewayIntentBits, Options, Partials } from "discord.js";
import { makeRequest } from "./rest-request.js";

/** The options a Discord client needs (a subset of DiscordOptions). */
export interface ClientOptions {
  /** REST root (DISCORD_API_URL); discord.js adds the API version. Default `https://discord.com/api`. */
  apiUrl?: string;
  /** Retries of failed REST requests (default 3; tests use 0 so a failure shows at once). */
  restRetries?: number;
}

/**
 * A discord.js client with only what briefbot needs:
 * - intents Guilds, GuildMessages and DirectMessages. Not the privileged MessageContent: Discord still sends the
 *   content of messages that mention the bot and of DMs, which are the only messages briefbot answers;
 * - Partials.Channel, without which discord.js drops DMs (their channel is not cached);
 * - allowedMentions `{ parse: [] }` by default, so no reply can ever ping @everyone, a role or a user;
 * - no message cache: the bot never looks messages up again;
 * - REST calls through `makeRequest` (rest-request.ts): discord.js's own undici call without its per-response garbage;
 * - no user or guild-member cache but the bot itself: whoever asked is never looked up again, so discord.js keeps no
 *   one's name, nickname or roles in memory (privacy), and memory does not grow with everyone who ever asked.
 */
export function createDiscordClient(options: ClientOptions): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { retries: options.restRetries ?? 3, makeRequest, ...(options.apiUrl && { api: options.apiUrl }) },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
    }),
  });
}
