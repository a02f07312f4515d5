// Server-Sent Events for live reload: the preview tells every open page when a course it
// watches was recompiled, or why it could not be.
import type http from 'node:http';
import type { ImportProgress } from '../library/course-installer.ts';

export type LiveEvent =
  | { type: 'reload'; data: { courseId: string } }
  | { type: 'compile-error'; data: { courseDir: string; diagnostics: string[] } }
  | { type: 'import-progress'; data: ImportProgress };

export interface LiveEvents {
  subscribe(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    headers: Readonly<Record<string, string>>,
  ): void;
  publish(event: LiveEvent): void;
  close(): void;
}

/** A fan-out of live events to every connected page. */
export function createLiveEvents(): LiveEvents {
  const clients = new Set<http.ServerResponse>();
  return {
    subscribe(request, response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // A first comment flushes the headers, so the page knows it is connected.
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    publish(event) {
      const message = `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
      for (const client of clients) client.write(message);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
