// The window's one door into the main process: `valija:call` (method, input) → the contract's envelope.
// A call is answered only for the main window's own top frame showing the app (not an iframe, not a page
// it was somehow navigated to), and its input is validated against the contract before anything runs.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Envelope } from '../api/contract.js';
import { CALL_CHANNEL } from '../api/progress.js';
import { isAppUrl } from './origin.js';

export type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

type Frame =
  | (Pick<WebFrameMain, 'url'> & Partial<Pick<WebFrameMain, 'processId' | 'routingId' | 'parent'>>)
  | null
  | undefined;

/** The same frame: the same object, or the same renderer process and routing id (a fresh wrapper). */
function sameFrame(a: NonNullable<Frame>, b: NonNullable<Frame>): boolean {
  if (a === b) return true;
  return (
    a.processId !== undefined &&
    a.routingId !== undefined &&
    a.processId === b.processId &&
    a.routingId === b.routingId
  );
}

/** The frame must be the main window's main (top) frame, on app://bundle. */
export function isTrustedSender(frame: Frame, expectedFrame: () => Frame): boolean {
  const expected = expectedFrame();
  return !!frame && !!expected && sameFrame(frame, expected) && !frame.parent && isAppUrl(frame.url);
}

export function answerCall(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  input: unknown,
  options: { call: Call; expectedFrame: () => Frame },
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(event.senderFrame, options.expectedFrame)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'E_FORBIDDEN', message: 'calls are accepted only from the Valija window' },
    });
  }
  if (typeof method !== 'string') {
    return Promise.resolve({ ok: false, error: { code: 'E_INVALID', message: 'the method must be a name' } });
  }
  return options.call(method, input);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  options: { call: Call; expectedFrame: () => Frame },
): void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    answerCall(event, method, input, options),
  );
}
