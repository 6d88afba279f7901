/**
 * The NTIA minimum elements of an SBOM ("The Minimum Elements For a Software Bill of Materials",
 * NTIA, 12 July 2021, section "Data Fields"): supplier name, component name, version, other unique
 * identifiers, dependency relationship, author of SBOM data and timestamp. Each element is scored
 * as the share of components (or, for the two document-level elements, the document) that has it;
 * the completeness score is the mean of the seven, so every element weighs the same and the score
 * explains itself element by element.
 */

/** What the check needs of an SBOM; ParsedSbom from the importers has this shape. */
export interface SbomForQuality {
  authors: readonly string[];
  tools: readonly string[];
  created?: string;
  components: readonly {
    ref: string;
    name: string;
    version?: string;
    purl?: string;
    supplier?: string;
    dependsOn: readonly string[];
  }[];
}

export type NtiaElementId =
  'supplier' | 'name' | 'version' | 'unique-identifier' | 'dependency-relationship' | 'author' | 'timestamp';

export interface NtiaElement {
  id: NtiaElementId;
  /** Share of components (or 1/0 for the document) that has the element, 0..1. */
  coverage: number;
  /** How many components lack it (document-level elements: 0 or 1). */
  missing: number;
  /** Up to ten names of components that lack it, to start fixing with. */
  examples: string[];
  note: string;
}

export interface NtiaQuality {
  /** Mean coverage of the seven elements, 0..100, rounded to one decimal. */
  score: number;
  components: number;
  elements: NtiaElement[];
}

const EXAMPLES = 10;

export function ntiaQuality(sbom: SbomForQuality): NtiaQuality {
  const list = sbom.components;
  // A component takes part in the dependency graph if it depends on something or something on it;
  // a document that lists only components, without relationships, covers none of them.
  const inGraph = new Set<string>();
  for (const c of list)
    if (c.dependsOn.length) {
      inGraph.add(c.ref);
      for (const r of c.dependsOn) inGraph.add(r);
    }
  const perComponent = (
    id: NtiaElementId,
    has: (c: SbomForQuality['components'][number]) => boolean,
    note: string,
  ): NtiaElement => {
    const lacking = list.filter((c) => !has(c));
    return {
      id,
      coverage: list.length ? (list.length - lacking.length) / list.length : 0,
      missing: lacking.length,
      examples: lacking.slice(0, EXAMPLES).map((c) => (c.version ? `${c.name}@${c.version}` : c.name)),
      note,
    };
  };
  const document = (id: NtiaElementId, present: boolean, note: string): NtiaElement => ({
    id,
    coverage: present ? 1 : 0,
    missing: present ? 0 : 1,
    examples: [],
    note,
  });
  const elements: NtiaElement[] = [
    perComponent(
      'supplier',
      (c) => !!c.supplier?.trim(),
      'the entity that creates, defines and identifies the component',
    ),
    perComponent('name', (c) => !!c.name.trim(), 'the name the supplier gives the component'),
    perComponent('version', (c) => !!c.version?.trim(), 'the supplier’s identifier of this version'),
    perComponent(
      'unique-identifier',
      (c) => !!c.purl,
      'a package URL (other identifiers such as CPE or SWID are not counted yet)',
    ),
    perComponent(
      'dependency-relationship',
      (c) => inGraph.has(c.ref),
      'the component appears in the dependency graph (as dependent or dependency)',
    ),
    document(
      'author',
      sbom.authors.some((a) => a.trim()),
      sbom.authors.length
        ? 'the entity that made the SBOM data'
        : sbom.tools.length
          ? `no author named; made by ${sbom.tools.slice(0, 3).join(', ')} (a tool is not the author)`
          : 'no author named',
    ),
    document(
      'timestamp',
      !!sbom.created && !Number.isNaN(Date.parse(sbom.created)),
      sbom.created ? `made ${sbom.created}` : 'no creation time',
    ),
  ];
  const mean = elements.reduce((s, e) => s + e.coverage, 0) / elements.length;
  return { score: Math.round(mean * 1000) / 10, components: list.length, elements };
}
