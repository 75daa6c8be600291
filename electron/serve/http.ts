// The bridge's request handling: static files of the built renderer, and the API as POST /api/<method>
// answering the same envelope as Electron IPC. Every request is checked for Host and Origin (DNS
// rebinding); every API request for the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ValijaError, type ErrorCode } from '../../domain/errors.js';
import type { Envelope } from '../api/contract.js';
import { isMethodName } from '../api/contract.js';
import { isFileMethod, type UploadPurpose } from '../api/bridge-files.js';
import { SECURITY_HEADERS } from '../web/csp.js';
import { readStaticFile } from '../web/static.js';
import { bearerToken, isAllowedHost, isAllowedOrigin, tokensMatch } from './auth.js';
import type { ProgressHub } from './events.js';
import type { FileTransfer } from './files.js';
import { HTTP_STATUS } from './status.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeContext {
  /** Runs a method (inline, or as a job in a worker); cancelled when the client goes away. */
  call: (method: string, input: unknown, signal: AbortSignal) => Promise<Envelope<unknown>>;
  token: string;
  rendererDir: string;
  hub: ProgressHub;
  /** Uploads, downloads and the files the bridge chooses for the file methods. */
  files: FileTransfer;
  /** The port actually bound (known only once listening). */
  port: () => number;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, extra = {}) {
  send(res, status, JSON.stringify(envelope), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
}

/** Beyond this, an oversized body is cut off rather than read to its end before answering 413. */
const DRAIN_LIMIT = 16 * MAX_BODY_BYTES;

function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = () =>
    new HttpFailure(413, 'E_TOO_LARGE', `the request body exceeds ${MAX_BODY_BYTES} bytes`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > DRAIN_LIMIT) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let oversized = declared > MAX_BODY_BYTES;
    // An oversized body is still read (and dropped) to its end, so the client, still sending, gets the 413
    // answer instead of a reset connection.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) oversized = true;
      if (size > DRAIN_LIMIT) {
        req.destroy();
        reject(tooLarge());
      } else if (oversized) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => (oversized ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpFailure(
      400,
      'E_INVALID',
      `the request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function requireToken(req: IncomingMessage, ctx: BridgeContext): void {
  if (!tokensMatch(ctx.token, bearerToken(req.headers.authorization))) {
    throw new HttpFailure(
      401,
      'E_UNAUTHORIZED',
      'missing or wrong token: open the URL `valija serve` printed',
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
}

/** `?for=package|document&name=…` of an upload: a package by default; a document keeps its file's name. */
function uploadQuery(url: string): { purpose: UploadPurpose; name: string } {
  const query = new URLSearchParams(url.split('?')[1] ?? '');
  const purpose = query.get('for') ?? 'package';
  if (purpose !== 'package' && purpose !== 'document' && purpose !== 'calendar' && purpose !== 'contacts') {
    throw new HttpFailure(
      400,
      'E_INVALID',
      'upload `for=package`, `for=document`, `for=calendar` or `for=contacts`',
    );
  }
  return { purpose, name: query.get('name') ?? '' };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: BridgeContext, name: string) {
  requireToken(req, ctx);
  if (name === 'events') {
    if (req.method !== 'GET')
      throw new HttpFailure(405, 'E_INVALID', 'use GET for /api/events', { Allow: 'GET' });
    ctx.hub.attach(res);
    return;
  }
  if (name.startsWith('download/')) {
    if (req.method !== 'GET')
      throw new HttpFailure(405, 'E_INVALID', 'use GET for /api/download/<id>', { Allow: 'GET' });
    ctx.files.send(name.slice('download/'.length), res);
    return;
  }
  if (req.method !== 'POST') {
    throw new HttpFailure(405, 'E_INVALID', `use POST for /api/${name}`, { Allow: 'POST' });
  }
  if (name === 'upload') {
    const { purpose, name: fileName } = uploadQuery(req.url ?? '');
    if (!/^application\/octet-stream\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      throw new HttpFailure(
        415,
        'E_INVALID',
        `send the ${purpose} as Content-Type: application/octet-stream`,
      );
    }
    const declared = req.headers['content-length'];
    const bytes = declared === undefined ? undefined : Number(declared);
    const value = await ctx.files.receive(req, bytes, purpose, fileName);
    sendEnvelope(res, 200, { ok: true, value });
    return;
  }
  if (!isMethodName(name)) throw new HttpFailure(404, 'E_NOT_FOUND', `no API method ${JSON.stringify(name)}`);
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpFailure(415, 'E_INVALID', 'send the input as Content-Type: application/json');
  }
  // A file method names no file of the page's: the bridge chooses it (electron/serve/files.ts).
  const sent = parseJson(await readBody(req));
  const input = isFileMethod(name) ? ctx.files.inputFor(name, sent) : sent;
  const gone = new AbortController();
  res.on('close', () => res.writableEnded || gone.abort());
  const answer = await ctx.call(name, input, gone.signal);
  const envelope = isFileMethod(name) ? ctx.files.resultOf(name, input, answer) : answer;
  sendEnvelope(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function handleStatic(req: IncomingMessage, res: ServerResponse, ctx: BridgeContext, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpFailure(405, 'E_INVALID', 'only GET and HEAD are served here', { Allow: 'GET, HEAD' });
  }
  const file = readStaticFile(ctx.rendererDir, pathname);
  if (!file) throw new HttpFailure(404, 'E_NOT_FOUND', 'not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.length),
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

export function createBridgeHandler(ctx: BridgeContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const port = ctx.port();
      if (!isAllowedHost(req.headers.host, port)) {
        throw new HttpFailure(403, 'E_FORBIDDEN', 'foreign Host header: use the URL `valija serve` printed');
      }
      if (!isAllowedOrigin(req.headers.origin, port)) {
        throw new HttpFailure(403, 'E_FORBIDDEN', 'requests from other sites are refused');
      }
      const pathname = (req.url ?? '/').split('?')[0]!;
      if (pathname.startsWith('/api/')) await handleApi(req, res, ctx, pathname.slice('/api/'.length));
      else handleStatic(req, res, ctx, pathname);
    } catch (thrown) {
      const error =
        thrown instanceof ValijaError
          ? new HttpFailure(HTTP_STATUS[thrown.code], thrown.code, thrown.message)
          : thrown;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpFailure) {
        // Refused before its body was read: answer, drop the rest, and close the connection.
        const unread = !req.readableEnded;
        const envelope = { ok: false as const, error: { code: error.code, message: error.message } };
        sendEnvelope(
          res,
          error.status,
          envelope,
          unread ? { ...error.headers, Connection: 'close' } : error.headers,
        );
        if (unread) req.resume();
        return;
      }
      console.error(error);
      sendEnvelope(res, 500, { ok: false, error: { code: 'E_INTERNAL', message: 'internal error' } });
    }
  };
}
