import { createCore, type Core } from "../../../src/core/core.js";
import { parseKnowledgeFile } from "../../../src/core/loader.js";

/** A long fact for splitting tests: ~2,400 characters of sentences. */
export const LONG_SENTENCE = "This long fact repeats a sentence about borders & bots so the answer needs splitting. ";

/**
 * A small knowledge base whose strings are full of HTML-special characters (& < > " '), so every rendered reply
 * shows whether escaping works. Questions are written so the core answers them confidently.
 */
export const FIXTURE_YAML = `source:
  id: test-source
  title: 'Bots & <Borders>: "a test"'
  publisher: Test <News> & Co
  reporters: [Ann O'Writer, Bob <b>Bold</b>]
  url: https://example.com/article?x=1&y="2"

speakers:
  - id: minister
    name: Sam "The Minister" O'Neil
    role: communications <minister> & spokesman
    aliases: [Sam, O'Neil]

quotes:
  - id: q-telegram-ban
    text: Telegram was banned because it threatened <national security> & "public order".
    speaker: minister
    context: told <i>reporters</i> at a press conference
    tags: [telegram, ban]
    questions: ["Why was Telegram banned?", "Why did they ban Telegram?"]
  - id: q-twitter-daily
    text: I use Twitter every single day to talk to people.
    speaker: minister
    tags: [twitter]
    questions: ["Does the minister use Twitter?"]

facts:
  - id: f-telegram-users
    text: Telegram had 40 million users in the country before the ban.
    tags: [telegram, statistics]
    questions: ["How many people used Telegram?", "How many Telegram users were there?"]
  - id: f-vpn
    text: Many people use VPNs to reach blocked sites such as <Facebook>.
    attribution: a report by <Rights & Freedom>
    tags: [vpn, censorship]
    questions: ["How do people reach blocked sites?"]
  - id: f-long-one
    text: "${LONG_SENTENCE.repeat(28).trim()}"
    tags: [longread]
    questions: ["What is the first long fact?"]
  - id: f-long-two
    text: "${LONG_SENTENCE.repeat(28).trim()}"
    tags: [longread]
    questions: ["What is the second long fact?"]
`;

/** The fixture knowledge base, indexed. */
export function fixtureCore(): Core {
  return createCore(parseKnowledgeFile("fixture.yaml", FIXTURE_YAML));
}
