/**
 * The severity of a vulnerability as OSV records give it: CVSS vectors. For CVSS 3.0/3.1 the base
 * score and its rating follow from the vector by the published formula (FIRST, CVSS v3.1
 * Specification, section 7), so the page can say "9.8 critical" instead of only a vector; other
 * versions are shown as their vector, never guessed. Rating by colour, shape and word.
 */
import { useLang, useT, type Messages } from '../i18n';
import { LEVEL_COLOURS, LEVEL_SYMBOLS, type Level } from './risk';

export type Rating = 'none' | 'low' | 'medium' | 'high' | 'critical';

const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

/** CVSS v3.1 Roundup: the smallest number with one decimal that is at least the input. */
function roundup(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** The base score of a CVSS 3.0 or 3.1 vector, or undefined when it is not one. */
export function cvss3BaseScore(vector: string): number | undefined {
  const parts = vector.split('/');
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined;
  const m = new Map(parts.slice(1).map((p) => p.split(':') as [string, string]));
  const pick = <T extends Record<string, number>>(table: T, key: string): number | undefined =>
    table[m.get(key) as keyof T];
  const scope = m.get('S');
  const av = pick(W.AV, 'AV');
  const ac = pick(W.AC, 'AC');
  const ui = pick(W.UI, 'UI');
  const pr = { N: 0.85, L: scope === 'C' ? 0.68 : 0.62, H: scope === 'C' ? 0.5 : 0.27 }[m.get('PR') as 'N' | 'L' | 'H'];
  const [c, i, a] = ['C', 'I', 'A'].map((k) => pick(W.CIA, k));
  if ([av, ac, ui, pr, c, i, a].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C')) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  return scope === 'U'
    ? roundup(Math.min(impact + exploitability, 10))
    : roundup(Math.min(1.08 * (impact + exploitability), 10));
}

export function rating(score: number): Rating {
  return score === 0 ? 'none' : score < 4 ? 'low' : score < 7 ? 'medium' : score < 9 ? 'high' : 'critical';
}

const LEVEL_OF: Record<Rating, Level | undefined> = {
  none: undefined,
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'very-high',
};

const messages: Messages<Rating | 'unknown'> = {
  nl: { none: 'geen', low: 'laag', medium: 'middel', high: 'hoog', critical: 'kritiek', unknown: 'onbekend' },
  en: { none: 'none', low: 'low', medium: 'medium', high: 'high', critical: 'critical', unknown: 'unknown' },
};

/** The highest CVSS 3 base score among a record's severities, if any. */
export function highestScore(severity: { type: string; score: string }[]): number | undefined {
  const scores = severity.map((s) => cvss3BaseScore(s.score)).filter((s): s is number => s !== undefined);
  return scores.length ? Math.max(...scores) : undefined;
}

export function Severity({ severity }: { severity: { type: string; score: string }[] }) {
  const t = useT(messages);
  const { lang } = useLang();
  const score = highestScore(severity);
  const level = score === undefined ? undefined : LEVEL_OF[rating(score)];
  return (
    <>
      {score === undefined ? (
        severity.length === 0 && t('unknown')
      ) : (
        <span className="stapel-risk">
          {level && (
            <span aria-hidden="true" style={{ color: LEVEL_COLOURS[level] }}>
              {LEVEL_SYMBOLS[level]}{' '}
            </span>
          )}
          {score.toLocaleString(lang, { minimumFractionDigits: 1 })} {t(rating(score))}
        </span>
      )}
      {severity.map((s) => (
        <span key={s.type + s.score} style={{ display: 'block', fontSize: '0.875em', overflowWrap: 'anywhere' }}>
          {!s.score.startsWith('CVSS:') && `${s.type} `}
          <code>{s.score}</code>
        </span>
      ))}
    </>
  );
}
