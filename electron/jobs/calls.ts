// How the desktop shell and the bridge answer a call: the heavy methods as jobs in a worker thread, each
// known by its id while it runs so `cancelJob` can stop it, and everything else inline through dispatch.
import { randomUUID } from 'node:crypto';
import { describeIssues } from '../../db/validation.js';
import { contract, type Envelope } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import type { ProgressEvent } from '../api/progress.js';
import { jobKindOf, runJob, type JobOptions } from './runner.js';

export type Caller = (method: string, input: unknown, signal?: AbortSignal) => Promise<Envelope<unknown>>;

export interface CallerOptions {
  handlers: Handlers;
  storeFile: string;
  nativeBinding?: string;
  onProgress?: (event: ProgressEvent) => void;
  workerFile?: string;
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

  return {
    call: (method, input, signal) => {
      if (method === 'cancelJob') return Promise.resolve(cancel(input));
      if (jobKindOf(method)) return job(method, input, signal);
      return dispatch(options.handlers, method, input);
    },
    running: () => [...running.keys()],
  };
}
