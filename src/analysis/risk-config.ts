/**
 * The weights, thresholds and value tables of the risk model. Defaults ship in
 * src/knowledge/risk-config.json with the reasoning for each; an organisation may override them
 * with a written justification (kept in the change history).
 */
import { z } from 'zod';

const weight = z.number().min(0).max(10);
const unit = z.number().min(0).max(1);

export const riskConfigSchema = z.strictObject({
  version: z.string(),
  continuityWeights: z.strictObject({
    concentration: weight,
    substitutability: weight,
    countryRelation: weight,
    mutualDependence: weight,
  }),
  accessWeights: z.strictObject({ jurisdiction: weight, dataLocation: weight, keyControl: weight }),
  /** HHI breakpoints (0–10,000): at or below `unconcentrated` → low, above `highlyConcentrated` → high. */
  concentration: z.strictObject({
    unconcentrated: z.number(),
    highlyConcentrated: z.number(),
    low: unit,
    moderate: unit,
    high: unit,
    unknown: unit,
  }),
  substitutability: z.strictObject({
    easy: unit,
    medium: unit,
    'highly-complex': unit,
    'not-substitutable': unit,
    unknown: unit,
    noDataExport: z.number(),
    proprietaryFormats: z.number(),
    openStandards: z.number(),
    openSource: z.number(),
    /** Multipliers for an exit plan tested within `exitPlanFreshDays`, or one that exists but is not. */
    testedExitPlan: unit,
    untestedExitPlan: unit,
    exitPlanFreshDays: z.number().int().positive(),
  }),
  countryRelation: z.strictObject({
    eu: unit,
    eea: unit,
    allied: unit,
    other: unit,
    offensiveCyber: unit,
    unknown: unit,
  }),
  /** How much the country depends on the EU in return (0 none … 1 fully); the factor uses 1 − this. */
  mutualDependence: z.strictObject({ eu: unit, default: unit, byCountry: z.record(z.string(), unit) }),
  jurisdiction: z.strictObject({ compelledAccessLaw: unit, offensiveCyber: unit, none: unit, unknown: unit }),
  dataLocation: z.strictObject({ euEea: unit, adequacy: unit, other: unit, unknown: unit }),
  keyControl: z.strictObject({ customer: unit, provider: unit, none: unit, unknown: unit }),
  continuityImpact: z.strictObject({
    vital: z.number().min(1).max(5),
    nonVital: z.number().min(1).max(5),
    shortDowntimeHours: z.number().positive(),
    shortDowntimeBonus: z.number().min(0).max(4),
    noProcess: z.number().min(1).max(5),
  }),
  accessImpact: z.strictObject({
    none: z.number().min(1).max(5),
    internal: z.number().min(1).max(5),
    personal: z.number().min(1).max(5),
    'special-category': z.number().min(1).max(5),
    classified: z.number().min(1).max(5),
    unknown: z.number().min(1).max(5),
  }),
  /** A dependency is strategic when its continuity or access impact reaches these. */
  strategic: z.strictObject({ continuityImpact: z.number().min(1).max(5), accessImpact: z.number().min(1).max(5) }),
  /** Score (likelihood × impact, 1–25) from which a level starts. */
  levels: z.strictObject({ medium: z.number(), high: z.number(), veryHigh: z.number() }),
  /** Knowledge-base category assumed for an asset type when the asset names no product. */
  typeCategories: z.record(z.string(), z.string()),
  /** Reasoning per setting, shown in docs/methodology.md and the report appendix. */
  reasoning: z.record(z.string(), z.string()),
});
export type RiskConfig = z.infer<typeof riskConfigSchema>;

/** Deep-merges an organisation's overrides over the defaults. */
export function mergeConfig(base: RiskConfig, overrides: Record<string, unknown>): RiskConfig {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
      return out;
    }
    return b;
  };
  return riskConfigSchema.parse(merge(base, overrides));
}
