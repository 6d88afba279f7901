/**
 * A client of the OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` finds the
 * vulnerability ids for many package versions at once (at most 1,000 queries a request, following
 * each query's `next_page_token` until it has none), then `GET /v1/vulns/{id}` fetches each full
 * record. Requests that fail for a passing reason (429, 5xx, network) are tried again with back-off.
 */

export const OSV_API_URL = 'https://api.osv.dev';
/** The API's own limit on queries per batch request. */
export const OSV_BATCH_LIMIT = 1000;

export type OsvQuery =
  { package: { purl: string } } | { package: { ecosystem: string; name: string }; version: string };

export interface OsvClientOptions {
  baseUrl?: string;
  /** Queries per batch request (≤ 1,000). */
  batchSize?: number;
  /** Record fetches in flight at once. */
  concurrency?: number;
  /** Attempts per request, including the first. */
  attempts?: number;
  timeoutMs?: number;
  /** Milliseconds before the first retry; doubles each time. */
  backoffMs?: number;
}

export class OsvError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OsvError';
  }
}

interface BatchResponse {
  results?: { vulns?: { id: string; modified?: string }[]; next_page_token?: string }[];
}

export class OsvClient {
  readonly baseUrl: string;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly attempts: number;
  private readonly timeoutMs: number;
  private readonly backoffMs: number;

  constructor(options: OsvClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? OSV_API_URL).replace(/\/+$/, '');
    this.batchSize = Math.min(OSV_BATCH_LIMIT, Math.max(1, options.batchSize ?? OSV_BATCH_LIMIT));
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /**
   * The vulnerability ids (with their modified time) for each query, in query order, every page
   * followed. `onProgress` hears how many queries are done.
   */
  async queryBatch(
    queries: readonly OsvQuery[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ id: string; modified?: string }[][]> {
    const out: { id: string; modified?: string }[][] = queries.map(() => []);
    let done = 0;
    for (let start = 0; start < queries.length; start += this.batchSize) {
      // Each pending entry is a query index with the page token to ask for next.
      let pending: { index: number; token?: string }[] = queries
        .slice(start, start + this.batchSize)
        .map((_, i) => ({ index: start + i }));
      while (pending.length) {
        const body = {
          queries: pending.map((p) => ({ ...queries[p.index], ...(p.token ? { page_token: p.token } : {}) })),
        };
        const res = (await this.request('POST', '/v1/querybatch', body)) as BatchResponse;
        const results = res.results;
        if (!Array.isArray(results) || results.length !== pending.length)
          throw new OsvError(
            `${this.baseUrl}/v1/querybatch answered ${Array.isArray(results) ? results.length : 'no'} results for ${pending.length} queries`,
          );
        const next: typeof pending = [];
        results.forEach((r, i) => {
          const p = pending[i]!;
          for (const v of r.vulns ?? []) {
            if (typeof v?.id !== 'string')
              throw new OsvError(`querybatch result ${i} holds a vulnerability without id`);
            out[p.index]!.push(v.modified ? { id: v.id, modified: v.modified } : { id: v.id });
          }
          if (r.next_page_token) next.push({ index: p.index, token: r.next_page_token });
          else done++;
        });
        onProgress?.(done, queries.length);
        pending = next;
      }
    }
    return out;
  }

  /** The full OSV record of one id. */
  async getVulnerability(id: string): Promise<unknown> {
    return this.request('GET', `/v1/vulns/${encodeURIComponent(id)}`);
  }

  /** Full records of many ids, `concurrency` at a time; `onProgress` hears how many are fetched. */
  async getVulnerabilities(
    ids: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<unknown[]> {
    const out: unknown[] = new Array(ids.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        out[i] = await this.getVulnerability(ids[i]!);
        onProgress?.(++done, ids.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, ids.length) }, worker));
    return out;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, this.backoffMs * 2 ** (attempt - 2)));
      let res: Response;
      try {
        res = await fetch(url, {
          method,
          headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        lastError = new OsvError(`${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (res.ok) {
        try {
          return await res.json();
        } catch {
          throw new OsvError(`${method} ${url} answered with text that is not JSON`, res.status);
        }
      }
      const text = (await res.text().catch(() => '')).slice(0, 300);
      const error = new OsvError(`${method} ${url} answered ${res.status}${text ? `: ${text}` : ''}`, res.status);
      // Client errors other than rate limiting will not pass by retrying.
      if (res.status !== 429 && res.status < 500) throw error;
      lastError = error;
    }
    throw lastError;
  }
}
