// valija:call answers only the main window's own frame on app://, and validates input through dispatch.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.js';
import { createHandlers } from '../../../electron/api/handlers.js';
import { CALL_CHANNEL } from '../../../electron/api/progress.js';
import { loadDemo } from '../../../electron/demo.js';
import { registerIpc, type Call } from '../../../electron/main/ipc.js';
import { tempStore } from '../../helpers.js';

type Handler = (
  event: { senderFrame: { url: string } | null },
  method: unknown,
  input: unknown,
) => Promise<unknown>;

function setup() {
  const store = tempStore();
  loadDemo(store.db);
  const handlers = createHandlers(store);
  const mainFrame = { url: 'app://bundle/', processId: 4, routingId: 1 };
  const registered = new Map<string, Handler>();
  let calls = 0;
  const call: Call = (method, input) => {
    calls++;
    return dispatch(handlers, method, input);
  };
  registerIpc(
    { handle: (channel, handler) => void registered.set(channel, handler as never) },
    {
      call,
      expectedFrame: () => mainFrame,
    },
  );
  return { handler: registered.get(CALL_CHANNEL)!, mainFrame, calls: () => calls };
}

describe('the valija:call IPC handler', () => {
  it('answers the main frame with the contract envelope', async () => {
    const { handler, mainFrame } = setup();
    const answer = (await handler({ senderFrame: mainFrame }, 'list', { kind: 'meeting' })) as {
      ok: boolean;
      value: unknown[];
    };
    expect(answer.ok).toBe(true);
    expect(answer.value).toHaveLength(3);
  });

  it('refuses a call from another frame (an iframe, another window) without running it', async () => {
    const { handler, calls } = setup();
    const iframe = { url: 'app://bundle/', processId: 4, routingId: 2 };
    const child = { url: 'app://bundle/', processId: 4, routingId: 1, parent: {} };
    const other = { url: 'app://bundle/' };
    for (const frame of [iframe, child, other, { url: 'https://example.org/' }, null]) {
      const answer = await handler({ senderFrame: frame }, 'list', { kind: 'meeting' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    }
    expect(calls()).toBe(0);
  });

  it('knows the main frame by its process and routing id, whatever object Electron hands over', async () => {
    const { handler } = setup();
    const sameFrame = { url: 'app://bundle/', processId: 4, routingId: 1 };
    expect(await handler({ senderFrame: sameFrame }, 'about', {})).toMatchObject({ ok: true });
  });

  it('refuses the main frame once it shows anything but the app', async () => {
    const { handler, mainFrame } = setup();
    mainFrame.url = 'app://bundle.evil/';
    expect(await handler({ senderFrame: mainFrame }, 'dump', {})).toMatchObject({
      ok: false,
      error: { code: 'E_FORBIDDEN' },
    });
  });

  it('answers invalid input with E_INVALID, and an unknown method with E_NOT_FOUND', async () => {
    const { handler, mainFrame } = setup();
    expect(await handler({ senderFrame: mainFrame }, 'list', { kind: 'spaceship' })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(await handler({ senderFrame: mainFrame }, 'list', { kind: 'meeting', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(await handler({ senderFrame: mainFrame }, { toString: () => 'list' }, {})).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID' },
    });
    expect(await handler({ senderFrame: mainFrame }, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND' },
    });
  });
});
