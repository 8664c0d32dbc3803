import type { Client } from "discord.js";
import { DEFAULT_FLOOD, DEFAULT_INLINE_FLOOD, FloodLimiter, type FloodOptions } from "../../commands/flood.js";

export { FLOOD_NOTICE } from "../../commands/flood.js";

/**
 * Discord's per-user flood limits, the same settings as Telegram's: one budget shared by DMs, @mentions, slash
 * commands and buttons (6 per 10 s), and a looser one for autocomplete, which fires per keystroke (30 per 10 s).
 */
export interface DiscordFlood {
  answers: FloodLimiter;
  autocomplete: FloodLimiter;
}

export interface DiscordFloodOptions {
  flood?: FloodOptions;
  autocompleteFlood?: FloodOptions;
}

export function discordFlood(options: DiscordFloodOptions = {}): DiscordFlood {
  return {
    answers: new FloodLimiter(options.flood ?? DEFAULT_FLOOD),
    autocomplete: new FloodLimiter(options.autocompleteFlood ?? DEFAULT_INLINE_FLOOD),
  };
}

const byClient = new WeakMap<Client, DiscordFlood>();

/** The limits of one client, made on first use with the default settings when the adapter gave none. */
export function floodOf(client: Client, given?: DiscordFlood): DiscordFlood {
  if (given) return given;
  let f = byClient.get(client);
  if (!f) byClient.set(client, (f = discordFlood()));
  return f;
}
