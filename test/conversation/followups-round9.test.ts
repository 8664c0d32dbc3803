import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import { countOf, unnegated } from "../../src/conversation/fitting.js";
import { emptyRecall } from "../../src/conversation/memory.js";
import { toldAlready } from "../../src/conversation/told.js";
import { viewOf } from "../../src/conversation/view.js";
import { tinyKnowledge } from "../support/tiny-kb.js";
import { sharedCore } from "../support/runtime.js";
import { conversation } from "./helpers.js";

// Classes from the misses of eval/conversations-fresh-11 and -12 (written before the bot ran on them).
const harbour = createCore(
  tinyKnowledge(
    [
      {
        id: "port",
        title: "Harbour board to charge for moorings",
        facts: [
          "The harbour board said applications would be reviewed by nine clerks, with decisions promised within 30 working days.",
          "At a board meeting in Port Wendle on Monday, board member Oskar Lindqvist presented a plan to charge for moorings.",
          "Board member Petra Holm voted against the plan.",
          "The fishermen's union said fishermen would protest outside the fishermen's hall.",
        ],
        quotes: [
          ["holm", "Nobody asked the fishermen before drawing this up."],
          ["lindqvist", "A mooring is not a birthright, it is a berth."],
          ["lindqvist", "We have kept the fee low for boats under six metres."],
        ],
      },
    ],
    [
      { id: "holm", name: "Petra Holm", role: "board member", aliases: ["Holm", "Ms Holm"] },
      { id: "lindqvist", name: "Oskar Lindqvist", role: "board member", aliases: ["Lindqvist", "Mr Lindqvist"] },
    ],
  ),
);

describe("round 9: the last answer already says it", () => {
  it("a when/how long question whose words the last answer holds, and whose kind it tells, is that answer", () => {
    const view = viewOf(harbour);
    const recall = emptyRecall(0);
    recall.entry = "port-f1";
    expect(toldAlready(view, recall, "how long do decisions take", false)?.id).toBe("port-f1");
    // A word the answer does not hold, or a kind it does not tell, leaves it to the core.
    expect(toldAlready(view, recall, "how long do appeals take", false)).toBeNull();
    expect(toldAlready(view, recall, "when were decisions made", false)).toBeNull();
    // Answered by something else: only "those …" points back at the last answer.
    expect(toldAlready(view, recall, "how long do decisions take", true)).toBeNull();
  });

  it("'when were those protests?' after a fact dating them is that fact; 'after them' next is after the protests", () => {
    const { conv } = conversation();
    const first = conv.handle("k", "why was the government wary of digital tech");
    expect(first.answer?.id).toBe("government-wary-digital-tech");
    expect(conv.handle("k", "when were those protests").answer?.id).toBe("government-wary-digital-tech");
    expect(conv.handle("k", "what did the regime do after them").answer?.id).toBe("national-information-network");
    expect(conv.handle("k", "is it done").answer?.id).toBe("national-information-network-progress");
  });
});

describe("round 9: people", () => {
  it("'how old is he?' of someone whose age the knowledge lacks is declined, not another person's age", () => {
    const { conv } = conversation();
    expect(conv.handle("k", "the communications minister").answer?.text).toMatch(/Jahromi/);
    expect(conv.handle("k", "how old is he").mode).toBe("declined");
  });

  it("a place after 'in'/'at' is no person 'he' can stand for: the name after it is", () => {
    const view = viewOf(harbour);
    expect(view.nameIn("port-f2")).toBe("Oskar Lindqvist");
  });

  it("'and <person>?' after what someone said on a topic he said nothing on: what he did say", () => {
    // No fact names him: only his own words can answer.
    const k = harbour.knowledge;
    // Tagged as an import tags them: the topic asked about is a tag his words lack.
    const tags: Record<string, string[]> = { "port-q1": ["fishermen", "holm"], "port-f4": ["fishermen"] };
    const entries = k.entries
      .filter((e) => e.id !== "port-f2")
      .map((e) => ({ ...e, tags: tags[e.id] ?? (e.kind === "quote" ? ["moorings", e.speakerId] : ["moorings"]) }));
    const core = createCore({ ...k, entries });
    const { conv } = conversation({ core: () => core });
    expect(conv.handle("k", "what did petra holm say about the fishermen").answer?.id).toBe("port-q1");
    const r = conv.handle("k", "and lindqvist?");
    expect(r.mode).toBe("answer");
    expect(r.speaker?.id).toBe("lindqvist");
  });
});

const moss = tinyKnowledge(
  [
    {
      id: "moss",
      title: "Moss survey finds anglers fish less",
      facts: [
        "A survey published in March by the Tolvern Angling Trust found that 41% of anglers fished less last year.",
        "Ida Marsk, 15, is a junior angler from a village near the lake.",
        "Ida now spends about 12 hours a week at the lake.",
        "About 30% of the lake's pike are under the legal size.",
        "Some 4,000 anglers hold a permit, the group estimates.",
      ],
    },
  ],
  [{ id: "marsk", name: "Ida Marsk", role: "a junior angler", aliases: ["Marsk", "Ida"] }],
);
// As an import writes it: the figure's source on the sentence that names it, the next sentence citing "the group".
const survey = createCore({
  ...moss,
  entries: moss.entries.map((e) =>
    e.id === "moss-f4" ? { ...e, attribution: "a report by the lake group Pike Watch" } : e,
  ),
});

