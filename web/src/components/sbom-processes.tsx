/**
 * The names of the organisation's processes, for the links in component hits (the search answers
 * with process ids). Read once per page, page by page as the records API hands them out.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useProcessNames(base: string): (id: string) => string {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!base) return;
    let live = true;
    void (async () => {
      const found = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await api<{ items: { id: string; name: string }[]; nextCursor?: string }>(
          `${base}/processes?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        for (const p of page.items) found.set(p.id, p.name);
        cursor = page.nextCursor;
      } while (cursor && live);
      if (live) setNames(found);
    })().catch(() => {
      // Without names the links show the ids, which still lead to the right process.
    });
    return () => {
      live = false;
    };
  }, [base]);
  return (id) => names.get(id) ?? id;
}
