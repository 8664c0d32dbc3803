import Fuse from "fuse.js";
import { deserialize, serialize, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Core, TypoCorrector, SearchIndex } from "../core/index.js";

/**
 * Moving a finished {@link Core} from the reload worker to the main thread without building it there.
 *
 * Why: indexing 100,000 entries takes seconds, and structured-cloning them in one message blocks the receiving thread
 * for about a second, so neither may happen on the thread that answers. The worker builds the core; this module turns
 * it into transferable pieces, and the main thread decodes them a slice at a time between other work.
 *
 * How: a generic walk over the core's own fields. The core's classes (Core, SearchIndex, TypoCorrector) travel as
 * their fields and are recreated with their prototype; fuse.js instances (which hold functions) are rebuilt from
 * their documents and options; typed arrays travel as transferred ArrayBuffers (no copy); any large array or Map
 * (the entries, the id map, the vocabulary) travels in parts of {@link PART_ITEMS} items, decoded one part at a time,
 * so that no single decode is long. A collection is split only when nothing else refers to its items, so no object
 * is duplicated. Anything the walk does not know (a new class, a function in a
 * field, an ES #private field) makes {@link packCore} throw, and the holder then builds the core on the main thread
 * (slow, but right); a probe compared on both sides catches a revived core that answers differently.
 */

/** Items per decoded part of a large collection: about 1-3 ms of deserialisation for entries, less for the rest. */
const PART_ITEMS = 500;
/** Collections with more items than this are split into parts. */
const SPLIT_OVER = 2000;

const CLASSES = { Core, SearchIndex, TypoCorrector } as const;
type ClassName = keyof typeof CLASSES;

/** A core in transferable pieces (what the worker posts). */
export interface PackedCore {
  /** The large collections, each as v8-serialised parts in order (items of an array, [key, value] pairs of a Map). */
  collections: { kind: "array" | "map"; parts: ArrayBuffer[] }[];
  /** The v8-serialised core without its large collections and typed arrays. */
  shell: ArrayBuffer;
  /** The typed arrays' buffers, referenced from the shell by index. */
  buffers: ArrayBuffer[];
  /** What the worker's core answered to a few questions, for {@link probeCore} on the revived one. */
  probe: string[];
}

interface ClassMark {
  $class: ClassName;
  fields: Record<string, unknown>;
}
interface FuseMark {
  $fuse: { docs: unknown; options: Record<string, unknown> };
}
interface ArrayMark {
  $typed: string;
  buffer: number;
  byteOffset: number;
  length: number;
}
interface CollectionMark {
  $collection: number;
}

const TYPED: Record<string, new (b: ArrayBuffer, offset: number, length: number) => ArrayBufferView> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as never;

/** The questions {@link probeCore} asks: fixed ones, and words of the first, middle and last entries. */
function probeQuestions(core: Core): string[] {
  const entries = core.knowledge.entries;
  const questions = ["warming up the question reader", "who said it", "qwertyuiop zxcv"];
  for (const i of [0, entries.length >> 1, entries.length - 1]) {
    const e = entries[i];
    if (e) questions.push(e.questions[0] ?? e.text.slice(0, 80), e.text.split(/\s+/).slice(0, 3).join(" ") + "x");
  }
  return questions;
}

/** What `core` answers to probe question `i` (or, past the questions, its lists), as a string. */
function probeAnswer(core: Core, questions: string[], i: number): string {
  if (i === questions.length)
    return JSON.stringify([core.suggest("the", 5), core.size, core.topics().slice(0, 5), core.speakers().length]);
  const r = core.ask(questions[i]!);
  return JSON.stringify([
    r.answer?.id ?? null,
    r.answer ? Math.round(r.answer.confidence * 1e6) : 0,
    r.suggestions,
    r.alternatives.map((a) => a.id),
  ]);
}

/** What a few questions get from `core`: equal lists mean the two cores answer alike. */
export function probeCore(core: Core): string[] {
  const questions = probeQuestions(core);
  return Array.from({ length: questions.length + 1 }, (_, i) => probeAnswer(core, questions, i));
}

