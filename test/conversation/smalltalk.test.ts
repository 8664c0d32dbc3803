import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KnowledgeError } from "../../src/core/loader.js";
import { chatTokens, expandPattern, isLaughter, parseSmallTalk } from "../../src/conversation/smalltalk.js";
import { conversation, shippedSmallTalk } from "./helpers.js";

const evalLines = readFileSync(new URL("../../eval/smalltalk.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { q: string; intent: string });

describe("small talk", () => {
  it("answers every line of eval/smalltalk.jsonl as small talk, none from the knowledge", () => {
    const { conv } = conversation();
    const missed = evalLines.filter(
      (c, i) => conv.handle(`k${i}`, c.q).mode === "answer" || conv.handle(`k${i}`, c.q).smalltalk === null,
    );
    // The target is 95%; the shipped set does better, and a line answered from the knowledge is never allowed.
    expect(missed.length / evalLines.length).toBeLessThan(0.05);
    for (const [i, c] of evalLines.entries())
      expect(["answer", "clarify"]).not.toContain(conv.handle(`z${i}`, c.q).mode);
  });

  it("greets, thanks and says goodbye in many languages", () => {
    const st = shippedSmallTalk();
    for (const q of [
      "hi",
      "Hello there!",
      "salam",
      "سلام",
      "hola",
      "ciao",
      "hallo",
      "bonjour",
      "privet",
      "привет",
      "namaste",
      "你好",
    ])
      expect(st.match(q)?.intent.id, q).toBe("greeting");
    for (const q of [
      "thanks!",
      "merci",
      "gracias",
      "danke",
      "спасибо",
      "شكرًا",
      "ممنون",
      "thank you so much for the help",
    ])
      expect(st.match(q)?.intent.id, q).toBe("thanks");
    for (const q of ["bye", "see you later", "khodahafez", "خداحافظ", "good night"])
      expect(st.match(q)?.intent.id, q).toBe("goodbye");
  });

  it("recognises the everyday openers and reactions", () => {
    const st = shippedSmallTalk();
    const cases: [string, string][] = [
      ["good bot", "praise"],
      ["you're useless", "insult"],
      ["lol", "laughter"],
      ["hahahaha", "laughter"],
      ["😂😂", "laughter"],
      ["ok", "acknowledgement"],
      ["cool", "acknowledgement"],
      ["👍", "acknowledgement"],
      ["?", "confusion"],
      ["huh", "confusion"],
      ["who made you?", "who-made-you"],
      ["are you a bot or a person?", "bot-or-human"],
      ["what can you do?", "capabilities"],
      ["how do I use this?", "capabilities"],
      ["how are you?", "how-are-you"],
      ["hiiiii", "greeting"],
      ["thnaks", "thanks"],
    ];
    for (const [q, id] of cases) expect(st.match(q)?.intent.id, q).toBe(id);
    expect(st.match("thnaks")!.confidence).toBeLessThan(1);
    expect(st.match("thanks")!.confidence).toBe(1);
  });

  it("sends a greeting around a real question to the knowledge", () => {
    const { conv } = conversation();
    expect(shippedSmallTalk().match("hi, when was Telegram banned?")).toBeNull();
    const r = conv.handle("a", "hi, when was Telegram banned?");
    expect(r.mode).toBe("answer");
    expect(r.answer!.text).toContain("April 2018");
    expect(shippedSmallTalk().match("thanks, and how many Iranians used Telegram?")).toBeNull();
  });

  it("reads a short line no phrasing covers by its keywords, unless a word names a topic of the knowledge", () => {
    const st = shippedSmallTalk();
    expect(st.match("this bot sucks tbh")?.intent.id).toBe("insult");
    expect(st.match("thanks bunches")?.intent.id).toBe("thanks");
    expect(st.match("thanks bunches")!.confidence).toBeLessThan(0.8);
    // Two words small talk does not know: a question, not small talk.
    expect(st.match("hi whats the weather in paris")).toBeNull();
    // A word of the knowledge that small talk does not use names a topic.
    const known = (w: string) => w === "telegram";
    expect(st.match("thanks telegram", known)).toBeNull();
    expect(st.match("thanks telegram")?.intent.id).toBe("thanks");
    // A question word or a pronoun for someone else asks something: never small talk by keywords.
    for (const q of ["thanks, but who is he?", "cool, and when was that?", "lol who said that"])
      expect(st.match(q), q).toBeNull();
  });

  it("drops mentions ('@briefbot', Discord's '<@id>') and answers personal questions to the bot as small talk", () => {
    const st = shippedSmallTalk();
    expect(st.match("<@123456789012345678> hello")?.intent.id).toBe("greeting");
    expect(st.match("@briefbot thanks")?.intent.id).toBe("thanks");
    expect(st.match("thnk u")?.intent.id).toBe("thanks");
    // Chat spellings.
    expect(st.match("c u later")?.intent.id).toBe("goodbye");
    expect(st.match("hw r u")?.intent.id).toBe("how-are-you");
    expect(st.match("is this automated?")?.intent.id).toBe("bot-or-human");
    expect(st.match("see ya tmrw")?.intent.id).toBe("goodbye");
    for (const q of ["how old are you?", "are you single", "what's your favourite colour?", "will you marry me"])
      expect(st.match(q)?.intent.id, q).toBe("about-me");
    expect(st.match("tell me a joke")?.intent.id).toBe("fun");
    // Emoji beside words decorate the line.
    expect(st.match("good morning everyone ☀️")?.intent.id).toBe("greeting");
    expect(st.match("wow that's crazy")?.intent.id).toBe("acknowledgement");
    // Several sentences, each small talk: the intent listed first answers.
    expect(st.match("Hello everyone! I'm new here. what can you do?")?.intent.id).toBe("capabilities");
    expect(st.match("hi. who banned telegram?")).toBeNull();
  });

  it("takes a word typed twice as one ('tyty', 'hihi') and a line of emoji alone as emoji", () => {
    const st = shippedSmallTalk();
    expect(st.match("tyty")?.intent.id).toBe("thanks");
    expect(st.match("hihi")?.intent.id).toBe("greeting");
    expect(st.match("🫠🫠")?.intent.id).toBe("emoji");
    expect(st.match("🫠 telegram")).toBeNull();
  });

  it("answers a short line the knowledge does not know at all as chatter, after the knowledge declined it", () => {
    const { conv } = conversation();
    const r = conv.handle("a", "zoinks");
    expect(r.mode).toBe("chitchat");
    expect(r.smalltalk?.intent).toBe("chatter");
    // A question, a number or a word of the knowledge is declined as before.
    for (const q of ["zoinks?", "what is zoinks", "zoinks 2000"]) expect(conv.handle("a", q).mode, q).toBe("declined");
    expect(shippedSmallTalk().chatter("zoinks", () => false)?.intent.id).toBe("chatter");
    expect(shippedSmallTalk().chatter("zoinks telegram", (w) => w === "telegram")).toBeNull();
  });

  it("cuts small talk in front of a question, also without punctuation or with repeated letters", () => {
    const { conv } = conversation();
    for (const q of [
      "hiii when was telegram banned?",
      "good bot. now when was telegram banned?",
      "hey bot when was telegram banned",
      "thanks! and when was telegram banned?",
    ]) {
      const r = conv.handle(`s-${q}`, q);
      expect(r.mode, q).toBe("answer");
      expect(r.answer!.text, q).toContain("April 2018");
    }
    expect(conv.stripOpener("thanks for the help with telegram")).toBe("thanks for the help with telegram");
    expect(conv.stripOpener("what did rouhani say?")).toBe("what did rouhani say?");
  });

  it("never answers 'good bot' with a quote (the issue's example)", () => {
    const { conv } = conversation();
    const r = conv.handle("a", "good bot");
    expect(r.mode).toBe("chitchat");
    expect(r.answer).toBeNull();
  });

  it("answers distress carefully, with emergency services and a helpline directory, even inside a long message", () => {
    const { conv } = conversation();
    for (const q of [
      "I want to kill myself",
      "honestly with the internet cut off I feel like ending my life",
      "i feel suicidal",
    ]) {
      const r = conv.handle("a", q);
      expect(r.smalltalk?.intent, q).toBe("distress");
      const text = r.reply.type === "prompt" ? r.reply.text : "";
      expect(text).toMatch(/emergency services/);
      expect(text).toContain("findahelpline.com");
    }
    // A news question with "die" in it is not distress.
    expect(shippedSmallTalk().match("is the internet in Iran going to die?")).toBeNull();
  });

  it("answers what it can do with example questions from the knowledge loaded", async () => {
    const { conv } = conversation();
    const r = conv.handle("a", "what can you do?");
    expect(r.mode).toBe("help");
    const text = r.reply.type === "prompt" ? r.reply.text : "";
    const { sharedCore } = await import("../support/runtime.js");
    expect(text).toContain(sharedCore().knowledge.sources[0]!.publisher);
    for (const q of sharedCore().exampleQuestions(6).slice(0, 3)) expect(text).toContain(q);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it("normalises words: accents, apostrophes, repeated letters, Arabic letter forms, emoji", () => {
    expect(chatTokens("What's UP?!")).toEqual(["what", "is", "up"]);
    expect(chatTokens("Ça va")).toEqual(["ca", "va"]);
    expect(chatTokens("شكري")).toEqual(chatTokens("شکری"));
    expect(chatTokens("ok👍🏽")).toEqual(["ok", "👍"]);
    expect(isLaughter("jajaja")).toBe(true);
    expect(isLaughter("ههههه")).toBe(true);
    expect(isLaughter("he")).toBe(false);
    expect(expandPattern("(a|b) c (d|)").map((s) => s.trim().replace(/\s+/g, " "))).toEqual([
      "a c d",
      "a c",
      "b c d",
      "b c",
    ]);
  });
});

describe("small-talk file validation", () => {
  const good = "intents:\n  - id: hello\n    patterns: [hi]\n    replies: [Hello!]\n";
  it("loads a minimal file and replaces the shipped set", () => {
    const st = parseSmallTalk("mine.yaml", good);
    expect(st.match("hi")?.intent.id).toBe("hello");
    expect(st.match("thanks")).toBeNull();
  });
  const bad: [string, string, RegExp][] = [
    ["unknown field", good.replace("replies:", "colour: red\n    replies:"), /mine\.yaml:4: intents\[0\]\.colour/],
    [
      "duplicate id",
      `${good}  - id: hello\n    patterns: [yo]\n    replies: [Yo]\n`,
      /mine\.yaml:5: intents\[1\]\.id: duplicate intent id/,
    ],
    [
      "unbalanced bracket",
      good.replace("[hi]", "['(hi|hey']"),
      /mine\.yaml:3: intents\[0\]\.patterns\[0\]: unbalanced/,
    ],
    ["unknown placeholder", good.replace("[Hello!]", "['Hello {name}']"), /unknown placeholder \{name\}/],
    ["no replies", good.replace("[Hello!]", "[]"), /intents\[0\]\.replies/],
    ["invalid YAML", "intents: [", /mine\.yaml:\d+: invalid YAML/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with file, line and field`, () => {
      expect(() => parseSmallTalk("mine.yaml", text)).toThrow(KnowledgeError);
      expect(() => parseSmallTalk("mine.yaml", text)).toThrow(message);
    });
  }
  it("refuses a pattern that expands to too many phrasings", () => {
    const huge = `intents:\n  - id: x\n    patterns: ['${"(a|b|c|d|e) ".repeat(8)}']\n    replies: [x]\n`;
    expect(() => parseSmallTalk("mine.yaml", huge)).toThrow(/more than 20000 phrasings/);
  });
});

describe("settings", () => {
  it("SMALLTALK_FILE replaces the shipped set; CONVERSATION_MAX caps the memory; bad values name the variable", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { Conversation, conversationSettings } = await import("../../src/conversation/conversation.js");
    const { sharedCore } = await import("../support/runtime.js");
    const file = join(mkdtempSync(join(tmpdir(), "bb-st-")), "mine.yaml");
    writeFileSync(file, 'intents:\n  - id: ahoy\n    patterns: [ahoy]\n    replies: ["Ahoy! Ask me about {about}."]\n');
    const before = { file: process.env.SMALLTALK_FILE, max: process.env.CONVERSATION_MAX };
    try {
      process.env.SMALLTALK_FILE = file;
      process.env.CONVERSATION_MAX = "7";
      const conv = new Conversation({ core: () => sharedCore() });
      expect(conv.handle("k", "ahoy").smalltalk?.intent).toBe("ahoy");
      expect(conv.handle("k", "thanks").smalltalk).toBeNull();
      expect(conv.memory.max).toBe(7);
      expect(() => conversationSettings({ CONVERSATION_MAX: "lots" })).toThrow(/CONVERSATION_MAX/);
      process.env.SMALLTALK_FILE = join(file, "..", "missing.yaml");
      expect(() => new Conversation({ core: () => sharedCore() })).toThrow(/missing\.yaml: small-talk file not found/);
    } finally {
      for (const [k, v] of [
        ["SMALLTALK_FILE", before.file],
        ["CONVERSATION_MAX", before.max],
      ] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});
