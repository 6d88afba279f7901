/**
 * The API client: JSON in and out, errors as ApiError with the API's message and, for invalid
 * input, the issues per field path (so forms can show each message at its field).
 */
export interface ApiIssue {
  /** The field, as the API writes it: `name`, `dataLocations.atRest[0]`. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
  /**
   * The messages for one field (or anything inside it), if the API gave any. Request-schema
   * errors name where in the request they are (`body.layers`), domain checks the field alone
   * (`providerId`); both match `at('layers')`.
   */
  at(field: string): string | undefined {
    const hits = this.issues.filter((i) => {
      const path = i.path.replace(/^(body|querystring|params)\./, '');
      return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
    });
    return hits.length ? hits.map((i) => i.message).join('; ') : undefined;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (data ?? {}) as { message?: string; issues?: ApiIssue[] };
    throw new ApiError(res.status, e.message ?? res.statusText, e.issues ?? []);
  }
  return data as T;
}
