// A job's thread: its own connection to the store, the same dispatch (validation, error codes) as every
// adapter, progress posted as it comes, and a cancel request turned into the handlers' abort signal.
import { parentPort, workerData } from 'node:worker_threads';
import { isValijaError } from '../../domain/errors.js';
import { openStore } from '../../db/store.js';
import { dispatch } from '../api/dispatch.js';
import { createHandlers } from '../api/handlers.js';
import type { ControlMessage, JobRequest, WorkerMessage } from './messages.js';

const request = workerData as JobRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const abort = new AbortController();
parentPort!.on('message', (message: ControlMessage) => {
  if (message.type === 'cancel') abort.abort();
});
const cancelFlag = request.cancelFlag ? new Int32Array(request.cancelFlag) : undefined;
/** Called as progress is reported (between records): the handlers check the signal at those points. */
const noticeCancel = () => {
  if (cancelFlag && Atomics.load(cancelFlag, 0) === 1 && !abort.signal.aborted) abort.abort();
};

try {
  const store = openStore(request.storeFile, {
    nativeBinding: request.nativeBinding,
    key: request.storeKey ? Buffer.from(request.storeKey, 'hex') : undefined,
  });
  try {
    const handlers = createHandlers(store, {
      onProgress: (done, total, message) => {
        noticeCancel();
        post({ type: 'progress', done, total, message });
      },
      signal: abort.signal,
    });
    post({ type: 'result', envelope: await dispatch(handlers, request.method, request.input) });
  } finally {
    store.close();
  }
  parentPort!.close();
} catch (error) {
  // Opening the store failed (missing, from a newer version, unreadable): its code says which.
  post({
    type: 'result',
    envelope: {
      ok: false,
      error: isValijaError(error)
        ? { code: error.code, message: error.message }
        : { code: 'E_INTERNAL', message: String((error as Error)?.message ?? error) },
    },
  });
}
