import { createCore, type Core } from "../../src/core/core.js";
import type { Knowledge } from "../../src/core/types.js";
import { Conversation, type ConversationOptions } from "../../src/conversation/conversation.js";
import { loadSmallTalk, type SmallTalk } from "../../src/conversation/smalltalk.js";
import { sharedCore } from "../support/runtime.js";

let smallTalk: SmallTalk | undefined;
/** The shipped small-talk set, loaded once per test file. */
export function shippedSmallTalk(): SmallTalk {
  return (smallTalk ??= loadSmallTalk());
}

/** A conversation over the shipped knowledge (or `core`), with a clock the test moves. */
export function conversation(options: Partial<ConversationOptions> & { clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: 1_000_000 };
  const core = sharedCore();
  const conv = new Conversation({
    core: options.core ?? (() => core),
    smallTalk: options.smallTalk ?? shippedSmallTalk(),
    memory: options.memory ?? { now: () => clock.now },
    ...(options.run ? { run: options.run } : {}),
  });
  return { conv, clock };
}

/** The shipped knowledge without the entries whose ids are given (what a hot reload after deleting them serves). */
export function coreWithout(ids: readonly string[]): Core {
  const k: Knowledge = sharedCore().knowledge;
  return createCore({
    sources: k.sources,
    speakers: k.speakers,
    entries: k.entries.filter((e) => !ids.includes(e.id)),
  });
}
