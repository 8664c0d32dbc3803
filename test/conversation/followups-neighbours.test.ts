import { describe, expect, it } from "vitest";
import { readFollowUp } from "../../src/conversation/followup.js";
import { conversation } from "./helpers.js";

describe("follow-ups answered from the last answer's neighbours", () => {
  it("'how do people use it?' after the answer that it is blocked: a neighbour telling the means (VPNs)", () => {
    const { conv } = conversation();
    conv.handle("k", "is facebook available in iran?");
    const r = conv.handle("k", "so how do people use it?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("vpns-bypass-limits");
  });

  it("'why did they do it?' after Rouhani's criticism of the ban: the neighbour giving the ban's grounds", () => {
    const { conv } = conversation();
    conv.handle("k", "what did rouhani call the ban?");
    const r = conv.handle("k", "why did they do it?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("telegram-banned-april-2018");
  });

  it("a bare 'why?' after what a person said is their reason: no neighbour about someone else", () => {
    const { conv } = conversation();
    conv.handle("k", "what does jahromi think about censorship?");
    const r = conv.handle("k", "why?");
    expect(r.answer?.id).not.toBe("government-wary-digital-tech");
  });

  it("a bare 'how?' after an effect is the answer that tells it, not a neighbour with a means", () => {
    const { conv } = conversation();
    conv.handle("k", "did trump's sanctions affect iran's oil?");
    const r = conv.handle("k", "how?");
    expect(r.answer?.id).toBe("sanctions-slashed-oil-revenues");
  });
});

describe("the antecedent after a neighbour's answer", () => {
  it("an opener before 'how do …' does not hide the means asked for, and 'those' next are what that answer is about", () => {
    const { conv } = conversation();
    conv.handle("k", "does iran block twitter?");
    const how = conv.handle("k", "then how do iranians get on it?");
    expect(how.answer?.id).toBe("vpns-bypass-limits");
    const those = conv.handle("k", "what do those do exactly?");
    expect(those.mode).toBe("answer");
    expect(those.answer?.id).toBe("vpns-bypass-limits");
    expect(conv.memory.peek("k")!.topic).toContain("vpn");
  });

  it("'those' / 'these' standing alone point back; 'those apps' names its own thing", () => {
    expect(readFollowUp("what do those do?")).toEqual({ kind: "pronoun", person: false, thing: true });
    expect(readFollowUp("are these safe?")).toEqual({ kind: "pronoun", person: false, thing: true });
    expect(readFollowUp("who makes those apps?")).toBeNull();
  });
});

describe("what followed, from the last answer's neighbours", () => {
  it("'what did they do about it?' after the regime's fear of protests: the fact sharing its tags that followed; 'it' is then that", () => {
    const { conv } = conversation();
    conv.handle("k", "why is the government afraid of technology?");
    const r = conv.handle("k", "what did they do about it?");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("national-information-network");
    const next = conv.handle("k", "did it work?");
    expect(next.answer?.id).toBe("national-information-network-progress");
  });

  it("an entry naming the topic, or the last answer, that tells what followed still comes before a fact only sharing tags", () => {
    const { conv } = conversation();
    conv.handle("k", "did apple do anything to iranians?");
    const r = conv.handle("k", "what was the result?");
    expect(r.answer?.id).not.toBe("sanctions-slashed-oil-revenues");
    expect(r.answer?.text).toMatch(/Apple/);
  });
});
