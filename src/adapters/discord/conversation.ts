import { Events, type Client } from "discord.js";
import { ask } from "../../commands/ask.js";
import { dispatch } from "../../commands/dispatch.js";
import type { CommandDef } from "../../commands/types.js";
import {
  Conversation,
  decodeAction,
  type ButtonAction,
  type ConversationReply,
} from "../../conversation/conversation.js";
import type { Runtime } from "../../runtime.js";

/** Replies to the bot's answers noted from the gateway and not yet handled, at most (oldest dropped first). */
const NOTED_MAX = 1000;
/** At most this many rows and buttons per row of a replied-to message are read (Discord allows 5 × 5). */
const ROWS_MAX = 5;
const BUTTONS_MAX = 5;

/**
 * The conversation key: one memory per person per channel or DM, so in a channel one person's follow-up never picks
 * up another's answer, and a slash /ask shares the memory of the same person's messages there. An opaque Map key,
 * held in process memory only and never logged.
 */
export function conversationKey(channelId: string, userId: string): string {
  return `dc:${channelId}:${userId}`;
}

/** The answer's entry id carried by a message's buttons ("More from …", "Related", "Source"), or null. */
export function entryFromComponents(components: unknown): string | null {
  if (!Array.isArray(components)) return null;
  for (let r = 0; r < components.length && r < ROWS_MAX; r++) {
    const row = (components[r] as { components?: unknown } | null)?.components;
    if (!Array.isArray(row)) continue;
    for (let b = 0; b < row.length && b < BUTTONS_MAX; b++) {
      const action = decodeAction((row[b] as { custom_id?: unknown } | null)?.custom_id);
      if (action && action.action !== "pick") return action.entryId;
    }
  }
  return null;
}

interface RawPacket {
  t?: unknown;
  d?: { id?: unknown; referenced_message?: { author?: { id?: unknown }; components?: unknown } | null };
}

/**
 * Discord's side of the conversation layer (adapter → conversation → command → core → render): one
 * {@link Conversation} per client, keyed per person per channel. Each turn (a message, a command, a button press) goes
 * through `dispatch` once, as the command it is (a message or a press as `ask`): one log line and one count per turn,
 * with the entry finally shown, however many searches the conversation made for it (a follow-up may make two).
 *
 * A reply to one of the bot's answers continues from that answer, also after a restart or in another shard: the
 * gateway sends the replied-to message with the reply, and its buttons carry the entry id. discord.js keeps no
 * message cache here (client.ts), so the id is noted from the raw event, which comes just before discord.js builds the
 * message, and taken when the message is handled ({@link repliedEntry}). Only entry ids are noted, never text.
 */
export class DiscordConversation {
  readonly conversation: Conversation;
  private readonly noted = new Map<string, string>();

  constructor(
    private readonly runtime: Runtime,
    conversation?: Conversation,
  ) {
    this.conversation = conversation ?? new Conversation({ core: () => runtime.core() });
  }

  /** Reads a raw gateway event: a new message replying to one of `botId`'s answers has the answer's entry noted. */
  noteRaw(packet: RawPacket, botId: string | undefined): void {
    if (packet?.t !== "MESSAGE_CREATE" || botId === undefined) return;
    const d = packet.d;
    const replied = d?.referenced_message;
    if (!replied || replied.author?.id !== botId || typeof d.id !== "string") return;
    const entry = entryFromComponents(replied.components);
    if (entry === null) return;
    this.noted.set(d.id, entry);
    if (this.noted.size > NOTED_MAX) this.noted.delete(this.noted.keys().next().value!);
  }

  /** The entry of the answer message `messageId` replies to, if noted (and forgets it). */
  repliedEntry(messageId: string): string | null {
    const entry = this.noted.get(messageId);
    if (entry === undefined) return null;
    this.noted.delete(messageId);
    return entry;
  }

  /** A typed message or slash command in the conversation of `key`, through dispatch once (as that command). */
  command(key: string, def: CommandDef, arg: string, replyTo: string | null = null): ConversationReply {
    return this.dispatched(def, () => this.conversation.command(key, def, arg, { replyTo }));
  }

  /** A button press ({@link ButtonAction}) answered like the matching follow-up, through dispatch once (as `ask`). */
  press(key: string, action: ButtonAction): ConversationReply {
    return this.dispatched(ask, () => this.conversation.press(key, action));
  }

  private dispatched(as: CommandDef, answer: () => ConversationReply): ConversationReply {
    let turn: ConversationReply | undefined;
    const def: CommandDef = { name: as.name, description: as.description, run: () => (turn = answer()).reply };
    dispatch(this.runtime, "discord", def, "");
    return turn!;
  }
}

const byClient = new WeakMap<Client, DiscordConversation>();

/**
 * The conversation of one client, made on first use: call it once when the client is created (serve.ts), so the raw
 * gateway events of replies are read from the first one on.
 */
export function conversationOf(client: Client, runtime: Runtime): DiscordConversation {
  let c = byClient.get(client);
  if (!c) {
    const made = new DiscordConversation(runtime);
    client.on(Events.Raw, (packet: RawPacket) => made.noteRaw(packet, client.user?.id));
    byClient.set(client, (c = made));
  }
  return c;
}
