// Heavy work (packages now, the briefing book when its API lands) runs in a worker thread with its own
// store connection, so the window never waits on it; progress goes to whoever listens (the main process
// forwards it on valija:progress, the bridge as server-sent events). Cancelling stops the worker; the
// store's transaction is all-or-nothing, so a cancelled job leaves nothing half-written.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contract, isMethodName, type Envelope, type MethodName } from '../api/contract.js';
import type { JobKind, ProgressEvent } from '../api/progress.js';
import { describeIssues } from '../../db/validation.js';
import type { ControlMessage, JobRequest, WorkerMessage } from './messages.js';

/** The methods that run as jobs, and the kind of progress they report. */
export const JOB_METHODS: Readonly<Partial<Record<MethodName, JobKind>>> = {
  exportPackage: 'export',
  book: 'book',
  distributeBook: 'book',
  previewImport: 'import',
  applyImport: 'import',
  // A consistent copy of a large store takes seconds: not on the thread that answers the window.
  backUp: 'backup',
  // pdf.js reads a long PDF for seconds, and a hostile one as long as its limits let it.
  extractDocumentText: 'text',
};

export function jobKindOf(method: string): JobKind | undefined {
  return isMethodName(method) ? JOB_METHODS[method] : undefined;
}

export interface JobOptions {
  storeFile: string;
  nativeBinding?: string;
  storeKey?: Buffer;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** The id its progress events carry (by default a fresh one). */
  jobId?: string;
  /** The compiled worker (tests point at dist/). */
  workerFile?: string;
}

/** How long a cancelled job may take to roll back before its thread is stopped. */
const CANCEL_GRACE_MS = 10_000;

const defaultWorkerFile = () => fileURLToPath(new URL('./worker.js', import.meta.url));

export function runJob(method: string, input: unknown, options: JobOptions): Promise<Envelope<unknown>> {
  const kind = jobKindOf(method);
  if (!kind) {
    return Promise.resolve({
      ok: false,
      error: { code: 'E_NOT_AVAILABLE', message: `${method} does not run as a job` },
    });
  }
  // Refuse bad input here, before a thread is started for it (the worker validates again through dispatch).
  const parsed = contract[method as MethodName].input.safeParse(input ?? {});
  if (!parsed.success) {
    return Promise.resolve({
      ok: false,
      error: { code: 'E_INVALID', message: `invalid ${method} request: ${describeIssues(parsed.error)}` },
    });
  }
  const jobId = options.jobId ?? randomUUID();
  const report = (phase: ProgressEvent['phase'], done: number, total: number, message?: string) =>
    options.onProgress?.({ jobId, kind, phase, done, total, message });
  const cancelFlag = new SharedArrayBuffer(4);
  const request: JobRequest = {
    method: method as MethodName,
    input,
    storeFile: options.storeFile,
    nativeBinding: options.nativeBinding,
    storeKey: options.storeKey?.toString('hex'),
    cancelFlag,
  };

  return new Promise((resolve) => {
    const worker = new Worker(options.workerFile ?? defaultWorkerFile(), { workerData: request });
    let settled = false;
    const finish = (envelope: Envelope<unknown>) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      if (envelope.ok) report('done', 1, 1);
      else
        options.onProgress?.({
          jobId,
          kind,
          phase: envelope.error.code === 'E_CANCELLED' ? 'cancelled' : 'failed',
          done: 0,
          total: 0,
          error: envelope.error,
        });
      resolve(envelope);
    };
    // Before the thread runs, stopping it is enough. Once it runs, ask the job to stop at its next safe
    // point (it answers E_CANCELLED after rolling back); one that does not answer in time is stopped outright.
    let online = false;
    worker.once('online', () => (online = true));
    const stop = () => {
      void worker.terminate();
      finish({ ok: false, error: { code: 'E_CANCELLED', message: `${method} was cancelled` } });
    };
    const cancel = () => {
      if (!online) return stop();
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      worker.postMessage({ type: 'cancel' } satisfies ControlMessage);
      setTimeout(() => settled || stop(), CANCEL_GRACE_MS).unref();
    };
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel);
    report('running', 0, 0);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') report('running', message.done, message.total, message.message);
      else finish(message.envelope);
    });
    worker.on('error', (error) =>
      finish({
        ok: false,
        error: { code: 'E_INTERNAL', message: `the ${kind} job failed: ${error.message}` },
      }),
    );
    worker.on('exit', (code) =>
      finish({ ok: false, error: { code: 'E_INTERNAL', message: `the ${kind} job stopped (exit ${code})` } }),
    );
  });
}
