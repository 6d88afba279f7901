/**
 * Licences of components: each licence statement parsed as an SPDX licence expression (SPDX
 * specification 2.3, annex D) and placed in a family by what it asks of whoever distributes or
 * offers the software. An OR expression leaves the choice to the licensee, so it counts as its
 * least demanding branch; an AND expression binds to all, so it counts as its most demanding one.
 */
import parse from 'spdx-expression-parse';

/** Ordered from least to most demanding; 'unknown' is anything that could not be placed. */
export const LICENCE_FAMILIES = [
  'permissive',
  'weak-copyleft',
  'strong-copyleft',
  'network-copyleft',
  'unknown',
] as const;
export type LicenceFamily = (typeof LICENCE_FAMILIES)[number];

/**
 * Families of well-known SPDX licence ids, by id or id prefix, as their licence texts on the SPDX
 * licence list (spdx.org/licenses, version 3.x) read: copyleft on the whole work (GPL, EUPL, OSL),
 * copyleft limited to the file or library (LGPL, MPL, EPL, CDDL), copyleft reaching users over a
 * network (AGPL, SSPL), or no copyleft. Ids not listed stay 'unknown' rather than guessed.
 */
const FAMILY_PREFIXES: [string, LicenceFamily][] = [
  ['AGPL-', 'network-copyleft'],
  ['SSPL-', 'network-copyleft'],
  ['LGPL-', 'weak-copyleft'],
  ['GPL-', 'strong-copyleft'],
  ['EUPL-', 'strong-copyleft'],
  ['OSL-', 'strong-copyleft'],
  ['CECILL-2', 'strong-copyleft'],
  ['MPL-', 'weak-copyleft'],
  ['EPL-', 'weak-copyleft'],
  ['CDDL-', 'weak-copyleft'],
  ['CPL-', 'weak-copyleft'],
  ['CECILL-C', 'weak-copyleft'],
  ['MIT', 'permissive'],
  ['Apache-', 'permissive'],
  ['BSD-', 'permissive'],
  ['0BSD', 'permissive'],
  ['ISC', 'permissive'],
  ['Zlib', 'permissive'],
  ['Unlicense', 'permissive'],
  ['CC0-', 'permissive'],
  ['CC-BY-4.0', 'permissive'],
  ['CC-BY-3.0', 'permissive'],
  ['BSL-1.0', 'permissive'],
  ['PSF-2.0', 'permissive'],
  ['Python-2.0', 'permissive'],
  ['X11', 'permissive'],
  ['Artistic-2.0', 'permissive'],
  ['BlueOak-', 'permissive'],
  ['WTFPL', 'permissive'],
  ['PostgreSQL', 'permissive'],
  ['OpenSSL', 'permissive'],
  ['Unicode-', 'permissive'],
  ['W3C', 'permissive'],
  ['NCSA', 'permissive'],
];

export function familyOfId(id: string): LicenceFamily {
  for (const [prefix, family] of FAMILY_PREFIXES) if (id === prefix || id.startsWith(prefix)) return family;
  return 'unknown';
}

const rank = (f: LicenceFamily) => LICENCE_FAMILIES.indexOf(f);

export interface LicenceReading {
  /** The statement as the SBOM gives it. */
  text: string;
  /** The SPDX ids it names (with "+" where it says "or later"), or empty if it did not parse. */
  ids: string[];
  family: LicenceFamily;
  /** Why it could not be read, when it could not. */
  problem?: string;
}

type Node = parse.Info;

function familyOf(node: Node): LicenceFamily {
  if ('license' in node) return familyOfId(node.license);
  const l = familyOf(node.left);
  const r = familyOf(node.right);
  // 'unknown' sorts last, so an OR with one known branch takes the known one.
  if (node.conjunction === 'or') return rank(l) <= rank(r) ? l : r;
  if (l === 'unknown' || r === 'unknown') return 'unknown';
  return rank(l) >= rank(r) ? l : r;
}

function idsOf(node: Node, out: string[] = []): string[] {
  if ('license' in node) out.push(node.plus ? `${node.license}+` : node.license);
  else {
    idsOf(node.left, out);
    idsOf(node.right, out);
  }
  return out;
}

/** Reads one licence statement: an SPDX id or expression; anything else is kept as unknown. */
export function readLicence(text: string): LicenceReading {
  const trimmed = text.trim();
  if (!trimmed || trimmed === 'NOASSERTION' || trimmed === 'NONE')
    return { text, ids: [], family: 'unknown', problem: trimmed ? `${trimmed}: no licence stated` : 'empty' };
  try {
    const node = parse(trimmed);
    return { text, ids: [...new Set(idsOf(node))], family: familyOf(node) };
  } catch (error) {
    return {
      text,
      ids: [],
      family: 'unknown',
      problem: `not an SPDX licence expression (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** A component's family: the statements it carries all apply, so the most demanding one counts. */
export function componentFamily(readings: readonly LicenceReading[]): LicenceFamily {
  if (!readings.length) return 'unknown';
  let worst: LicenceFamily = 'permissive';
  for (const r of readings) if (rank(r.family) > rank(worst)) worst = r.family;
  return worst;
}

export interface LicenceSummary {
  components: number;
  /** Components without any licence statement. */
  withoutLicence: number;
  /** Components per family (a component counts once, in its most demanding family). */
  byFamily: Record<LicenceFamily, number>;
  /** Components per SPDX id named, most used first. */
  byLicence: { id: string; components: number }[];
  /** Statements that are not SPDX expressions, with how many components carry each (first 50). */
  unreadable: { text: string; components: number; problem: string }[];
}

/**
 * Summarises the licences of a set of components (one asset, or a whole portfolio). Identical
 * statements are parsed once: a portfolio repeats the same few hundred many thousands of times.
 * An item with a `count` stands for that many components with the same statements (a database
 * can group them before they are sent).
 */
export function summariseLicences(list: Iterable<{ licences: readonly string[]; count?: number }>): LicenceSummary {
  const cache = new Map<string, LicenceReading>();
  const read = (t: string) => {
    let r = cache.get(t);
    if (!r) cache.set(t, (r = readLicence(t)));
    return r;
  };
  const byFamily = Object.fromEntries(LICENCE_FAMILIES.map((f) => [f, 0])) as Record<LicenceFamily, number>;
  const byLicence = new Map<string, number>();
  const unreadable = new Map<string, { components: number; problem: string }>();
  let components = 0;
  let withoutLicence = 0;
  for (const c of list) {
    const n = c.count ?? 1;
    components += n;
    if (!c.licences.length) withoutLicence += n;
    const readings = c.licences.map(read);
    byFamily[componentFamily(readings)] += n;
    for (const id of new Set(readings.flatMap((r) => r.ids))) byLicence.set(id, (byLicence.get(id) ?? 0) + n);
    for (const r of readings)
      if (r.problem) {
        const u = unreadable.get(r.text) ?? { components: 0, problem: r.problem };
        u.components += n;
        unreadable.set(r.text, u);
      }
  }
  return {
    components,
    withoutLicence,
    byFamily,
    byLicence: [...byLicence]
      .map(([id, n]) => ({ id, components: n }))
      .sort((a, b) => b.components - a.components || a.id.localeCompare(b.id)),
    unreadable: [...unreadable]
      .map(([text, u]) => ({ text, ...u }))
      .sort((a, b) => b.components - a.components || a.text.localeCompare(b.text))
      .slice(0, 50),
  };
}
