/**
 * Loads the shipped knowledge base (data/*.json) and the default risk configuration, validated
 * against their schemas, once per process. The shipped files are read-only data.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  alternativesFileSchema,
  categoriesFileSchema,
  countriesFileSchema,
  lawsFileSchema,
  parseInput,
  scenarioLibrarySchema,
  vendorsFileSchema,
  type LibraryScenario,
} from '../domain/index.js';
import { KnowledgeIndex, riskConfigSchema, type KnowledgeBase, type RiskConfig } from '../analysis/index.js';

function load<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const url = new URL(file, import.meta.url);
  return parseInput(schema, JSON.parse(readFileSync(url, 'utf8')), 'knowledge-base file', {
    file: `src/knowledge/${file}`,
  });
}

let cached: { kb: KnowledgeBase; index: KnowledgeIndex } | undefined;

export function knowledgeBase(): KnowledgeBase {
  return loadOnce().kb;
}

export function knowledgeIndex(): KnowledgeIndex {
  return loadOnce().index;
}

function loadOnce() {
  if (!cached) {
    const kb: KnowledgeBase = {
      countries: load('data/countries.json', countriesFileSchema),
      laws: load('data/laws.json', lawsFileSchema),
      vendors: load('data/vendors.json', vendorsFileSchema),
      categories: load('data/categories.json', categoriesFileSchema),
      alternatives: load('data/alternatives.json', alternativesFileSchema),
    };
    cached = { kb, index: new KnowledgeIndex(kb) };
  }
  return cached;
}

let library: LibraryScenario[] | undefined;

/** The built-in cut-off scenarios from real events, each with its date and sources. */
export function scenarioLibrary(): LibraryScenario[] {
  return (library ??= load('data/scenarios.json', scenarioLibrarySchema).scenarios);
}

export function defaultRiskConfig(): RiskConfig {
  return load('risk-config.json', riskConfigSchema);
}
