// Progress pushed to browser pages as server-sent events. The page reads the stream with fetch (so the
// token travels in the Authorization header, never in a URL that could end up in a log or history).
import type { ServerResponse } from 'node:http';
import type { ProgressEvent } from '../api/progress.js';

export class ProgressHub {
  private readonly clients = new Set<ServerResponse>();

  /** Keeps the response open as an event stream until the client goes away or the hub closes. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('event: ready\ndata: {}\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  publish(event: ProgressEvent): void {
    const frame = `event: progress\ndata: ${JSON.stringify(event)}\n\n`;
    for (const client of this.clients) client.write(frame);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