describe("round 9: what the last answer names", () => {
  it("'who ran it?' after an answer naming who after 'by' is that answer", () => {
    const { conv } = conversation({ core: () => survey });
    expect(conv.handle("k", "what share of anglers fished less").answer?.id).toBe("moss-f1");
    const r = conv.handle("k", "who ran it");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("moss-f1");
    // Read off the answer shown (a detail of it), not asked again of the core with the topic filled in.
    expect(r.followUp).toBe("detail");
  });

  it("'how many hours …?' wants a figure of hours, not any figure", () => {
    expect(countOf("how many", "how many hours does he work")?.test("Ida Marsk, 15, is a junior angler")).toBe(false);
    expect(countOf("how many", "how many hours does he work")?.test("about 12 hours a week at the lake")).toBe(true);
    expect(countOf("how many", "how many are there")).toBeUndefined();
  });

  it("'according to who?' after '…, the group estimates' is the sentence before naming the group's report", () => {
    const { conv } = conversation({ core: () => survey });
    expect(conv.handle("k", "how many anglers hold a permit").answer?.id).toBe("moss-f5");
    const r = conv.handle("k", "according to who");
    expect(r.answer?.id).toBe("moss-f4");
  });
});

// Keep sharedCore warm for the NBC cases above (the helper's conversation() uses it).
void sharedCore;

describe("round 9: an answer denying what is asked", () => {
  it("'what is she afraid of?': of tied answers, the one saying what she fears, not what she does not", () => {
    const core = createCore(
      tinyKnowledge(
        [
          {
            id: "wren",
            title: "Wren Hollis on the new ferry timetable",
            facts: [],
            quotes: [
              ["hollis", "I am not afraid of the ferry."],
              ["hollis", "I am afraid of missing the last boat home."],
            ],
          },
        ],
        [{ id: "hollis", name: "Wren Hollis", role: "a ferry passenger", aliases: ["Hollis", "Ms Hollis"] }],
      ),
    );
    const { conv } = conversation({ core: () => core });
    expect(conv.handle("k", "what is wren hollis afraid of").answer?.id).toBe("wren-q2");
    expect(unnegated(core.ask("what is hollis not afraid of"), "what is hollis not afraid of", 0.005)).toBeUndefined();
  });
});

describe("round 9: who is against something no one is named for", () => {
  it("'who's against the Velmor firewall?' is its critics, not the speaker one of its words names", () => {
    const core = createCore(
      tinyKnowledge(
        [
          {
            id: "wall",
            title: "Velmor to route all traffic through one gateway",
            facts: [
              "Velmor will route all internet traffic through a single firewall from May.",
              "Critics have called the Velmor firewall a glass wall that the state can close.",
            ],
            quotes: [["eng", "The gateway failed twice in testing."]],
          },
        ],
        [
          {
            id: "eng",
            name: "Velmor engineer",
            role: "an engineer at one of Velmor's providers",
            aliases: ["Velmor engineer", "the engineer"],
          },
        ],
      ),
    );
    const { conv } = conversation({ core: () => core });
    const r = conv.handle("k", "who's against the velmor firewall");
    expect(r.mode).toBe("answer");
    expect(r.answer?.id).toBe("wall-f2");
  });
});

describe("round 9: a quote's context is part of the answer shown", () => {
  it("'how long has he worked there?' after his quote said by 'a driver who has worked for Rallo since 2019'", () => {
    const core = createCore({
      sources: [{ id: "cab", title: "Rallo drivers wait for pay", publisher: "Test Wire", reporters: [] }],
      speakers: [{ id: "oduya", name: "Pell Oduya", role: "a driver", aliases: ["Oduya", "Mr Oduya"] }],
      entries: [
        {
          kind: "quote",
          id: "cab-q1",
          text: "The app owes me 900 rallos and my rent is due.",
          context: "said Pell Oduya, a driver who has worked for Rallo since 2019",
          speakerId: "oduya",
          tags: ["oduya", "rallo", "pay"],
          questions: [],
          sourceId: "cab",
        },
        {
          kind: "quote",
          id: "cab-q2",
          text: "My bank put me on hold for forty minutes and then worked out nothing.",
          speakerId: "oduya",
          tags: ["oduya", "bank"],
          questions: [],
          sourceId: "cab",
        },
      ],
    });
    const { conv } = conversation({ core: () => core });
    expect(conv.handle("k", "what did pell oduya say about his pay").answer?.id).toBe("cab-q1");
    expect(conv.handle("k", "how long has he worked for them").answer?.id).toBe("cab-q1");
  });
});

describe("round 9: the one a 'who did X meet?' question asks for", () => {
  const market = createCore(
    tinyKnowledge(
      [
        {
          id: "market",
          title: "Bread prices at the Saltby market",
          facts: [
            "Mira, a 41-year-old baker in a flour-dusted apron, spoke to Tomas Verde at the Saltby market and said bread prices had doubled.",
            "Tomas Verde reported from Saltby for the evening news.",
          ],
          quotes: [],
        },
      ],
      [],
    ),
  );
  it("'he' after 'who did Verde meet?' is the one met, named first with a description, not Verde", () => {
    const { conv } = conversation({ core: () => market });
    expect(conv.handle("k", "who did verde meet at the market").answer?.id).toBe("market-f1");
    expect(conv.handle("k", "how old is she").answer?.text).toMatch(/41-year-old/);
  });
});
