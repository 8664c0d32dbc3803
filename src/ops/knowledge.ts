import { existsSync, watch, type FSWatcher } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { createCore, KnowledgeError, loadKnowledgeDir } from "../core/index.js";
import type { Core, LoadOptions } from "../core/index.js";
import { unpackCore } from "./core-transfer.js";
import type { ReloadFrame, ReloadRequest, ReloadResponse } from "./reload-worker.js";

export interface KnowledgeHolderOptions {
  /** Quiet time after the last file event before reloading (default 200 ms): an editor's save is several events. */
  debounceMs?: number;
  /** Told about every reload attempt, for metrics. */
  onReload?: (ok: boolean, at: Date) => void;
  /** Per-file size cap in bytes (default the loader's MAX_KNOWLEDGE_FILE_BYTES, 64 MiB). */
  maxFileBytes?: number;
  /**
   * Where reloads are built. "process" (default): a child process at lower priority, so that on a machine with few
   * cores the parse and its garbage collections never take the CPU from answering, and all its memory goes back to
   * the system when it exits. "thread": a worker thread (same isolation of the work, but it shares the process's
   * GC helper threads and memory allocator). "inline": on the calling thread, blocking for the whole build.
   */
  reloadIn?: "process" | "thread" | "inline";
  /** A reload that takes longer than this is abandoned (default 5 minutes). */
  reloadTimeoutMs?: number;
  /**
   * The knowledge cache for the first load (start-up): files unchanged since a start of the same build are not
   * parsed again. Reloads always validate in full.
   */
  cache?: LoadOptions["cache"];
}

/** How a knowledge error reads in a log line: where (file, line, field) and why. */
export function describeLoadError(err: unknown): Record<string, unknown> {
  if (err instanceof KnowledgeError)
    return { file: err.file, line: err.line, field: err.field || undefined, reason: err.reason, where: err.message };
  return { reason: err instanceof Error ? err.message : String(err) };
}

/** Where the reload worker's code is: compiled JavaScript beside this file, or TypeScript run through tsx. */
export interface WorkerEntry {
  url: URL;
  /** True when `url` is the .ts source and tsx must load it. */
  typescript: boolean;
}

/**
 * The reload worker's entry: the compiled `reload-worker.js` beside this file when there is one (running from a
 * build), otherwise `reload-worker.ts` (running from source through tsx).
 */
export function reloadWorkerEntry(here: string = import.meta.url): WorkerEntry {
  const js = new URL("./reload-worker.js", here);
  if (existsSync(fileURLToPath(js))) return { url: js, typescript: false };
  return { url: new URL("./reload-worker.ts", here), typescript: true };
}

// node:child_process and node:worker_threads load on the first reload only: start-up does not need them.
const nodeRequire = createRequire(import.meta.url);

