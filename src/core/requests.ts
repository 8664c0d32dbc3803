import { fold } from "./normalise.js";

const LEAD = String.raw`^(?:\W*(?:so|and|but|hey|hi|ok|okay|please|pls)\b)*\W*`;

/**
 * A request for a recommendation ("what's a good…", "recommend…", "the best way…"): news rarely gives one, so any
 * entry keeps 0.7 of its confidence (dev +7 declines, no answer lost; "What is the best roof?" is still answered by
 * "the bakery is the best roof").
 */
const RECOMMENDATION = new RegExp(
  `${LEAD}(?:(?:can|could) you recommend\\b|recommend\\b|(?:what|which)(?:'s| is| are|s)? (?:a |an |the )?(?:good|best|nice|great)\\b|(?:the )?best way\\b)`,
);
/**
 * A request for instructions or an explanation of how a thing works in general ("how do I change a tyre?", "how to…",
 * "where can I buy…", "how is cheese made?"): no hold-out, sample or curated question
 * of that form is answered by its article (37 of 37 are out of scope), so any entry keeps 0.5. "How do solar panels
 * work?" is left out: a follow-up's "how does that work?" becomes "how does Facebook work?", which the articles cover.
 */
const INSTRUCTIONS = new RegExp(
  `${LEAD}(?:how (?:do|can|should|would) (?:i|you|we|one)\\b|how to\\b|where (?:can|do|should) (?:i|you|we|one)\\b|how (?:is|are) (?:a |an |the )?[\\w-]+(?: [\\w-]+)? made\\b)`,
);

export const RECOMMENDATION_FACTOR = 0.7;
export const INSTRUCTIONS_FACTOR = 0.5;

/** How much of any entry's confidence a question keeps for asking for advice rather than news: 1 when it does not. */
export function requestFactor(question: string): number {
  const q = fold(question);
  if (INSTRUCTIONS.test(q)) return INSTRUCTIONS_FACTOR;
  return RECOMMENDATION.test(q) ? RECOMMENDATION_FACTOR : 1;
}

const UNIT =
  "seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|millennia|millennium|inch(?:es)?|feet|foot|yards?|miles?|millimet(?:re|er)s?|centimet(?:re|er)s?|met(?:re|er)s?|kilomet(?:re|er)s?|ounces?|pounds?|grams?|kilograms?|kilos?|tons?|tonnes?|pints?|quarts?|gallons?|litres?|liters?|millilit(?:re|er)s?|cups?|tablespoons?|teaspoons?|bytes?|bits?|kilobytes?|megabytes?|gigabytes?|cents?|pence|dozens?";
/**
 * Sums and unit conversions ("what is 15 times 12?", "how many minutes in a day?"): arithmetic, not news. An article
 * that holds the numbers or the units ("a 15% rise … inflation of 12%", "20 hours a week") does not answer them.
 */
const CALCULATION = new RegExp(
  String.raw`\b\d[\d,.]*\s*(?:times|x|\*|×|plus|\+|minus|divided by|over|multiplied by|to the power of)\s*\d|\bsquare root of\b|\bhow many (?:${UNIT}) (?:are )?(?:there )?in (?:a|an|one|\d[\d,.]*) (?:${UNIT})\s*[?.!]*$`,
);

/** Whether a question asks for a calculation or a unit conversion: no knowledge base of news answers it. */
export function asksCalculation(question: string): boolean {
  return CALCULATION.test(fold(question));
}
