/** RubyGems (Gem::Version). */
import { compareDigits, compareStrings, makeScheme, type VersionScheme } from './scheme.js';

/**
 * Gem::Version: a version is digits and ASCII letters separated by dots, "-" standing for ".pre.";
 * it is cut into numeric and alphabetic segments (1.0.a10 → 1, 0, "a", 10); trailing zeros are dropped
 * from the leading numeric part and from the rest ("canonical segments").
 */
function parseGem(version: string): string[] | undefined {
  const v = version.trim();
  if (!/^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/.test(v)) return undefined;
  const segments = (v.replace(/-/g, '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s,
  );
  const firstString = segments.findIndex((s) => !/^\d+$/.test(s));
  const numeric = firstString < 0 ? segments : segments.slice(0, firstString);
  const rest = firstString < 0 ? [] : segments.slice(firstString);
  const trim = (xs: string[]) => {
    const out = [...xs];
    while (out.length > 0 && out[out.length - 1] === '0') out.pop();
    return out;
  };
  return [...trim(numeric), ...trim(rest)];
}

/**
 * Gem::Version#<=>: segment by segment, a missing one is 0; a string segment (pre-release) sorts
 * before a number; numbers numerically, strings in byte order. So 1.0.a < 1.0.b1 < 1.0 < 1.0.1.
 */
function compareGem(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '0';
    const y = b[i] ?? '0';
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (!xn && yn) return -1;
    if (xn && !yn) return 1;
    return xn ? compareDigits(x, y) : compareStrings(x, y);
  }
  return 0;
}

export const rubyGemsScheme: VersionScheme = makeScheme('RubyGems', parseGem, compareGem);