/** Starts the worker as a child process at low priority (see {@link KnowledgeHolderOptions.reloadIn}). */
function forkWorker(entry: WorkerEntry, here: string): ChildProcess {
  const { fork } = nodeRequire("node:child_process") as typeof import("node:child_process");
  const execArgv = entry.typescript ? ["--import", pathToFileURL(createRequire(here).resolve("tsx")).href] : [];
  const child = fork(fileURLToPath(entry.url), [], {
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  try {
    if (child.pid !== undefined) setPriority(child.pid, 10);
  } catch {
    // Not allowed here: it runs at normal priority.
  }
  return child;
}

/**
 * Starts the worker as a thread. On Node 20 a worker does not apply `--import tsx` to its own entry, so from source
 * it starts through a bootstrap that loads the .ts with tsx's `tsImport`.
 */
function threadWorker(entry: WorkerEntry, here: string, request: ReloadRequest): Worker {
  const { Worker } = nodeRequire("node:worker_threads") as typeof import("node:worker_threads");
  if (!entry.typescript) return new Worker(entry.url, { workerData: request });
  const api = pathToFileURL(
    createRequire(here)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.url.href)}, ${JSON.stringify(here)}))`;
  return new Worker(code, { eval: true, workerData: request });
}

class ReloadTimeout extends Error {}

/**
 * The worker's answer, or why there is none (it crashed, exited, or took longer than `timeoutMs`). A child process
 * sends the large parts as frames first (see ReloadFrame); they are put back into the packed core here.
 */
function answerOf(worker: Worker | ChildProcess, timeoutMs: number): Promise<ReloadResponse> {
  const collections: { kind: "array" | "map"; parts: ArrayBuffer[] }[] = [];
  const buffers: Uint8Array[] = [];
  return new Promise<ReloadResponse>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ReloadTimeout(`the reload took over ${timeoutMs} ms; abandoned`)),
      timeoutMs,
    );
    timer.unref();
    const onMessage = (m: ReloadFrame | ReloadResponse) => {
      if ("frame" in m) {
        if (m.frame === "part") (collections[m.collection] ??= { kind: m.kind, parts: [] }).parts.push(m.data);
        else (buffers[m.index] ??= new Uint8Array(m.total)).set(new Uint8Array(m.data), m.offset);
        return;
      }
      worker.off("message", onMessage);
      clearTimeout(timer);
      if (m.ok && collections.length + buffers.length > 0) {
        m.packed.collections = collections;
        m.packed.buffers = buffers.map((b) => b.buffer as ArrayBuffer);
      }
      resolve(m);
    };
    worker.on("message", onMessage);
    worker.once("error", (err: Error) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.once("exit", (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the reload worker stopped (exit code ${code}) before it answered`));
    });
  });
}

/**
 * Holds the knowledge being served as one {@link Core} and swaps it whole when the files change. A reload reads,
 * validates and indexes the files in a worker thread and hands the finished core over in slices, so answering goes on
 * while it runs; a question sees either the old knowledge or the new, never a mix, and the old core is dropped at the
 * swap. A reload that fails (an invalid edit, a FIFO or an oversize file) is logged with file and line, and the last
 * good knowledge keeps serving. Reload requests while one runs are coalesced into one more reload after it.
 */
export class KnowledgeHolder {
  private current: Core;
  private loaded: Date;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | null = null;
  private queued: { promise: Promise<boolean>; reason: string } | null = null;
  private stopWorker: (() => void) | null = null;
  private closed = false;

