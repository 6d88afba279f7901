/**
 * An SBOM as Stapel keeps it, whatever format it came in (CycloneDX or SPDX): the document's
 * metadata and its components with their dependency graph. Importers turn bytes into this after
 * validating them against the format's official schema; the SBOM service turns it into component
 * records of one asset.
 */

export type SbomFormat = 'cyclonedx' | 'spdx';

export interface SbomComponent {
  /** The component's reference inside the document (CycloneDX bom-ref, SPDX SPDXID); unique in it. */
  ref: string;
  name: string;
  version?: string;
  /** Package URL, normalised (see normalisePurl), when the document gives one. */
  purl?: string;
  supplier?: string;
  /** Licence ids or SPDX expressions as the document states them. */
  licences: string[];
  hashes: { alg: string; content: string }[];
  /** Refs of the components this one depends on (inside the document). */
  dependsOn: string[];
}

export interface ParsedSbom {
  format: SbomFormat;
  /** "1.5" for CycloneDX 1.5, "2.3" for SPDX-2.3. */
  specVersion: string;
  /** The document's own identifier (CycloneDX serialNumber, SPDX documentNamespace). */
  documentId?: string;
  /** When the document says it was made (ISO 8601). */
  created?: string;
  /** Who made it: authors, organisations and tools the document names. */
  authors: string[];
  tools: string[];
  /** The described product (CycloneDX metadata.component, SPDX documentDescribes), if named. */
  subject?: { name: string; version?: string };
  components: SbomComponent[];
}
