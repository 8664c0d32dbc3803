/**
 * The knowledge reload worker (a worker_threads entry): reads, parses, validates and indexes the knowledge folder off
 * the main thread, then posts the finished core in transferable pieces (see core-transfer.ts) and ends. One worker
 * per reload, so whatever the parse allocated goes away with the worker's heap.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createCore, KnowledgeError, loadKnowledgeDir } from "../core/index.js";
import { packCore, type PackedCore } from "./core-transfer.js";

/** What the main thread asks for. */
export interface ReloadRequest {
  dir: string;
  maxFileBytes?: number;
}

/** What the worker answers: the packed core, the knowledge error, or a core that could not be packed. */
export type ReloadResponse =
  | { ok: true; packed: PackedCore; entries: number; buildMs: number }
  | { ok: false; knowledge: { file: string; line: number | null; field: string; reason: string } }
  | { ok: false; unpackable: string }
  | { ok: false; crashed: string };

/** Largest piece of one IPC message: the parent decodes each message whole, so none may take it long. */
const FRAME_BYTES = 1 << 20;

/**
 * What a child process sends before its answer: each part of the large collections, and the typed arrays' buffers in
 * slices of at most {@link FRAME_BYTES}. The answer then carries the packed core without them.
 */
export type ReloadFrame =
  | { frame: "part"; collection: number; kind: "array" | "map"; data: ArrayBuffer }
  | { frame: "buffer"; index: number; offset: number; total: number; data: ArrayBuffer };

/**
 * Posts the answer: to the parent thread in one message (its buffers transferred, not copied), or to the parent
 * process over IPC in frames, so that the parent never decodes one huge message at once.
 */
function post(message: ReloadResponse, transfer: ArrayBuffer[] = []): void {
  if (parentPort) {
    parentPort.postMessage(message, transfer);
    return;
  }
  const send = (m: ReloadFrame | ReloadResponse) => process.send?.(m);
  if (message.ok) {
    const { packed } = message;
    packed.collections.forEach((c, collection) => {
      for (const data of c.parts) send({ frame: "part", collection, kind: c.kind, data });
    });
    packed.buffers.forEach((b, index) => {
      for (let offset = 0; offset < b.byteLength || offset === 0; offset += FRAME_BYTES)
        send({ frame: "buffer", index, offset, total: b.byteLength, data: b.slice(offset, offset + FRAME_BYTES) });
    });
    message = { ...message, packed: { ...packed, collections: [], buffers: [] } };
  }
  process.send?.(message, () => process.disconnect?.());
}

function run(request: ReloadRequest): void {
  const port = { postMessage: post };
  const started = performance.now();
  let core;
  try {
    core = createCore(loadKnowledgeDir(request.dir, { maxFileBytes: request.maxFileBytes }));
  } catch (err) {
    const message: ReloadResponse =
      err instanceof KnowledgeError
        ? { ok: false, knowledge: { file: err.file, line: err.line, field: err.field, reason: err.reason } }
        : { ok: false, crashed: err instanceof Error ? err.message : String(err) };
    port.postMessage(message);
    return;
  }
  const buildMs = performance.now() - started;
  try {
    const { packed, transfer } = packCore(core);
    port.postMessage({ ok: true, packed, entries: core.size, buildMs } satisfies ReloadResponse, transfer);
  } catch (err) {
    port.postMessage({
      ok: false,
      unpackable: err instanceof Error ? err.message : String(err),
    } satisfies ReloadResponse);
  }
}

/**
 * Lowers this thread's scheduling priority (Linux: a thread's id is a process id to setpriority), so that on a
 * machine with few cores the thread that answers wins the CPU. Elsewhere, nothing happens.
 */
function yieldPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the reload runs at normal priority.
  }
}

if (parentPort) {
  yieldPriority();
  run(workerData as ReloadRequest);
} else if (process.send) {
  // A child process (the holder's default): the request comes as the first IPC message; the holder lowers the
  // whole process's priority itself.
  process.once("message", (request: ReloadRequest) => run(request));
  process.once("disconnect", () => process.exit(0)); // the holder is gone: nobody to answer
}