  /**
   * Loads `dir` once, on this thread (at start-up there is nothing to answer yet). Throws a {@link KnowledgeError}
   * when the knowledge cannot be used: nothing to serve yet.
   */
  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly options: KnowledgeHolderOptions = {},
  ) {
    this.current = createCore(loadKnowledgeDir(dir, { maxFileBytes: options.maxFileBytes, cache: options.cache }));
    this.loaded = new Date();
    options.onReload?.(true, this.loaded);
  }

  /** The knowledge served now. Read it per question and never keep it: it changes on reload. */
  core(): Core {
    return this.current;
  }

  /** When the knowledge served now was loaded. */
  loadedAt(): Date {
    return this.loaded;
  }

  /**
   * Loads the folder again and swaps it in; on failure logs why and keeps the last good knowledge. Resolves true when
   * swapped. Never rejects. While a reload runs, further calls share one reload that starts after it.
   */
  reload(reason = "manual"): Promise<boolean> {
    if (!this.running) return this.start(reason);
    if (this.queued) return this.queued.promise;
    const promise = this.running.then(() => {
      this.queued = null;
      return this.start(reason);
    });
    this.queued = { promise, reason };
    return promise;
  }

  private start(reason: string): Promise<boolean> {
    const run = this.runReload(reason).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runReload(reason: string): Promise<boolean> {
    if (this.closed) return false;
    const started = performance.now();
    let next: Core;
    let buildMs: number | undefined;
    try {
      if (this.options.reloadIn === "inline")
        next = createCore(loadKnowledgeDir(this.dir, { maxFileBytes: this.options.maxFileBytes }));
      else ({ core: next, buildMs } = await this.buildInWorker());
    } catch (err) {
      if (this.closed) return false;
      this.log.error(
        { trigger: reason, ...describeLoadError(err) },
        "knowledge reload failed; still serving the last good knowledge",
      );
      this.options.onReload?.(false, new Date());
      return false;
    }
    if (this.closed) return false;
    const previous = this.current.size;
    this.current = next;
    this.loaded = new Date();
    const ms = Math.round(performance.now() - started);
    this.log.info(
      {
        trigger: reason,
        entries: next.size,
        previous,
        ms,
        ...(buildMs !== undefined && { buildMs: Math.round(buildMs) }),
      },
      "knowledge reloaded",
    );
    this.options.onReload?.(true, this.loaded);
    return true;
  }

  /** Runs one reload worker to its answer; rebuilds the core from its pieces here, slice by slice. */
  private async buildInWorker(): Promise<{ core: Core; buildMs: number }> {
    const entry = reloadWorkerEntry();
    const request: ReloadRequest = {
      dir: this.dir,
      ...(this.options.maxFileBytes !== undefined && { maxFileBytes: this.options.maxFileBytes }),
    };
    const timeoutMs = this.options.reloadTimeoutMs ?? 5 * 60_000;
    let response: ReloadResponse;
    if (this.options.reloadIn === "thread") {
      const worker = threadWorker(entry, import.meta.url, request);
      worker.unref();
      this.stopWorker = () => void worker.terminate();
      response = await answerOf(worker, timeoutMs).finally(() => worker.terminate());
    } else {
      const child = forkWorker(entry, import.meta.url);
      this.stopWorker = () => child.kill("SIGKILL");
      child.send(request);
      response = await answerOf(child, timeoutMs).finally(() => child.kill("SIGKILL"));
    }
    this.stopWorker = null;
    if (response.ok) {
      try {
        return { core: await unpackCore(response.packed), buildMs: response.buildMs };
      } catch (err) {
        return this.fallback(err instanceof Error ? err.message : String(err));
      }
    }
    if ("knowledge" in response) {
      const k = response.knowledge;
      throw new KnowledgeError(k.file, k.line, k.field, k.reason);
    }
    if ("unpackable" in response) return this.fallback(response.unpackable);
    throw new Error(`the reload worker failed: ${response.crashed}`);
  }

  /** A core that cannot travel from the worker is built here instead: right, but answering waits for it. */
  private fallback(why: string): { core: Core; buildMs: number } {
    this.log.warn(
      { reason: why },
      "knowledge reload: the worker's core could not be transferred; building it on the main thread",
    );
    const t = performance.now();
    return {
      core: createCore(loadKnowledgeDir(this.dir, { maxFileBytes: this.options.maxFileBytes })),
      buildMs: performance.now() - t,
    };
  }

  /** Watches the folder and reloads after each burst of changes (debounced). Idempotent. */
  watch(): void {
    if (this.watcher) return;
    const debounce = this.options.debounceMs ?? 200;
    this.watcher = watch(this.dir, { persistent: false }, (_event, file) => {
      // YAML files and the source texts they quote, and Kubernetes' `..data` symlink swap of a mounted ConfigMap;
      // editors' swap and backup files are ignored.
      if (file && !/\.(ya?ml|txt)$/i.test(String(file)) && !String(file).startsWith("..")) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload("file changed"), debounce);
      this.timer.unref();
    });
    this.watcher.on("error", (err) => {
      this.log.error({ dir: this.dir, reason: err.message }, "knowledge folder watch failed; use SIGHUP to reload");
      this.watcher?.close();
      this.watcher = undefined;
    });
  }

  /** Stops watching and abandons a reload in progress (the knowledge served now stays). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
    this.stopWorker?.();
  }
}
