/**
 * A local HTTP server speaking the OSV API's two endpoints the client uses, over real OSV records:
 * `POST /v1/querybatch` (at most 1,000 queries; each answered with the ids of the records naming
 * its package, `pageSize` per page with a `next_page_token`) and `GET /v1/vulns/{id}`. Like the real
 * service it checks the shape of each query and answers 400 to a malformed one. It can be told to
 * fail the next requests with a status, to test retries.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PackageURL } from 'packageurl-js';

interface Rec {
  id: string;
  modified: string;
  affected?: { package?: { ecosystem?: string; name?: string; purl?: string } }[];
}

export interface FakeOsv {
  url: string;
  /** Requests received, in order: method and path, with the number of queries of a batch. */
  log: { method: string; path: string; queries?: number; pageTokens?: number }[];
  /** The next `times` requests answer `status`. */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

const ECOSYSTEM_OF_PURL: Record<string, string> = { maven: 'Maven', npm: 'npm', pypi: 'PyPI', golang: 'Go' };

function packageOf(q: { package?: { purl?: string; ecosystem?: string; name?: string } }) {
  if (q.package?.purl) {
    const p = PackageURL.fromString(q.package.purl);
    const ecosystem = ECOSYSTEM_OF_PURL[p.type] ?? p.type;
    const name = p.type === 'maven' ? `${p.namespace}:${p.name}` : p.namespace ? `${p.namespace}/${p.name}` : p.name;
    return { ecosystem, name };
  }
  return { ecosystem: q.package?.ecosystem, name: q.package?.name };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeOsv(records: readonly Rec[], pageSize = 1): Promise<FakeOsv> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const log: FakeOsv['log'] = [];
  let failures: { status: number; times: number } | undefined;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const path = req.url ?? '/';
      if (failures && failures.times > 0) {
        failures.times--;
        log.push({ method: req.method ?? '', path });
        return send(failures.status, { code: failures.status, message: 'failing on purpose' });
      }
      if (req.method === 'POST' && path === '/v1/querybatch') {
        const parsed = JSON.parse(await body(req)) as {
          queries?: {
            package?: { purl?: string; ecosystem?: string; name?: string };
            version?: string;
            page_token?: string;
          }[];
        };
        const queries = parsed.queries ?? [];
        log.push({
          method: 'POST',
          path,
          queries: queries.length,
          pageTokens: queries.filter((q) => q.page_token).length,
        });
        if (queries.length > 1000) return send(400, { code: 3, message: 'Too many queries.' });
        const results = [];
        for (const q of queries) {
          const pkg = packageOf(q);
          if (!pkg.name || !pkg.ecosystem || (!q.package?.purl && !q.version))
            return send(400, { code: 3, message: 'Invalid query.' });
          const ids = records
            .filter((r) =>
              (r.affected ?? []).some((a) => a.package?.ecosystem === pkg.ecosystem && a.package?.name === pkg.name),
            )
            .map((r) => ({ id: r.id, modified: r.modified }));
          const from = q.page_token ? Number(q.page_token) : 0;
          const page = ids.slice(from, from + pageSize);
          results.push({
            ...(page.length ? { vulns: page } : {}),
            ...(from + pageSize < ids.length ? { next_page_token: String(from + pageSize) } : {}),
          });
        }
        return send(200, { results });
      }
      const m = /^\/v1\/vulns\/([^/?]+)$/.exec(path);
      if (req.method === 'GET' && m) {
        log.push({ method: 'GET', path });
        const r = byId.get(decodeURIComponent(m[1]!));
        return r ? send(200, r) : send(404, { code: 5, message: 'Bug not found.' });
      }
      send(404, { code: 5, message: 'Not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    failNext(status, times = 1) {
      failures = { status, times };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
