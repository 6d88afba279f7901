/**
 * What the register pages need besides the records they show: the API's vocabularies (labels for
 * layers, priorities, asset types, …) and the records other records point at (parties for a
 * provider, assets for a contract), so selects and table cells can show names instead of codes.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';

export type Label = { nl: string; en: string };
/** A stored record as the API returns it; the fields beyond the envelope differ per kind. */
export type RegisterRecord = Record<string, unknown> & { id: string; name: string; revision: number };

export type VocabularyName = 'layers' | 'priorities' | 'publicInterests' | 'assetTypes' | 'dataSensitivities';
type VocabularyAnswer = Record<VocabularyName, (Label & { code: string })[]>;
/** Each vocabulary as its codes in the API's order, with their labels. */
export type Vocabularies = Record<VocabularyName, { code: string; label: Label }[]>;

/** The record lists other records refer to. */
export type RecordSource = 'parties' | 'assets' | 'processes';

/** Every record of a kind, following nextCursor (the demo has tens, a big register hundreds). */
export async function loadAll(path: string): Promise<RegisterRecord[]> {
  const out: RegisterRecord[] = [];
  let cursor: string | undefined;
  do {
    const page: { items: RegisterRecord[]; nextCursor?: string } = await api(
      `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export interface RegisterData {
  vocabularies?: Vocabularies;
  records: Partial<Record<RecordSource, RegisterRecord[]>>;
  error?: string;
  /** Whether the vocabularies and every asked-for list have arrived. */
  ready: boolean;
}

/** Loads the vocabularies and the record lists in `sources` (a stable, comma-free key per set). */
export function useRegisterData(base: string, sources: readonly RecordSource[]): RegisterData {
  const key = [...sources].sort().join(',');
  const [state, setState] = useState<RegisterData>({ records: {}, ready: false });
  useEffect(() => {
    let live = true;
    const wanted = key ? (key.split(',') as RecordSource[]) : [];
    setState({ records: {}, ready: false });
    Promise.all([api<VocabularyAnswer>('/api/vocabularies'), ...wanted.map((s) => loadAll(`${base}/${s}`))])
      .then(([vocab, ...lists]) => {
        if (!live) return;
        const vocabularies = Object.fromEntries(
          Object.entries(vocab as VocabularyAnswer).map(([name, entries]) => [
            name,
            entries.map((e) => ({ code: e.code, label: { nl: e.nl, en: e.en } })),
          ]),
        ) as Vocabularies;
        const records = Object.fromEntries(wanted.map((s, i) => [s, lists[i] as RegisterRecord[]]));
        setState({ vocabularies, records, ready: true });
      })
      .catch((e: Error) => live && setState({ records: {}, ready: true, error: e.message }));
    return () => {
      live = false;
    };
  }, [base, key]);
  return state;
}
