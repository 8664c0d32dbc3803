/** The shape of one turn's reply, and what the parts of a turn use of the turn pipeline. */
import type { Answer } from "../core/index.js";
import type { CommandDef, Reply } from "../commands/types.js";
import type { ButtonAction } from "./actions.js";
import type { FollowUp } from "./followup.js";
import type { Recall } from "./memory.js";
import type { KnowledgeView } from "./view.js";

/** How a turn was answered: from the knowledge, as small talk, by asking back, by declining, or with the guide. */
export type Mode = "answer" | "chitchat" | "clarify" | "declined" | "help";

/** One turn's reply, as data. Adapters render `reply` (every renderer already knows it) and offer `actions` as buttons. */
export interface ConversationReply {
  mode: Mode;
  /** What to show: an answer (or decline) from the core, the help, or a short text (small talk, "Did you mean …?"). */
  reply: Reply;
  /** The entry answered (mode "answer"), else null. */
  answer: Answer | null;
  /** Who said the answer (a quote's speaker, the speaker whose words a fact reports), or the one person a fact is about; else null. */
  speaker: { id: string; name: string; role: string | null } | null;
  /** The core's next-best answers (answers), or the two options (clarify). */
  alternatives: Answer[];
  /** Buttons to offer under the reply: "more" (from the speaker), "related", "source", or "pick" (clarify options). */
  actions: ButtonAction[];
  /** The small-talk intent, when mode is chitchat or help from small talk. */
  smalltalk: { intent: string; confidence: number } | null;
  /** The follow-up this turn was read as ("who-said", "swap", …), or null for a question of its own. */
  followUp: FollowUp["kind"] | null;
  /** Confidence: the answer's, the small talk's, or the best near miss's when declined. */
  score: number;
}

/**
 * What the parts of a turn (follow-ups, carried topics, answer kinds) use of the turn pipeline: run a command as the
 * conversation does, and turn a reply or an entry into the turn's reply, remembering what was shown.
 */
export interface TurnTools {
  run(def: CommandDef, arg: string): Reply;
  fromReply(
    reply: Reply,
    recall: Recall,
    view: KnowledgeView,
    question: string | null,
    kind: FollowUp["kind"] | null,
  ): ConversationReply;
  showEntry(
    recall: Recall,
    view: KnowledgeView,
    id: string,
    question: string | null,
    kind: FollowUp["kind"],
  ): ConversationReply;
}
