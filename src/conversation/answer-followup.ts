/** Answers a message read as a follow-up ("who said that?", "and Pinterest?", "why?", "what did she say?"). */
import { STOP_WORDS, stem, type Answer } from "../core/index.js";
import type { Reply } from "../commands/types.js";
import { ask as askCommand } from "../commands/ask.js";
import { fact as factCommand } from "../commands/fact.js";
import { sameThing } from "./clarify.js";
import { fillPronouns, plainWords, type FollowUp } from "./followup.js";
import { NO_OPTIONS, type Recall } from "./memory.js";
import { namesSomeone, onePerson, otherName, shortName, specificAgent } from "./names.js";
import { addressed, example as exampleOf, followed, moreWords, relatedDoing, someoneElse } from "./neighbours.js";
import { pronounSpeaker } from "./reference.js";
import { confidence, declined, missing, naming, textReply } from "./replies.js";
import { fitting } from "./fitting.js";
import { frameContent, moveTopic, swapTopic, topicText } from "./topic.js";
import type { ConversationReply, TurnTools } from "./turn-types.js";
import type { KnowledgeView } from "./view.js";
import {
  ABOUT_ARTICLE,
  ANSWER_KIND,
  ASKS_KIND,
  ELSE,
  EXAMPLE_ASK,
  PEOPLE,
  PERSON_NOUNS,
  PLAIN_MARGIN,
  PRONOUNS,
  QUESTION_WORDS,
  QUOTED,
  SAID_WHAT,
  SAYING,
  SWAP_FILLER,
  THEY_DO,
  VERBS,
  VERB_SENSES,
  WHICH_NOUN,
  WHO_ELSE_ASKED,
  askKind,
} from "./wording.js";

