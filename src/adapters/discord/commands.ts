import {
  InteractionContextType,
  REST,
  Routes,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/definitions.js";
import { MAX_QUESTION_CHARS } from "../../core/index.js";

/**
 * The slash commands, built from the shared command definitions (so Discord, Telegram and the console offer the same
 * list). discord.js's builder validates names and the 100-character descriptions. Options that the core can complete
 * (questions, speakers, topics) are marked `autocomplete`. Usable in guilds and in the bot's DMs.
 */
export function commandPayloads(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((def) => {
    const b = new SlashCommandBuilder()
      .setName(def.name)
      .setDescription(def.description)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
    const opt = def.option;
    if (opt)
      b.addStringOption((o) =>
        o
          .setName(opt.name)
          .setDescription(opt.description)
          .setRequired(opt.required)
          .setAutocomplete(opt.complete !== undefined)
          .setMaxLength(opt.complete === "question" ? MAX_QUESTION_CHARS : 100),
      );
    return b.toJSON();
  });
}

/** What {@link registerCommands} needs: the bot's credentials and where to register. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register to this guild only (instant; for development). Without it, commands are registered globally. */
  guildId?: string;
  /** REST root (DISCORD_API_URL), e.g. `https://discord.com/api` or a proxy; the API version is added to it. */
  apiUrl?: string;
  /** Retries of failed REST requests (default 3; tests use 0). */
  restRetries?: number;
}

export interface RegisterResult {
  scope: "guild" | "global";
  /** The guild registered to, for scope "guild". */
  guildId?: string;
  count: number;
  names: string[];
  /** The REST route that was PUT, e.g. `/applications/123/guilds/456/commands`. */
  route: string;
}

/** A REST client for the bot (used by registration and by `auto` sharding). */
export function botRest(options: { token: string; apiUrl?: string; restRetries?: number }): REST {
  return new REST({
    version: "10",
    retries: options.restRetries ?? 3,
    ...(options.apiUrl && { api: options.apiUrl }),
  }).setToken(options.token);
}

/**
 * Registers the slash commands with one bulk overwrite (PUT): to `guildId` when given (instant), otherwise globally.
 * Never both, so users never see each command twice. Returns what was done, for the CLI to print.
 */
export async function registerCommands(options: RegisterOptions, log?: Logger): Promise<RegisterResult> {
  const body = commandPayloads();
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const saved = (await botRest(options).put(route, { body })) as { name: string }[];
  const result: RegisterResult = {
    scope: options.guildId ? "guild" : "global",
    ...(options.guildId && { guildId: options.guildId }),
    count: saved.length,
    names: saved.map((c) => c.name),
    route,
  };
  log?.info({ scope: result.scope, count: result.count }, "discord commands registered");
  return result;
}
