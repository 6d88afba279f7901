/**
 * Small helpers shared by the stack view and the detail pages: numbers and country names in the
 * reader's language, the vocabularies (fetched once per page load), the highest of two risk
 * levels, and a wrapper for the English text the analysis engine writes (facts, reasons), marked
 * lang="en" so a Dutch screen reader pronounces it right (WCAG 3.1.2).
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api';
import { useLang } from '../i18n';
import type { AssetRisk, Vocabularies } from './explain-types';
import type { Level } from './risk';

const LEVEL_ORDER: Level[] = ['low', 'medium', 'high', 'very-high'];

/** The more severe of the levels given (undefined for none). */
export function maxLevel(levels: Level[]): Level | undefined {
  let best = -1;
  for (const l of levels) best = Math.max(best, LEVEL_ORDER.indexOf(l));
  return best < 0 ? undefined : LEVEL_ORDER[best];
}

/** An asset's more severe threat: continuity or access, with its score. */
export function worstThreat(a: AssetRisk): { threat: 'continuity' | 'access'; level: Level; score: number } {
  const c = a.continuity;
  const x = a.access;
  return x.score > c.score
    ? { threat: 'access', level: x.level, score: x.score }
    : { threat: 'continuity', level: c.level, score: c.score };
}

export function useFormat() {
  const { lang } = useLang();
  return useMemo(() => {
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    let regions: Intl.DisplayNames | undefined;
    try {
      regions = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      regions = undefined;
    }
    return {
      num: (n: number) => number.format(n),
      pct: (share: number) => percent.format(share),
      date: (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'long' }),
      /** "Verenigde Staten (US)"; the code alone when the browser does not know it. */
      country: (code: string) => {
        let name: string | undefined;
        try {
          name = regions?.of(code);
        } catch {
          name = undefined;
        }
        return name && name !== code ? `${name} (${code})` : code;
      },
    };
  }, [lang]);
}

/** Text the analysis engine wrote (in English): marked as English when the page is Dutch. */
export function EngineText({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return lang === 'en' ? <>{children}</> : <span lang="en">{children}</span>;
}

let vocabularies: Promise<Vocabularies> | undefined;

/** The layer, type and relation vocabularies with a label(kind, code) lookup in the current language. */
export function useVocabularies() {
  const { lang } = useLang();
  const [vocab, setVocab] = useState<Vocabularies>();
  useEffect(() => {
    let live = true;
    vocabularies ??= api<Vocabularies>('/api/vocabularies');
    vocabularies
      .then((v) => live && setVocab(v))
      .catch(() => {
        vocabularies = undefined;
      });
    return () => {
      live = false;
    };
  }, []);
  const label = useCallback(
    (kind: 'layers' | 'assetTypes' | 'dataSensitivities' | 'relations', code: string) => {
      const hit = vocab?.[kind].find((e) => e.code === code);
      return hit ? hit[lang] : code;
    },
    [vocab, lang],
  );
  const layerNumber = useCallback((code: string) => vocab?.layers.find((l) => l.code === code)?.number, [vocab]);
  return { vocab, label, layerNumber };
}
