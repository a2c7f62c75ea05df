import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request seen by the recording server. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that answers every request with the status `answer` gives (default
 * 200, body `{}`), or never answers it ('hang'), and records it: a stand-in target for runner
 * tests that do not need the reference server.
 */
export async function startRecordingServer(
  answer: (r: Recorded) => number | 'hang' = () => 200,
): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    requests.push(recorded);
    const status = answer(recorded);
    if (status === 'hang') return;
    res.writeHead(status, { 'content-type': 'application/hal+json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
