/** dpkg (Debian, Ubuntu). */
import { compareDigits, makeScheme, type VersionScheme } from './scheme.js';

interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

/** [epoch:]upstream[-revision]: the epoch before the first ":", the revision after the last "-". */
function parseDpkg(version: string): DpkgVersion | undefined {
  const v = version.trim();
  if (!v || /\s/.test(v)) return undefined;
  let rest = v;
  let epoch = '0';
  const colon = v.indexOf(':');
  if (colon >= 0) {
    epoch = v.slice(0, colon);
    rest = v.slice(colon + 1);
    if (!/^\d+$/.test(epoch)) return undefined;
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (!upstream || (hyphen >= 0 && !revision)) return undefined;
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision)) return undefined;
  return { epoch, upstream, revision };
}

/** dpkg's character order: "~" before everything, even the end; then the end; letters; other characters. */
function dpkgOrder(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c >= '0' && c <= '9') return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/**
 * dpkg's verrevcmp (lib/dpkg/version.c): alternately compare a run of non-digits character by
 * character in {@link dpkgOrder} and a run of digits numerically, until a difference.
 */
function verrevcmp(a: string, b: string): number {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = dpkgOrder(a[i]);
      const bc = dpkgOrder(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** dpkg ordering: epoch numerically, then upstream, then revision with verrevcmp. 1:1.0 > 2.0, 1.0~rc1 < 1.0. */
export const dpkgScheme: VersionScheme = makeScheme('dpkg', parseDpkg, (a, b) => {
  return compareDigits(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
});
