// `valija serve`: the same app in a local browser. A plain Node HTTP server on 127.0.0.1 only, with a
// per-run secret token handed to the page in the URL fragment (never sent to the server in a URL), the
// built renderer as static files and the API as POST /api/<method>.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { ValijaError } from '../../domain/errors.js';
import { gateCalls, sessionHandlers } from '../keys/gate.js';
import { StoreSession } from '../keys/session.js';
import { storeEncryption } from '../keys/unlock.js';
import { createHandlers } from '../api/handlers.js';
import { pendingFiles } from '../../db/document-text.js';
import { createCaller } from '../jobs/calls.js';
import { maxDocumentBytes } from '../documents/limits.js';
import { findPackageRoot } from '../paths.js';
import { LIMITS } from '../sync/format.js';
import { newToken } from './auth.js';
import { ProgressHub } from './events.js';
import { FileTransfer } from './files.js';
import { createBridgeHandler } from './http.js';

export interface Bridge {
  url: string;
  port: number;
  token: string;
  server: Server;
  hub: ProgressHub;
  close(): Promise<void>;
}

export interface BridgeOptions {
  session: StoreSession;
  /** 0 (the default) picks a free port. */
  port?: number;
  rendererDir?: string;
  token?: string;
  /** The largest package a page may upload (bytes); the package size limit by default. */
  maxUploadBytes?: number;
  /** The largest document file a page may upload (bytes); VALIJA_MAX_DOCUMENT_MB by default. */
  maxDocumentBytes?: number;
}

/** The built renderer: $VALIJA_RENDERER, else dist/renderer in the package. */
export function rendererDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VALIJA_RENDERER || join(findPackageRoot(), 'dist', 'renderer');
}

/** `--port N`: undefined when not given, null when not a port number. */
export function parsePort(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) return null;
  return Number(value);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken();
  const hub = new ProgressHub();
  // Packages and books run in a worker (the server keeps answering), their progress to the event stream;
  // nothing but the session's own methods answers while the store is locked.
  const call = gateCalls(options.session, (store) => {
    const handlers = { ...createHandlers(store), ...sessionHandlers(options.session) };
    return createCaller({
      handlers,
      storeFile: store.file,
      storeKey: store.key,
      textPending: () => pendingFiles(store.db).length > 0,
      onProgress: (e) => hub.publish(e),
    }).call;
  });
  // Books go beside the store (as its backups do), so their previews outlive this run; uploads and
  // exports live in a private folder removed when the bridge stops.
  const files = new FileTransfer(
    storeEncryption(options.session.file) === 'plaintext'
      ? join(dirname(options.session.file), 'books')
      : undefined,
    options.maxUploadBytes ?? LIMITS.packageBytes,
    options.maxDocumentBytes ?? maxDocumentBytes(),
  );
  let port = 0;
  const handler = createBridgeHandler({
    call,
    token,
    rendererDir: options.rendererDir ?? rendererDir(),
    hub,
    files,
    port: () => port,
  });
  const server = createServer((req, res) => void handler(req, res));
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      files.close();
      reject(new ValijaError('E_IO', `cannot listen on 127.0.0.1:${options.port ?? 0}: ${error.message}`));
    });
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    hub,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.close(() => (files.close(), resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface ServeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Runs until SIGINT or SIGTERM, then closes the server and the store; answers the exit code. */
export async function runServe(options: {
  file: string;
  /** The recovery passphrase from --unlock-env or a prompt; without it an encrypted store waits locked. */
  passphrase?: string;
  port?: number;
  io: ServeIo;
  /** Resolves when the server should stop (tests); by default the first SIGINT or SIGTERM. */
  stopped?: Promise<unknown>;
}): Promise<number> {
  const { io } = options;
  const session = new StoreSession(options.file);
  const status = session.start(options.passphrase);
  let bridge: Bridge | undefined;
  try {
    const dir = rendererDir(io.env);
    bridge = await startBridge({ session, port: options.port, rendererDir: dir });
    io.stdout(`${bridge.url}\n`);
    if (!existsSync(join(dir, 'index.html'))) {
      io.stderr(
        `note: the browser UI is not built (${dir}); run \`npm run build:renderer\`. The API works.\n`,
      );
    }
    io.stderr(`serving ${options.file} on 127.0.0.1 only; stop with Ctrl+C\n`);
    if (status.state !== 'open') {
      io.stderr(
        status.state === 'setup'
          ? 'no store there yet: the page asks for a recovery passphrase and creates it (with the demo data)\n'
          : 'the store is encrypted: the page asks for its recovery passphrase\n',
      );
    }
    await (options.stopped ?? untilSignal());
    return 0;
  } finally {
    await bridge?.close();
    session.close();
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