export function answerFollowUp(
  turn: TurnTools,
  f: FollowUp,
  recall: Recall,
  view: KnowledgeView,
  message: string,
  stale: boolean,
): ConversationReply | null {
  const core = view.core;
  const before = recall.speaker;
  const speaker = pronounSpeaker(message, recall, view);
  // "what else did she say?" after a quote by him: she is someone else, found by pronounSpeaker.
  const switched = speaker !== undefined && speaker.id !== before;
  switch (f.kind) {
    case "surprise":
      return turn.fromReply(turn.run(factCommand, ""), recall, view, null, f.kind);
    case "pick": {
      const id = recall.options[f.index];
      recall.options = NO_OPTIONS;
      return id ? turn.showEntry(recall, view, id, null, "pick") : null;
    }
    case "who-said":
    case "source":
    case "confirm":
    case "detail": {
      if (recall.entry === null) {
        // "who wrote this?" with nothing before: "this" is the article the chat is about (its byline), as asked of it.
        const article = ABOUT_ARTICLE.exec(plainWords(message));
        if (article && !stale) {
          const reply = turn.run(askCommand, `who ${article[1]} the article`);
          if (confidence(reply) > 0) return turn.fromReply(reply, recall, view, null, f.kind);
        }
        return missing(f.kind === "who-said" ? "person" : "thing", core, stale, f.kind);
      }
      // "like what?" after an answer that gives no example ("homegrown versions of Western apps"): one that does.
      const asked = plainWords(message);
      // "which app?", "like which apps?": one of those; "what kind?" is what the answer says they are.
      const which = /^(?:what|which) (?:kind|sort|type)/.test(asked)
        ? null
        : (WHICH_NOUN.exec(asked) ?? /^like (?:which|what) ([a-z]{3,})$/.exec(asked));
      const example =
        f.kind === "detail" && (EXAMPLE_ASK.test(asked) || which)
          ? exampleOf(view, recall, which ? stem(which[1]!) : null, /^like\b/.test(asked))
          : null;
      // "who asked him?" after words of his whose context names no one: his words whose context does.
      const to = f.kind === "detail" && example === null ? addressed(view, recall, asked) : null;
      // "according to who?" after "…, the group estimates.": the entry before it naming that group's report.
      const cited = f.kind === "source" ? citedBefore(view, recall.entry) : null;
      return turn.showEntry(recall, view, example ?? to ?? cited ?? recall.entry, null, f.kind);
    }
    case "agent": {
      // "who's responsible?": the last answer when it names who (an authority, a person), else nothing to say.
      if (recall.entry === null) return missing("person", core, stale, f.kind);
      // "by whom?" after a quote: who said it.
      if (view.speakerOf(recall.entry) !== null) return turn.showEntry(recall, view, recall.entry, null, f.kind);
      // A specific agent ("the judiciary") before a generic one ("authorities"): the last answer or a neighbour on
      // the same topic that names one.
      const topic = recall.topic.map(stem);
      const near = view
        .related(recall.entry, new Set(), 12)
        .filter((id) => topic.length > 0 && view.mentions(id, topic) && view.entries.get(id)!.kind === "fact");
      const specific = [recall.entry, ...near].find((id) => specificAgent(view, id));
      if (specific) return turn.showEntry(recall, view, specific, null, f.kind);
      if (namesSomeone(view, recall.entry)) return turn.showEntry(recall, view, recall.entry, null, f.kind);
      return textReply("declined", "The knowledge does not say who.", f.kind);
    }
    case "person": {
      if (!speaker && recall.name !== null) return ask(turn, `who is ${recall.name}`, recall, view, f.kind);
      // "what did they do?" after a question about sanctions: "they" are the things asked about, not people.
      if (!speaker && recall.topic.length && /\b(?:they|them)\b/.test(plainWords(message)))
        return answerFollowUp(turn, { kind: "pronoun", person: false, thing: true }, recall, view, message, stale);
      if (!speaker) return missing("person", core, stale, f.kind);
      const result = turn.run(askCommand, `who is ${speaker.name}`);
      const a = result.type === "answer" ? result.result.answer : null;
      if (a && view.personOf(a.id) === speaker.id) return turn.fromReply(result, recall, view, null, f.kind);
      // No entry says who they are: their own words, which carry their name and role.
      const own = view.wordsOf(speaker.id)[0];
      return own ? turn.showEntry(recall, view, own, null, f.kind) : turn.fromReply(result, recall, view, null, f.kind);
    }
    case "more-from-speaker": {
      // "what else did Jahromi say?": the speaker named; a name that is no speaker is a question of its own.
      const namedId = f.name !== undefined ? view.speakersNamed(plainWords(f.name).split(" "))[0] : undefined;
      // "and from Tehran?" names no speaker: the last question asked of it.
      if (f.name !== undefined && namedId === undefined)
        return f.swap !== undefined
          ? answerFollowUp(turn, { kind: "swap", topic: f.swap }, recall, view, message, stale)
          : null;
      const who =
        (namedId !== undefined ? view.speakers.get(namedId) : undefined) ??
        (switched ? speaker : undefined) ??
        (recall.entry !== null ? view.speakerOf(recall.entry) : null) ??
        speaker ??
        null;
      if (!who) return missing("person", core, stale, f.kind);
      // Words not shown yet, preferring those that do not restate what was shown (a fact quoting a shown quote).
      const unseen = view.wordsOf(who.id).filter((id) => id !== recall.entry && !recall.shown.includes(id));
      const shownAnswers = recall.shown.map((id) => core.answerById(id)).filter((a): a is Answer => a !== null);
      const next = unseen.find((id) => !shownAnswers.some((a) => sameThing(a, core.answerById(id)!))) ?? unseen[0];
      if (!next) return textReply("declined", `That's everything I have from ${who.name}.`, f.kind);
      return turn.showEntry(recall, view, next, null, f.kind);
    }
    case "disagree": {
      // "who's against the minister?": the person named. ("the Tarvosia firewall" names no one, though a speaker
      // "at one of Tarvosia's providers" holds one of its words: every word must name them or be of their role.)
      const nameWords = plainWords(f.name ?? "").split(" ");
      const candidate = f.name !== undefined ? view.speakersNamed(nameWords)[0] : undefined;
      const namedId =
        candidate !== undefined &&
        nameWords.every(
          (w) =>
            STOP_WORDS.has(w) ||
            view.speakersNamed([w]).includes(candidate) ||
            plainWords(view.speakers.get(candidate)?.role ?? "")
              .split(" ")
              .includes(w),
        )
          ? candidate
          : undefined;
      if (f.name !== undefined && namedId === undefined) return critics(turn, f.name, recall, view, f.kind);
      const named = namedId !== undefined ? view.speakers.get(namedId) : undefined;
      if (named) recall.speaker = named.id;
      const who = named ? shortName(named.name) : speaker ? shortName(speaker.name) : recall.name;
      const what = who ?? topicText(recall);
      if (what === null) return missing("thing", core, stale, f.kind);
      return ask(turn, `who disagrees with ${what}`, recall, view, f.kind);
    }
    case "person-more": {
      if (!speaker) return missing("person", core, stale, f.kind);
      // Facts about them first (what they did), then their own words.
      const name = stem(shortName(speaker.name).toLowerCase());
      const near = recall.entry !== null ? view.related(recall.entry, new Set(recall.shown), 50) : [];
      const about = near.find(
        (id) =>
          view.entries.get(id)!.kind === "fact" && (view.personOf(id) === speaker.id || view.mentions(id, [name])),
      );
      const next = about ?? view.wordsOf(speaker.id).find((id) => !recall.shown.includes(id));
      if (!next) return textReply("declined", `That's everything I have about ${speaker.name}.`, f.kind);
      return turn.showEntry(recall, view, next, null, f.kind);
    }
    case "related": {
      if (recall.entry === null) return missing("thing", core, stale, f.kind);
      // "who else does?": someone other than the last person, next to the last answer.
      const other = WHO_ELSE_ASKED.test(plainWords(message)) ? someoneElse(view, recall, message, null) : null;
      if (other) return turn.showEntry(recall, view, other, null, f.kind);
      // After a quote, "more" is more of what they said on it: their next words sharing a topic tag, if any.
      const next =
        moreWords(view, recall) ??
        relatedDoing(view, recall, message) ??
        view.related(recall.entry, new Set(recall.shown), 1)[0];
      if (!next) return textReply("declined", "That's all I have on this. Ask me something else!", f.kind);
      return turn.showEntry(recall, view, next, null, f.kind);
    }
    case "bare": {
      const content = frameContent(recall);
      if (content.length === 0) return missing("thing", core, stale, f.kind);
      // "what was the result?": an entry on the same topic telling what followed, else the last answer if it does.
      if (f.ask === "result" && recall.entry !== null) {
        const prevEntry = recall.entry;
        // "what happened next / after that?" asks for something after the last answer, never that answer again.
        const fit = followed(view, recall, /\b(?:next|after|afterwards|then|followed)\b/.test(plainWords(message)));
        if (fit) {
          const topic = recall.topic.map(stem);
          const shown = turn.showEntry(recall, view, fit, null, f.kind);
          // What followed is what "it" means next ("is it finished?" after the network built in the protests' wake),
          // unless it is the last answer itself.
          moveTopic(recall, view, fit, fit === prevEntry ? topic : []);
          return shown;
        }
        // "and then?" with nothing telling what followed: more on it, as "tell me more".
        if (!/result|outcome|effect|impact|consequence|upshot|lead|cause|change/.test(plainWords(message)))
          return answerFollowUp(turn, { kind: "related" }, recall, view, message, stale);
      }
      const lead = f.ask === "when" ? "when was" : f.ask === "result" ? "what was the result of" : f.ask;
      // "since when?" after "is Twitter blocked?": an answer about another topic (Telegram's ban) is no answer.
      const asked = `${lead} ${content.join(" ")}`;
      let reply = turn.run(askCommand, asked);
      const topic = recall.topic.map(stem);
      // The answer about the whole topic ("since when?" after the network's aim: the network, not internet users),
      // else about a word of it.
      if (topic.length)
        reply =
          naming(reply, topic, view) ??
          naming(reply, [], view, (id) => topic.some((t) => view.mentions(id, [t]))) ??
          declined(reply);
      const prev = recall.entry;
      const out = turn.fromReply(reply, recall, view, asked, f.kind);
      // A bare "how?" asks how the answer came about, which it tells; only "how do people …?" asks for a means.
      return fitting(turn, out, recall, view, f.ask, f.kind, f.ask === "how" ? null : prev, message);
    }
    case "swap": {
      // After a declined question, its words are the frame: "is YouTube banned?" → "what about Twitter?".
      const frame = recall.declined.length ? recall.declined : recall.frame;
      if (frame.length === 0) return null;
      // "and the other reporter?" after an answer naming the reporters: that answer names the other one too.
      const other = /^(?:the )?other ([a-z]{3,})$/.exec(plainWords(f.topic));
      if (other && recall.entry !== null && view.mentions(recall.entry, [stem(other[1]!)]))
        return turn.showEntry(recall, view, recall.entry, null, "detail");
      // "and the other one?" after "where was De Luce?" on an answer naming two people: the frame asked of the other.
      if (other && recall.entry !== null && (other[1] === "one" || PERSON_NOUNS.has(other[1]!))) {
        const e = view.entries.get(recall.entry)!;
        const focus = speaker?.name ?? recall.name ?? frame.join(" ");
        const name = otherName(`${e.kind === "quote" ? (e.context ?? "") : ""} ${e.text}`, focus);
        if (name !== null) {
          const out = answerFollowUp(turn, { kind: "swap", topic: plainWords(name) }, recall, view, message, stale);
          if (out?.mode === "answer") return out;
        }
      }
      // The answer must be about the new topic ("and WhatsApp?" is declined, never answered about Telegram): the
      // swapped question's best answer that names it, else the new topic with the last topic ("and investors?"
      // after sanctions), else declined.
      const people = new Set(
        plainWords(recall.name ?? "")
          .split(" ")
          .filter((w) => w.length > 2),
      );
      const kept: string[] = [];
      const asked = swapTopic(frame, f.topic, view, people, kept);
      // "and in the US?": a short name counts ("us", "uk"); words the knowledge does not know leave it declined.
      // "and get a taxi?": the verb is the frame's, not something the answer must name.
      const must = plainWords(f.topic)
        .split(" ")
        .filter((w) => w.length >= 2 && !SWAP_FILLER.has(w) && !VERBS.has(w) && !PERSON_NOUNS.has(w))
        .map(stem);
      // The person kept from the last question must be in the answer too.
      if (must.length > 0) must.push(...kept.map(stem));
      if (must.length === 0) return ask(turn, asked, recall, view, f.kind);
      const first = turn.run(askCommand, asked);
      // "what about the president?": a speaker named by a title must be the one the answer is by or about, not
      // anyone the same word names ("President Donald Trump" is not the knowledge's president).
      const sid = view.speakersNamed(plainWords(f.topic).split(" "))[0];
      const who = sid !== undefined ? view.speakers.get(sid) : undefined;
      const about = who
        ? (id: string) => view.personOf(id) === who.id || view.mentions(id, [stem(shortName(who.name).toLowerCase())])
        : undefined;
      // "what did the president say?" then "and the minister?": what the minister said (their words, on the
      // last question's topic words if it had any), not any entry about them.
      if (who && frame.some((w) => SAYING.has(w))) {
        const topic = frame
          .filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w))
          .map(stem);
        const unseen = view.wordsOf(who.id).filter((id) => !recall.shown.includes(id));
        // Their words on all the topic's words, else on one of them ("and Jahromi's?" after the judiciary's
        // position on social media: his words on social media).
        const own =
          unseen.find((id) => view.mentions(id, topic)) ??
          unseen.find((id) => topic.some((t) => view.mentions(id, [t])));
        const said = naming(first, must, view, (id) => view.speakerOf(id)?.id === who.id);
        const quoted = said?.type === "answer" && said.result.answer?.kind === "quote";
        if (said && (quoted || !own)) return turn.fromReply(said, recall, view, asked, f.kind);
        if (own) return turn.showEntry(recall, view, own, asked, f.kind);
        // "and Brandt?" after what she said about phones, when nothing ties him to phones: what he did say. (Where
        // the knowledge ties them, "and Rouhani?" after Jahromi on Twitter, which Rouhani uses, it stays declined.)
        const quote = unseen.find((id) => view.entries.get(id)!.kind === "quote");
        const name = stem(shortName(who.name).toLowerCase());
        const tied = [...view.entries.keys()].some(
          (id) =>
            (view.personOf(id) === who.id || view.mentions(id, [name])) && topic.some((t) => view.mentions(id, [t])),
        );
        if (quote && !tied && must.every((w) => view.speakersNamed([w]).includes(who.id)))
          return turn.showEntry(recall, view, quote, null, f.kind);
        return turn.fromReply(declined(first), recall, view, asked, f.kind);
      }
      const fit = naming(first, must, view, about, true);
      if (fit) return turn.fromReply(fit, recall, view, asked, f.kind);
      const context = speaker ? [shortName(speaker.name).toLowerCase(), ...recall.topic] : recall.topic;
      for (const w of context.slice(0, 3)) {
        const wider = `${f.topic} ${w}`;
        const second = naming(turn.run(askCommand, wider), [...must, stem(w)], view, about, true);
        if (second) return turn.fromReply(second, recall, view, asked, f.kind);
      }
      // "and Lidia Marrow?" after a question the frame cannot ask of her: who she is, when the knowledge says.
      if (who && must.every((w) => view.speakersNamed([w]).includes(who.id))) {
        const intro = turn.run(askCommand, `who is ${who.name}`);
        const ia = intro.type === "answer" ? intro.result.answer : null;
        if (ia && about!(ia.id)) {
          const out = turn.fromReply(intro, recall, view, null, f.kind);
          recall.speaker = who.id;
          recall.name = null;
          return out;
        }
      }
      return turn.fromReply(declined(first), recall, view, asked, f.kind);
    }
    case "pronoun": {
      const words = plainWords(message).split(" ");
      // "what did she say?" after a fact about her: her own words (quotes first), not the fact again; after her
      // quote, that quote.
      if (speaker && SAID_WHAT.test(words.join(" "))) {
        const last = recall.entry !== null ? view.entries.get(recall.entry) : undefined;
        if (last?.kind === "quote" && last.speakerId === speaker.id)
          return turn.showEntry(recall, view, last.id, null, "who-said");
        const next = view.wordsOf(speaker.id).find((id) => !recall.shown.includes(id));
        if (next) return turn.showEntry(recall, view, next, null, f.kind);
      }
      // "what did he say?" about someone the knowledge only names (Zarif in the list of leaders on Twitter): no
      // words of theirs, so nothing to show; the entry naming them again would be no answer.
      if (!speaker && recall.name !== null && SAID_WHAT.test(words.join(" ")))
        return textReply(
          "declined",
          `I have nothing ${recall.name[0]!.toUpperCase()}${recall.name.slice(1)} said, only what the knowledge says about them.`,
          f.kind,
        );
      // "what do they use it for?", "what do they want?": "they" doing something are the people of the last answer;
      // when that answer already says it (its text holds the verb), it is the answer again.
      const doing = THEY_DO.exec(plainWords(message));
      const last = recall.entry !== null ? view.entries.get(recall.entry) : undefined;
      // (Not when it asks a why/when/how many the last answer does not tell: "so why did they ban it?" after a
      // figure of Telegram's users is asked of the ban.)
      const kindAsked = /^(?:(?:so|and|but|ok|okay|well|then|wait) )*(?:why|when|how)\b/.test(plainWords(message))
        ? askKind(message)
        : null;
      const tellsKind = kindAsked === null || last === undefined || (ANSWER_KIND[kindAsked]?.test(last.text) ?? true);
      if (
        doing &&
        last &&
        tellsKind &&
        !ELSE.test(words.join(" ")) &&
        (namesSomeone(view, last.id) || PEOPLE.test(last.text))
      ) {
        const verbs = (VERB_SENSES[doing[1]!] ?? [doing[1]!]).map(stem);
        if (verbs.some((v) => view.mentions(last.id, [v])))
          return turn.showEntry(recall, view, last.id, null, "detail");
      }
      // "who did he blame?" after Rouhani "criticized the judiciary": the answer already names whom.
      const whom = /^who (?:did|does|do) (?:he|she) ([a-z]{3,})$/.exec(plainWords(message));
      if (whom && last && speaker && view.personOf(last.id) === speaker.id) {
        const verbs = (VERB_SENSES[whom[1]!] ?? [whom[1]!]).map(stem);
        if (verbs.some((v) => view.mentions(last.id, [v])) && namesSomeone(view, last.id))
          return turn.showEntry(recall, view, last.id, null, "detail");
      }
      // "who ran it?" after "A survey published … by the Calder Institute": the answer names who, after "by".
      const doer = /^who ([a-z]{3,}) (?:it|that|this|them|those|these)$/.exec(plainWords(message));
      if (doer && last && BY_NAME.test(last.text)) {
        const verb = doer[1]!;
        if (DOING.has(verb) || (VERB_SENSES[verb] ?? [verb]).some((v) => view.mentions(last.id, [stem(v)])))
          return turn.showEntry(recall, view, last.id, null, "detail");
      }
      // "where were they?" after the reporters' byline: the answer that names them says where.
      // "why do they do that?" after officials "wary of" protests: the same, for a reason, a time or a figure.
      const being = /^(where|when) (?:were|are|was|is) (?:they|he|she|the other(?: [a-z]+)?)$/.exec(
        plainWords(message),
      );
      const place = being ? ANSWER_KIND[being[1]!] : doing ? ANSWER_KIND[askKind(message) ?? ""] : undefined;
      if (place && last && (namesSomeone(view, last.id) || PEOPLE.test(last.text)) && place.test(last.text))
        return turn.showEntry(recall, view, last.id, null, "detail");
      // A question with enough words of its own, or naming its person, may use "its" or "he" within itself
      // ("Does Iran have its own ride-hailing app?"): it is read as it is, or as filled in, whichever the core is surer of.
      const content = words.filter((w) => !STOP_WORDS.has(w) && !PRONOUNS.has(w));
      const personNamed = words.some((w) => view.personWords.has(w));
      const needPerson = f.person && !personNamed;
      // A speaker's id is one of the tags; naming the speaker does not name the thing "it" or "them" stands for.
      const needThing =
        f.thing && !words.some((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
      // With something to refer to, a question about a thing is also tried as it is ("how do people get around that?").
      const selfContained =
        content.length >= 3 ||
        (f.person && personNamed && !needThing) ||
        // "did it work?", "are they legal?": one word the knowledge does not know, beside the pronoun, is no
        // question of its own ("who criticized it?" is).
        (!needPerson && topicText(recall) !== null && (content.length >= 2 || content.every((w) => view.knows(w))));
      const topic = topicText(recall);
      const person = speaker ? shortName(speaker.name) : recall.name;
      const canPerson = !needPerson || person !== null;
      const canThing = !needThing || topic !== null;
      if (!needPerson && !needThing) return null;
      if (!canPerson || !canThing) {
        // Nothing to refer to: a question about a thing with words of its own is read as asked ("who reported this
        // from Washington?"); "it" and "they" always point back, so they need more words of their own.
        const pointsBack = /\b(?:it|its|itself|they|them|their)\b/.test(words.join(" "));
        if (selfContained || (!needPerson && !pointsBack && content.length >= 2)) return null;
        // "who said we have lost it?" with nothing before: "it" is the speaker's, and the question's own words find
        // the one entry that holds them all.
        if (!needPerson && QUOTED.test(message)) {
          const own = content.filter((w) => !VERBS.has(w) && !QUESTION_WORDS.has(w)).map(stem);
          const fit = own.length ? naming(turn.run(askCommand, message), own, view) : null;
          if (fit) return turn.fromReply(fit, recall, view, message, null);
        }
        // "what did she say about Instagram?" as a first message: when one person's words answer it, and nobody
        // else's come close, the question names its person by what it asks about.
        const about = content.filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !ASKS_KIND.has(w));
        if (!canPerson && recall.entry === null && about.length > 0) {
          const asked = turn.run(askCommand, message);
          if (asked.type === "answer" && onePerson(asked.result, view))
            return turn.fromReply(asked, recall, view, message, null);
        }
        return missing(!canPerson ? "person" : "thing", core, stale, f.kind);
      }
      let rewritten = fillPronouns(message, needPerson ? person : null, needThing ? topic : null);
      let filled = turn.run(askCommand, rewritten);
      // "who uses it?" after "is Twitter blocked?" (topic "facebook twitter"): declined, or only the answer shown,
      // with the whole topic; the last question's own topic word alone.
      const own = recall.frame.filter((w) => view.tagWords.has(w) && !view.speakerWords.has(w) && !STOP_WORDS.has(w));
      const same =
        /^who\b/.test(plainWords(message)) && filled.type === "answer" && filled.result.answer?.id === recall.entry;
      // (Not when the topic moved on from the last question's: "is that legal?" after VPNs for blocked Facebook.)
      const moved = recall.topic.length > 0 && !own.some((w) => recall.topic.includes(w));
      if (needThing && (confidence(filled) === 0 || same) && own.length > 0 && own.join(" ") !== topic && !moved) {
        const narrower = fillPronouns(message, needPerson ? person : null, own.join(" "));
        const second = turn.run(askCommand, narrower);
        const again = second.type === "answer" && second.result.answer?.id === recall.entry;
        if (confidence(second) > 0 && !again) [rewritten, filled] = [narrower, second];
      }
      // "who pays for them?" after the local Amazon (topic "apps amazon"): declined with the whole topic, the topic's
      // first word (the last answer's own first tag) alone.
      if (needThing && confidence(filled) === 0 && recall.topic.length > 1) {
        const broader = fillPronouns(message, needPerson ? person : null, recall.topic[0]!);
        const third = turn.run(askCommand, broader);
        if (confidence(third) > 0) [rewritten, filled] = [broader, third];
      }
      if (selfContained) {
        const plain = turn.run(askCommand, message);
        // The reading that refers back is what a follow-up means, unless the core is clearly surer of the other
        // and, where a short question leans on "it"/"they" (not "that"), its answer is about the last topic too
        // ("are they legal?" after VPNs is not answered about Instagram; "how do people get around it?" says more).
        // About the whole topic: "who made it?" after the local Amazon (topic "apps amazon") is not about any app.
        const plainId = plain.type === "answer" ? plain.result.answer?.id : undefined;
        const onTopic =
          !needThing ||
          content.length >= 2 ||
          !/\b(?:it|its|they|them|their|that|this|those|these)\b/.test(plainWords(message)) ||
          recall.topic.length === 0 ||
          (plainId !== undefined && recall.topic.every((w) => view.mentions(plainId, [stem(w)])));
        if (onTopic && confidence(plain) > confidence(filled) + PLAIN_MARGIN)
          return turn.fromReply(plain, recall, view, message, null);
      }
      // "how old is he?" of someone whose age the knowledge lacks: another person's age is no answer.
      if (needPerson && speaker && otherPersons(view, filled, speaker.id, shortName(speaker.name)))
        filled = declined(filled);
      const prev = recall.entry;
      const out = turn.fromReply(filled, recall, view, rewritten, f.kind);
      const ask =
        askKind(rewritten) ??
        // "what's it meant to do?": words the knowledge lacks ("meant to") drop out of the filled-in question.
        askKind(message) ??
        (/^(?:(?:so|and|but|then|ok|okay|well|also) )*how (?:do|did|can|could|would) (?!it\b|that\b|this\b)/.test(
          plainWords(message),
        )
          ? "how"
          : null);
      return ask ? fitting(turn, out, recall, view, ask, f.kind, prev, message) : out;
    }
  }
}

