// How the desktop shell and the bridge answer a call: the heavy methods as jobs in a worker thread, each
// known by its id while it runs so `cancelJob` can stop it, and everything else inline through dispatch.
import { randomUUID } from 'node:crypto';
import { describeIssues } from '../../db/validation.js';
import { contract, type Envelope } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import type { ProgressEvent } from '../api/progress.js';
import { jobKindOf, runJob, type JobOptions } from './runner.js';

/** Methods that may bring new document files, whose text is then read in the background. */
const TEXT_QUEUING_METHODS: readonly string[] = ['attachDocument', 'replaceDocument', 'applyImport'];

export type Caller = (method: string, input: unknown, signal?: AbortSignal) => Promise<Envelope<unknown>>;

export interface CallerOptions {
  handlers: Handlers;
  storeFile: string;
  nativeBinding?: string;
  storeKey?: Buffer;
  onProgress?: (event: ProgressEvent) => void;
  workerFile?: string;
  /**
   * Whether the store holds document files whose text was never read (a store upgraded to a version that
   * reads them, or a run stopped before it finished): they are read in the background from the start.
   */
  textPending?: () => boolean;
}

export function createCaller(options: CallerOptions): { call: Caller; running: () => string[] } {
  const running = new Map<string, AbortController>();

  const job = async (method: string, input: unknown, signal?: AbortSignal) => {
    const jobId = randomUUID();
    const stop = new AbortController();
    const forward = () => stop.abort();
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) stop.abort();
    running.set(jobId, stop);
    const jobOptions: JobOptions = {
      storeFile: options.storeFile,
      nativeBinding: options.nativeBinding,
      storeKey: options.storeKey,
      onProgress: options.onProgress,
      workerFile: options.workerFile,
      signal: stop.signal,
      jobId,
    };
    try {
      return await runJob(method, input, jobOptions);
    } finally {
      running.delete(jobId);
      signal?.removeEventListener('abort', forward);
    }
  };

  const cancel = (input: unknown): Envelope<unknown> => {
    const parsed = contract.cancelJob.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'E_INVALID', message: `invalid cancelJob request: ${describeIssues(parsed.error)}` },
      };
    }
    const { jobId } = parsed.data;
    const stop = running.get(jobId);
    stop?.abort();
    return { ok: true, value: { jobId, cancelled: !!stop } };
  };

  // A new document file (attached, replaced, or arriving in a package) queues reading its text: one text
  // job at a time, run once more if files came while it ran.
  let textJob: Promise<unknown> | undefined;
  let textAgain = false;
  const queueText = () => {
    if (textJob) {
      textAgain = true;
      return;
    }
    textJob = job('extractDocumentText', {}).finally(() => {
      textJob = undefined;
      if (textAgain) {
        textAgain = false;
        queueText();
      }
    });
  };
  const queuesText = (method: string, answer: Envelope<unknown>) => {
    if (answer.ok && TEXT_QUEUING_METHODS.includes(method)) queueText();
    return answer;
  };

  if (options.textPending?.()) queueText();
  return {
    call: async (method, input, signal) => {
      if (method === 'cancelJob') return cancel(input);
      if (jobKindOf(method)) return queuesText(method, await job(method, input, signal));
      return queuesText(method, await dispatch(options.handlers, method, input));
    },
    running: () => [...running.keys()],
  };
}
