/**
 * What a DORA package changes in the register it was exported from. A package written by Stapel,
 * completed elsewhere (the fields the register has no value for) and brought back must not make a
 * second contract, provider or function, nor set back what the register holds (an asset's own name
 * is not the "service type — provider (contract)" name an import makes up). So rows that map onto
 * the records they were exported from are compared with the rows the register itself writes now,
 * read the same way: only fields whose value the package changes are taken; an untouched row
 * becomes "unchanged". Rows of records the register does not have are taken whole.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ImportRow } from '../register-import.js';
import type { DoraOrigins } from './register-to-dora.js';

const ORIGIN_OF_KIND: Partial<Record<ImportRow['key'], keyof DoraOrigins>> = {
  party: 'party',
  contract: 'contract',
  process: 'process',
  asset: 'asset',
};

const linkText = (row: ImportRow, field: string) => row.links?.find((l) => l.field === field)?.text;

/** A row's identity across two readings: its id, or a dependency's two ends. */
function identity(row: ImportRow): string {
  if (row.key === 'dependency') return `dependency|${linkText(row, 'from') ?? ''}|${linkText(row, 'to') ?? ''}`;
  return `${row.key}|${row.id ?? ''}`;
}

/** The texts a row's links give a field, in order (a list field has several). */
const linksOf = (row: ImportRow, field: string) =>
  (row.links ?? []).filter((l) => l.field === field).map((l) => l.text);

export function keepChanges(
  rows: readonly ImportRow[],
  written: readonly ImportRow[],
  origins: DoraOrigins,
): ImportRow[] {
  const ids = new Map(
    (Object.keys(origins) as (keyof DoraOrigins)[]).map((k) => [k, new Set(origins[k].values())] as const),
  );
  const mapped = (key: ImportRow['key'], id: string | undefined) => {
    const map = ORIGIN_OF_KIND[key];
    return !!map && id !== undefined && ids.get(map)!.has(id);
  };
  const byIdentity = new Map(written.map((w) => [identity(w), w]));
  return rows.map((row) => {
    const fromRegister =
      row.key === 'dependency'
        ? (['from', 'to'] as const).every((end) => {
            const link = row.links?.find((l) => l.field === end);
            return !!link && mapped(link.kind === 'process' ? 'process' : 'asset', link.text);
          })
        : mapped(row.key, row.id);
    const before = fromRegister ? byIdentity.get(identity(row)) : undefined;
    if (!before) return row;

    const fields = new Set([...Object.keys(row.spec), ...Object.keys(before.spec)]);
    const changed = [...fields].filter((f) => !isDeepStrictEqual(row.spec[f], before.spec[f]));
    // A dependency's ends are its identity and stay; other links only where the package changes them.
    const linkFields = new Set([...(row.links ?? []), ...(before.links ?? [])].map((l) => l.field));
    const changedLinks =
      row.key === 'dependency'
        ? []
        : [...linkFields].filter((f) => !isDeepStrictEqual(linksOf(row, f), linksOf(before, f)));
    const links =
      row.key === 'dependency' ? row.links : (row.links ?? []).filter((l) => changedLinks.includes(l.field));
    const inferred = Object.fromEntries(Object.entries(row.inferred ?? {}).filter(([f]) => changed.includes(f)));
    return {
      ...row,
      spec: Object.fromEntries(changed.filter((f) => f in row.spec).map((f) => [f, row.spec[f]])),
      owns: [...changed, ...changedLinks],
      ...(links?.length ? { links } : { links: [] }),
      ...(Object.keys(inferred).length ? { inferred } : { inferred: undefined }),
    };
  });
}
