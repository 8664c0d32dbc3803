import Fuse from "fuse.js";
import { deserialize, serialize } from "node:v8";
import { Core } from "../core/core.js";
import { TypoCorrector } from "../core/fuzzy.js";
import { SearchIndex } from "../core/search-index.js";
import type { Entry } from "../core/types.js";

/**
 * Moving a finished {@link Core} from the reload worker to the main thread without building it there.
 *
 * Why: indexing 100,000 entries takes seconds, and structured-cloning them in one message blocks the receiving thread
 * for about a second, so neither may happen on the thread that answers. The worker builds the core; this module turns
 * it into transferable pieces, and the main thread decodes them a slice at a time between other work.
 *
 * How: a generic walk over the core's own fields. The core's classes (Core, SearchIndex, TypoCorrector) travel as
 * their fields and are recreated with their prototype; fuse.js instances (which hold functions) are rebuilt from
 * their documents and options; typed arrays travel as transferred ArrayBuffers (no copy); the entries travel in
 * separate chunks so that no single decode is long. Anything the walk does not know (a new class, a function in a
 * field, an ES #private field) makes {@link packCore} throw, and the holder then builds the core on the main thread
 * (slow, but right); a probe compared on both sides catches a revived core that answers differently.
 */

/** Entries per decoded chunk: about 1-3 ms of deserialisation each. */
const ENTRIES_PER_CHUNK = 500;

const CLASSES = { Core, SearchIndex, TypoCorrector } as const;
type ClassName = keyof typeof CLASSES;

/** A core in transferable pieces (what the worker posts). */
export interface PackedCore {
  /** v8-serialised slices of the entries, in order. */
  entryChunks: ArrayBuffer[];
  /** The v8-serialised core without its entries and typed arrays. */
  shell: ArrayBuffer;
  /** The typed arrays' buffers, referenced from the shell by index. */
  buffers: ArrayBuffer[];
  /** What the worker's core answered to a few questions, for {@link probeCore} on the revived one. */
  probe: string;
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
interface EntriesMark {
  $entries: true;
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

/** What a few questions get from `core`, as one string: equal strings mean the two cores answer alike. */
export function probeCore(core: Core): string {
  const entries = core.knowledge.entries;
  const questions = ["warming up the question reader", "who said it", "qwertyuiop zxcv"];
  for (const i of [0, entries.length >> 1, entries.length - 1]) {
    const e = entries[i];
    if (e) questions.push(e.questions[0] ?? e.text.slice(0, 80), e.text.split(/\s+/).slice(0, 3).join(" ") + "x");
  }
  const out = questions.map((q) => {
    const r = core.ask(q);
    return [r.answer?.id ?? null, r.answer ? Math.round(r.answer.confidence * 1e6) : 0, r.suggestions, r.alternatives.map((a) => a.id)];
  });
  out.push([core.suggest("the", 5), core.size, core.topics().slice(0, 5), core.speakers().length]);
  return JSON.stringify(out);
}

/** Turns a core into transferable pieces (in the worker; the core is not usable afterwards). Throws when it cannot. */
export function packCore(core: Core): { packed: PackedCore; transfer: ArrayBuffer[] } {
  const probe = probeCore(core);
  const entries = core.knowledge.entries;
  const buffers: ArrayBuffer[] = [];
  const bufferIndex = new Map<ArrayBufferLike, number>();
  const seen = new Map<object, unknown>();

  const pack = (v: unknown, where: string): unknown => {
    if (typeof v === "function") throw new Error(`cannot transfer a function at ${where}`);
    if (typeof v !== "object" || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    let out: unknown;
    if (v === entries) out = { $entries: true } satisfies EntriesMark;
    else if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (!(name in TYPED) || !(v.buffer instanceof ArrayBuffer)) throw new Error(`cannot transfer a ${name} at ${where}`);
      let b = bufferIndex.get(v.buffer);
      if (b === undefined) {
        b = buffers.push(v.buffer) - 1;
        bufferIndex.set(v.buffer, b);
      }
      out = { $typed: name, buffer: b, byteOffset: v.byteOffset, length: (v as unknown as { length: number }).length } satisfies ArrayMark;
    } else if (Array.isArray(v)) {
      const a: unknown[] = new Array(v.length);
      seen.set(v, a);
      for (let i = 0; i < v.length; i++) a[i] = pack(v[i], where);
      return a;
    } else if (v instanceof Map) {
      const m = new Map();
      seen.set(v, m);
      for (const [k, x] of v) m.set(pack(k, where), pack(x, `${where}.get(${String(k)})`));
      return m;
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
  const shellValue = pack(core, "core");
  const entryChunks: ArrayBuffer[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_CHUNK) entryChunks.push(ownBuffer(serialize(entries.slice(i, i + ENTRIES_PER_CHUNK))));
  const shell = ownBuffer(serialize(shellValue));
  return { packed: { entryChunks, shell, buffers, probe }, transfer: [...entryChunks, shell, ...buffers] };
}

/** A Buffer's bytes in an ArrayBuffer of their own (a pooled Buffer's ArrayBuffer holds other data). */
function ownBuffer(b: Buffer): ArrayBuffer {
  const out = new ArrayBuffer(b.length);
  new Uint8Array(out).set(b);
  return out;
}

/** Waits for the event loop to go round once: I/O, timers and other answers run in between. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rebuilds the core from {@link packCore}'s pieces on this thread, a slice of at most `sliceMs` at a time with the
 * event loop turning in between. Throws when the revived core does not answer like the worker's.
 */
export async function unpackCore(packed: PackedCore, sliceMs = 5): Promise<Core> {
  const entries: Entry[] = [];
  let sliceStart = performance.now();
  const maybeYield = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
  for (const chunk of packed.entryChunks) {
    await maybeYield();
    for (const e of deserialize(new Uint8Array(chunk)) as Entry[]) entries.push(e);
  }
  await yieldToLoop();
  sliceStart = performance.now();
  const shell = deserialize(new Uint8Array(packed.shell)) as unknown;
  await maybeYield();
  const seen = new Map<object, unknown>();
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
    if ("$entries" in o) out = entries;
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
  const core = revive(shell);
  if (!(core instanceof Core)) throw new Error("the transferred core is not a Core");
  await maybeYield();
  if (probeCore(core) !== packed.probe) throw new Error("the transferred core answers differently from the one built");
  return core;
}
