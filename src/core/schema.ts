import { z } from "zod";
import { ID_PATTERN } from "./ids.js";

/**
 * The schema of one knowledge file (YAML, one file per source). Validated on every load, so a typo in a
 * hand-edited file is reported with its file, line and field instead of surfacing as a wrong answer later.
 */
const id = z.string().regex(ID_PATTERN, "must be lower-case letters, digits and dashes, at most 63 characters");
const text = z.string().trim().min(1, "must not be empty").max(3000, "must be at most 3000 characters");
const tag = z.string().trim().min(1).max(40);
const question = z.string().trim().min(3, "must be at least 3 characters").max(200);

export const sourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text,
  /** Empty when the source has no byline (a wire story, a house editorial): an article without one is real. */
  reporters: z.array(text).default([]),
  place: text.optional(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
    .optional(),
  url: z.url().optional(),
  text: z
    .string()
    .regex(/^[\w.-]+\.txt$/, "must be the name of a .txt file next to this one")
    .optional(),
});

export const speakerSchema = z.strictObject({
  id,
  name: text,
  /** Omitted when the source gives the speaker no role (only a name or an age): the loader never invents one. */
  role: text.optional(),
  aliases: z.array(tag).default([]),
});

export const quoteSchema = z.strictObject({
  id,
  text,
  speaker: id,
  context: text.optional(),
  tags: z.array(tag).default([]),
  questions: z.array(question).default([]),
  /** Questions written by `briefbot import`, kept apart from the hand-written `questions`; both feed the ranking. */
  generated_questions: z.array(question).default([]),
});

export const factSchema = z.strictObject({
  id,
  text,
  attribution: text.optional(),
  tags: z.array(tag).default([]),
  questions: z.array(question).default([]),
  generated_questions: z.array(question).default([]),
});

export const knowledgeFileSchema = z.strictObject({
  source: sourceSchema,
  speakers: z.array(speakerSchema).default([]),
  quotes: z.array(quoteSchema).default([]),
  facts: z.array(factSchema).default([]),
});

export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