/** Counts how many references each object reachable from `root` has (to know which collections may be split). */
function countReferences(root: unknown): Map<object, number> {
  const refs = new Map<object, number>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    const n = refs.get(v);
    refs.set(v, (n ?? 0) + 1);
    if (n !== undefined || ArrayBuffer.isView(v)) continue;
    if (Array.isArray(v) || v instanceof Set) for (const x of v) stack.push(x);
    else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return refs;
}

/** Turns a core into transferable pieces (in the worker; the core is not usable afterwards). Throws when it cannot. */
export function packCore(core: Core): { packed: PackedCore; transfer: ArrayBuffer[] } {
  const probe = probeCore(core);
  const refs = countReferences(core);
  const single = (x: unknown) => typeof x !== "object" || x === null || refs.get(x) === 1;
  const buffers: ArrayBuffer[] = [];
  const bufferIndex = new Map<ArrayBufferLike, number>();
  const collections: PackedCore["collections"] = [];
  const seen = new Map<object, unknown>();

  const split = (kind: "array" | "map", items: unknown[]): CollectionMark => {
    const parts: ArrayBuffer[] = [];
    for (let i = 0; i < items.length; i += PART_ITEMS) parts.push(ownBuffer(serialize(items.slice(i, i + PART_ITEMS))));
    return { $collection: collections.push({ kind, parts }) - 1 };
  };

  const pack = (v: unknown, where: string): unknown => {
    if (typeof v === "function") throw new Error(`cannot transfer a function at ${where}`);
    if (typeof v !== "object" || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    let out: unknown;
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (!(name in TYPED) || !(v.buffer instanceof ArrayBuffer))
        throw new Error(`cannot transfer a ${name} at ${where}`);
      let b = bufferIndex.get(v.buffer);
      if (b === undefined) {
        b = buffers.push(v.buffer) - 1;
        bufferIndex.set(v.buffer, b);
      }
      out = {
        $typed: name,
        buffer: b,
        byteOffset: v.byteOffset,
        length: (v as unknown as { length: number }).length,
      } satisfies ArrayMark;
    } else if (Array.isArray(v)) {
      const a: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) a[i] = pack(v[i], where);
      out = v.length > SPLIT_OVER && v.every(single) ? split("array", a) : a;
    } else if (v instanceof Map) {
      const pairs: unknown[] = [];
      for (const [k, x] of v) pairs.push([pack(k, where), pack(x, `${where}.get(${String(k)})`)]);
      out =
        v.size > SPLIT_OVER && [...v.keys()].every(single) && [...v.values()].every(single)
          ? split("map", pairs)
          : new Map(pairs as [unknown, unknown][]);
    } else if (v instanceof Set) {
      const s = new Set();
      seen.set(v, s);
      for (const x of v) s.add(pack(x, where));
      return s;
    } else if (v instanceof Fuse) {
      const f = v as unknown as { _docs: unknown; options: Record<string, unknown> };
      const options: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(f.options)) if (typeof x !== "function") options[k] = x;
      out = { $fuse: { docs: pack(f._docs, `${where}._docs`), options } } satisfies FuseMark;
    } else {
      const proto = Object.getPrototypeOf(v) as object | null;
      const name = (Object.keys(CLASSES) as ClassName[]).find((n) => proto === CLASSES[n].prototype);
      if (proto !== Object.prototype && proto !== null && name === undefined)
        throw new Error(`cannot transfer a ${(v as object).constructor?.name ?? "object"} at ${where}`);
      const fields: Record<string, unknown> = {};
      const mark: ClassMark | Record<string, unknown> = name ? { $class: name, fields } : fields;
      seen.set(v, mark);
      for (const k of Object.keys(v)) fields[k] = pack((v as Record<string, unknown>)[k], `${where}.${k}`);
      return mark;
    }
    seen.set(v, out);
    return out;
  };
  const shell = ownBuffer(serialize(pack(core, "core")));
  const transfer = [shell, ...buffers];
  for (const c of collections) transfer.push(...c.parts);
  return { packed: { collections, shell, buffers, probe }, transfer };
}

