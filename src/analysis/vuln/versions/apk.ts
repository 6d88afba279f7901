/** apk-tools (Alpine). */
import { makeScheme, type VersionScheme } from './scheme.js';

/** apk-tools token types, in the order that decides between versions whose common part is equal. */
const T = {
  Invalid: -1,
  DigitOrZero: 0,
  Digit: 1,
  Letter: 2,
  Suffix: 3,
  SuffixNo: 4,
  RevisionNo: 5,
  End: 6,
} as const;
type ApkToken = (typeof T)[keyof typeof T];

const APK_PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const APK_POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

/**
 * A port of apk-tools' version tokenizer (src/version.c, Gentoo-style versions):
 * digits{.digits}[letter]{_suffix[digits]}[-rN]. Suffixes alpha < beta < pre < rc sort before the plain
 * version, cvs < svn < git < hg < p after it; a component after "." that starts with zeros compares
 * as a fraction (1.01 < 1.1).
 */
class ApkCursor {
  type: ApkToken = T.Digit;
  constructor(
    private readonly s: string,
    private pos = 0,
  ) {}

  /** A copy that can read ahead without moving this cursor. */
  clone(): ApkCursor {
    const c = new ApkCursor(this.s, this.pos);
    c.type = this.type;
    return c;
  }

  private nextType(): void {
    const c = this.s[this.pos];
    let n: ApkToken = T.Invalid;
    if (c === undefined) n = T.End;
    else if ((this.type === T.Digit || this.type === T.DigitOrZero) && c >= 'a' && c <= 'z') n = T.Letter;
    else if (this.type === T.Letter && c >= '0' && c <= '9') n = T.Digit;
    else if (this.type === T.Suffix && c >= '0' && c <= '9') n = T.SuffixNo;
    else {
      if (c === '.') n = T.DigitOrZero;
      else if (c === '_') n = T.Suffix;
      else if (c === '-' && this.s[this.pos + 1] === 'r') {
        n = T.RevisionNo;
        this.pos++;
      }
      this.pos++;
    }
    if (n < this.type) {
      const allowed =
        (n === T.DigitOrZero && this.type === T.Digit) ||
        (n === T.Suffix && this.type === T.SuffixNo) ||
        (n === T.Digit && this.type === T.Letter);
      if (!allowed) n = T.Invalid;
    }
    this.type = n;
  }

  /** Reads the token of the current type and returns its value; moves `type` to the next token's type. */
  get(): number {
    if (this.pos >= this.s.length) {
      this.type = T.End;
      return 0;
    }
    const start = this.pos;
    let v = 0;
    let nt: ApkToken = T.Invalid;
    let digits = false;
    switch (this.type) {
      case T.DigitOrZero:
        if (this.s[this.pos] === '0') {
          while (this.s[this.pos] === '0') this.pos++;
          nt = T.Digit;
          v = -(this.pos - start);
          break;
        }
        digits = true;
        break;
      case T.Digit:
      case T.SuffixNo:
      case T.RevisionNo:
        digits = true;
        break;
      case T.Letter:
        v = this.s.charCodeAt(this.pos);
        this.pos++;
        break;
      case T.Suffix: {
        const rest = this.s.slice(this.pos);
        const pre = APK_PRE_SUFFIXES.findIndex((x) => rest.startsWith(x));
        if (pre >= 0) {
          v = pre - APK_PRE_SUFFIXES.length;
          this.pos += APK_PRE_SUFFIXES[pre]?.length ?? 0;
          break;
        }
        const post = APK_POST_SUFFIXES.findIndex((x) => rest.startsWith(x));
        if (post >= 0) {
          v = post;
          this.pos += APK_POST_SUFFIXES[post]?.length ?? 0;
          break;
        }
        this.type = T.Invalid;
        return -1;
      }
      default:
        this.type = T.Invalid;
        return -1;
    }
    if (digits) {
      while (this.pos < this.s.length && (this.s[this.pos] ?? '') >= '0' && (this.s[this.pos] ?? '') <= '9') {
        // Version numbers beyond 2^53 are not met in practice; saturate rather than overflow.
        v = Math.min(v * 10 + (this.s.charCodeAt(this.pos) - 48), Number.MAX_SAFE_INTEGER);
        this.pos++;
      }
    }
    if (this.pos >= this.s.length) this.type = T.End;
    else if (nt !== T.Invalid) this.type = nt;
    else this.nextType();
    return v;
  }
}

function parseApk(version: string): string | undefined {
  const v = version.trim();
  if (!v || !/^[0-9]/.test(v)) return undefined;
  const cur = new ApkCursor(v);
  while (cur.type !== T.End && cur.type !== T.Invalid) cur.get();
  return cur.type === T.End ? v : undefined;
}

/** apk_version_compare: token by token while types and values agree, then by the token types. */
function compareApk(a: string, b: string): number {
  const x = new ApkCursor(a);
  const y = new ApkCursor(b);
  let av = 0;
  let bv = 0;
  while (x.type === y.type && x.type !== T.End && x.type !== T.Invalid && av === bv) {
    av = x.get();
    bv = y.get();
  }
  if (av !== bv) return av < bv ? -1 : 1;
  if (x.type === y.type) return 0;
  // The common part is equal: the longer version is greater unless it goes on with a pre-release suffix.
  if (x.type === T.Suffix && x.clone().get() < 0) return -1;
  if (y.type === T.Suffix && y.clone().get() < 0) return 1;
  if (x.type > y.type) return -1;
  if (y.type > x.type) return 1;
  return 0;
}

export const apkScheme: VersionScheme = makeScheme('apk', parseApk, compareApk);
