import { describe, expect, it } from "vitest";
import type { ConversationReply } from "../../src/conversation/conversation.js";
import { answerText, renderText } from "../../src/render/text.js";
import { conversation } from "./helpers.js";

const text = (r: ConversationReply) => (r.answer ? answerText(r.answer) : renderText(r.reply));

// answerFollowUp runs inside a turn; these check each kind of follow-up it answers, through the conversation.
describe("answer-followup: a message read as a follow-up", () => {
  it("who said it, the source, the person, more from them", () => {
    const { conv } = conversation();
    conv.handle("k", "what did rouhani say about the telegram ban?");
    expect(conv.handle("k", "who said that?").followUp).toBe("who-said");
    expect(text(conv.handle("k", "source?"))).toContain("NBC News");
    expect(text(conv.handle("k", "who is he?"))).toContain("President");
  });

  it("a swapped topic is answered about the new topic, or declined ('and whatsapp?')", () => {
    const { conv } = conversation();
    conv.handle("k", "when was telegram banned?");
    const r = conv.handle("k", "and whatsapp?");
    expect(r.followUp).toBe("swap");
    expect(r.mode).toBe("declined");
  });

  it("a bare 'why?' gives a reason; nothing before it asks what is meant", () => {
    const { conv } = conversation();
    conv.handle("k", "who banned telegram?");
    expect(text(conv.handle("k", "why?"))).toContain("national security");
    const fresh = conversation().conv.handle("new", "why?");
    expect(fresh.mode).toBe("declined");
  });
});