/** A Buffer's bytes in an ArrayBuffer of their own (a pooled Buffer's ArrayBuffer holds other data). */
function ownBuffer(b: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(b.length);
  new Uint8Array(out).set(b);
  return out;
}

/**
 * A young-generation collection on demand, or nothing when V8 will not give one: collecting after each decoded part
 * copies only that part, between answers, instead of one long scavenge of the whole decoded core (figures in
 * docs/faults-loading.md).
 */
const minorGc: (() => void) | undefined = (() => {
  if (process.env.BRIEFBOT_RELOAD_MINOR_GC === "0") return undefined;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as (options: { type: "minor" }) => void;
    return () => gc({ type: "minor" });
  } catch {
    return undefined;
  }
})();

/** Waits for the event loop to go round once: I/O, timers and other answers run in between. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rebuilds the core from {@link packCore}'s pieces on this thread, a slice of at most `sliceMs` at a time with the
 * event loop turning in between. Throws when the revived core does not answer like the worker's.
 */
export async function unpackCore(packed: PackedCore, sliceMs = 5): Promise<Core> {
  let sliceStart = performance.now();
  const maybeYield = async () => {
    minorGc?.();
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
  const seen = new Map<object, unknown>();
  const collections: unknown[] = [];
  const revive = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      seen.set(v, v);
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === "object" && x !== null) v[i] = revive(x);
      }
      return v;
    }
    if (v instanceof Map) {
      seen.set(v, v);
      for (const [k, x] of v) if (typeof x === "object" && x !== null) v.set(k, revive(x));
      return v;
    }
    if (v instanceof Set || ArrayBuffer.isView(v)) return v;
    const o = v as Record<string, unknown>;
    let out: unknown;
    if ("$collection" in o) out = collections[(o as unknown as CollectionMark).$collection];
    else if ("$typed" in o) {
      const m = o as unknown as ArrayMark;
      out = new TYPED[m.$typed]!(packed.buffers[m.buffer]!, m.byteOffset, m.length);
    } else if ("$fuse" in o) {
      const m = (o as unknown as FuseMark).$fuse;
      out = new Fuse(revive(m.docs) as never[], m.options);
    } else if ("$class" in o) {
      const m = o as unknown as ClassMark;
      const inst = Object.create(CLASSES[m.$class].prototype as object) as Record<string, unknown>;
      seen.set(v, inst);
      for (const k of Object.keys(m.fields)) inst[k] = revive(m.fields[k]);
      return inst;
    } else {
      seen.set(v, o);
      for (const k of Object.keys(o)) o[k] = revive(o[k]);
      return o;
    }
    seen.set(v, out);
    return out;
  };
  // The large collections first, a part at a time; then the small shell that refers to them.
  for (const c of packed.collections) {
    if (c.kind === "array") {
      const items: unknown[] = [];
      for (const part of c.parts) {
        await maybeYield();
        for (const x of deserialize(new Uint8Array(part)) as unknown[]) items.push(revive(x));
      }
      collections.push(items);
    } else {
      const map = new Map<unknown, unknown>();
      for (const part of c.parts) {
        await maybeYield();
        for (const [k, x] of deserialize(new Uint8Array(part)) as [unknown, unknown][]) map.set(revive(k), revive(x));
      }
      collections.push(map);
    }
  }
  await maybeYield();
  const core = revive(deserialize(new Uint8Array(packed.shell)));
  if (!(core instanceof Core)) throw new Error("the transferred core is not a Core");
  await maybeYield();
  // One probe question per slice: on a large core, a question can take milliseconds.
  const questions = probeQuestions(core);
  for (let i = 0; i <= questions.length; i++) {
    if (probeAnswer(core, questions, i) !== packed.probe[i])
      throw new Error("the transferred core answers differently from the one built");
    await yieldToLoop();
  }
  return core;
}