/**
 * "who's against the Tarvosia firewall?", naming no person: its critics, when an entry naming them says so ("Critics
 * have nicknamed the system …"); else null, and the question is read as asked.
 */
function critics(
  turn: TurnTools,
  name: string,
  recall: Recall,
  view: KnowledgeView,
  kind: FollowUp["kind"],
): ConversationReply | null {
  const words = plainWords(name)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map(stem);
  const asked = `critics of ${name}`;
  const fit = naming(turn.run(askCommand, asked), [stem("critics")], view, (id) =>
    words.some((w) => view.mentions(id, [w])),
  );
  return fit ? turn.fromReply(fit, recall, view, asked, kind) : null;
}

/** A sentence that cites a source named in an earlier one: "…, the group estimates", "the report found …". */
const CITES_BACK =
  /\b(?:the|that|this) (?:group|report|survey|study|firm|agency|institute|organi[sz]ation|researchers|analysis)(?:'s)? (?:estimates?|estimated|says?|said|finds|found|reports?|reported|warns?|warned|counts?|counted)\b/i;

/**
 * The id of the nearest entry before `id` in its article that carries an attribution, when `id` has none and no
 * speaker and its text cites "the group" or "the report" an earlier sentence named; else null.
 */
function citedBefore(view: KnowledgeView, id: string): string | null {
  const e = view.entries.get(id);
  if (!e || e.kind !== "fact" || e.attribution || view.speakerOf(id) !== null || !CITES_BACK.test(e.text)) return null;
  let found: string | null = null;
  for (const [other, o] of view.entries) {
    if (other === id) break;
    if (o.sourceId === e.sourceId && o.kind === "fact" && o.attribution) found = other;
  }
  return found;
}

/** A passive's agent named: "published in January by the Calder Institute", "imposed by President Trump". */
const BY_NAME = /\bby (?:the )?(?:[A-Z][a-z]+ )*[A-Z][a-z]+/;

/** Verbs of doing something that an agent after "by" answers whatever verb the text uses. */
const DOING = new Set(
  "ran run runs did does conducted conducts carried led leads organized organised commissioned produced compiled released".split(
    " ",
  ),
);

export function ask(
  turn: TurnTools,
  question: string,
  recall: Recall,
  view: KnowledgeView,
  kind: FollowUp["kind"],
): ConversationReply {
  return turn.fromReply(turn.run(askCommand, question), recall, view, question, kind);
}

/**
 * Whether a reply filled in with a person ("how old is Jahromi") is by or about someone else only: its entry is
 * another speaker's and does not name the person asked about.
 */
function otherPersons(view: KnowledgeView, reply: Reply, id: string, name: string): boolean {
  const a = reply.type === "answer" && reply.result.answered ? reply.result.answer : null;
  if (!a || !view.entries.has(a.id)) return false;
  const of = view.personOf(a.id);
  return of !== null && of !== id && !view.mentions(a.id, [stem(name.toLowerCase())]);
}
