import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { Logger } from "pino";
import { commands } from "../../commands/definitions.js";
import { describeError } from "./errors.js";

/** The scopes the command menu is registered for: private chats and groups (both get the same commands). */
export const MENU_SCOPES: BotCommandScope[] = [{ type: "all_private_chats" }, { type: "all_group_chats" }];

/** The command menu, from the shared command definitions (Telegram allows 1-256 characters per description). */
export function menuCommands(): BotCommand[] {
  return commands.map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
}

/**
 * Registers the menu for every scope with setMyCommands. Never rejects: a failure is logged and the bot carries on
 * (the commands still work, only the menu is missing). `signal` cancels a pending retry when the bot stops.
 */
export async function registerMenu(api: Api, log: Logger, signal?: AbortSignal): Promise<void> {
  const menu = menuCommands();
  for (const scope of MENU_SCOPES) {
    try {
      await api.setMyCommands(menu, { scope }, signal as Parameters<Api["setMyCommands"]>[2]);
    } catch (err) {
      if (signal?.aborted) return;
      log.warn(
        { platform: "telegram", scope: scope.type, err: describeError(err) },
        "telegram command menu not registered",
      );
    }
  }
}
