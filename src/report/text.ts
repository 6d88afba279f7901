/**
 * The words of the board report in Dutch and English, shared by every format it is written in.
 */
import { LEVELS, type BoardReport } from '../analysis/index.js';
import { LAYER_LABELS } from '../domain/index.js';

export type ReportLang = 'nl' | 'en';

export const REPORT_TEXT = {
  nl: {
    title: 'Digitale autonomie',
    summary: 'Samenvatting',
    statement: (r: BoardReport) =>
      `${r.organisation.name} is voor zijn processen afhankelijk van ${r.summary.dependencies} voorzieningen op de zes lagen van de digitale stapel; ${r.summary.strategic} daarvan zijn strategisch. ` +
      `${r.summary.highRisk} hebben een hoog of zeer hoog risico, ${r.summary.strategicHighRisk} daarvan strategisch. ` +
      (r.summary.topParent
        ? `De grootste concentratie ligt bij ${r.summary.topParent.name}: ${r.summary.topParent.assets} voorzieningen, waar ${pct(r.summary.topParent.vitalShare)} van de vitale processen van afhangt. `
        : '') +
      (r.summary.worstScenario
        ? `In het zwaarste standaardscenario (${r.summary.worstScenario.name.nl}) vallen ${r.summary.worstScenario.processesStopped} processen stil, waarvan ${r.summary.worstScenario.vitalStopped} vitaal. `
        : '') +
      `Voor ${r.summary.strategicWithoutExitPlan} strategische afhankelijkheden is geen exitplan.`,
    layers: 'Risico per laag van de stapel',
    layer: 'Laag',
    assets: 'Voorzieningen',
    strategic: 'Strategisch',
    levels: { low: 'laag', medium: 'midden', high: 'hoog', 'very-high': 'zeer hoog' },
    top: 'Belangrijkste strategische afhankelijkheden',
    why: 'Waarom strategisch',
    owner: 'Uiteindelijke eigenaar',
    factors: 'Zwaarste factoren',
    threat: { continuity: 'continuïteit', access: 'toegang' },
    concentration: 'Concentratie',
    byParent: 'Per uiteindelijke eigenaar',
    byCountry: 'Per land',
    vitalShare: 'Aandeel vitale processen',
    hhi: 'HHI',
    scenarios: 'Standaardscenario’s',
    scenario: 'Scenario',
    stopped: 'Processen stil',
    degraded: 'Processen beperkt',
    vital: 'Vitale processen stil',
    restore: 'Herstel',
    unknown: 'onbekend',
    days: 'dagen',
    exit: 'Exitplannen',
    exitLine: (r: BoardReport) =>
      `${r.exitPlans.present} exitplannen, waarvan ${r.exitPlans.tested} in het afgelopen jaar getest en ${r.exitPlans.untested} niet. Zonder exitplan: ${r.exitPlans.missing.length} strategische afhankelijkheden.`,
    measures: 'Maatregelen',
    measuresLine: (r: BoardReport) =>
      `${r.measures.total} maatregelen, gemiddelde voortgang ${r.measures.averageProgress}%: ${statuses(r, 'nl')}.`,
    since: 'Veranderingen sinds de vorige momentopname',
    sinceLine: (r: BoardReport) => {
      const c = r.since!.changes;
      return (
        `Sinds ${r.since!.id} (${r.since!.takenAt.slice(0, 10)}): ${c.assetsAdded.length} voorzieningen erbij, ${c.assetsRemoved.length} eraf; ` +
        `risico gestegen bij ${c.risen.length}, gedaald bij ${c.fallen.length}; ${c.becameStrategic.length} nieuw strategisch; ` +
        `concentratie (HHI per eigenaar) ${c.concentration.byUltimateParent.from} → ${c.concentration.byUltimateParent.to}; ontbrekende gegevens ${c.dataGaps.from} → ${c.dataGaps.to}.`
      );
    },
    noSince: 'Er is nog geen eerdere momentopname om mee te vergelijken.',
    quality: 'Kwaliteit van de gegevens',
    qualityLine: (r: BoardReport) =>
      `Bij ${r.dataQuality.assetsWithGaps} voorzieningen ontbreken samen ${r.dataQuality.gaps} gegevens; het beeld is daar minder zeker.`,
    method: 'Verantwoording',
    methodLine: (r: BoardReport) =>
      `Risico's volgens de DOSA-definitie (kans × impact, per factor uitgelegd; zie docs/methodology.md). Kennisbank ${r.methodology.knowledgeBaseVersion}, risicoconfiguratie ${r.methodology.configVersion}, analyse van ${r.methodology.generatedAt}.`,
    none: 'geen',
    weights: (r: BoardReport) =>
      `Gewichten — continuïteit: ${weightList(r.methodology.weights.continuity)}; toegang: ${weightList(r.methodology.weights.access)}.`,
  },
  en: {
    title: 'Digital autonomy',
    summary: 'Summary',
    statement: (r: BoardReport) =>
      `${r.organisation.name} depends for its processes on ${r.summary.dependencies} services and components across the six layers of the digital stack; ${r.summary.strategic} of them are strategic. ` +
      `${r.summary.highRisk} carry a high or very high risk, ${r.summary.strategicHighRisk} of them strategic. ` +
      (r.summary.topParent
        ? `The largest concentration is on ${r.summary.topParent.name}: ${r.summary.topParent.assets} dependencies, on which ${pct(r.summary.topParent.vitalShare)} of the vital processes depend. `
        : '') +
      (r.summary.worstScenario
        ? `In the most severe standard scenario (${r.summary.worstScenario.name.en}) ${r.summary.worstScenario.processesStopped} processes stop, ${r.summary.worstScenario.vitalStopped} of them vital. `
        : '') +
      `${r.summary.strategicWithoutExitPlan} strategic dependencies have no exit plan.`,
    layers: 'Risk per layer of the stack',
    layer: 'Layer',
    assets: 'Dependencies',
    strategic: 'Strategic',
    levels: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
    top: 'Top strategic dependencies',
    why: 'Why strategic',
    owner: 'Ultimate parent',
    factors: 'Heaviest factors',
    threat: { continuity: 'continuity', access: 'access' },
    concentration: 'Concentration',
    byParent: 'By ultimate parent',
    byCountry: 'By country',
    vitalShare: 'Share of vital processes',
    hhi: 'HHI',
    scenarios: 'Standard scenarios',
    scenario: 'Scenario',
    stopped: 'Processes stopped',
    degraded: 'Processes degraded',
    vital: 'Vital processes stopped',
    restore: 'Restore',
    unknown: 'unknown',
    days: 'days',
    exit: 'Exit plans',
    exitLine: (r: BoardReport) =>
      `${r.exitPlans.present} exit plans, ${r.exitPlans.tested} tested in the past year and ${r.exitPlans.untested} not. Without an exit plan: ${r.exitPlans.missing.length} strategic dependencies.`,
    measures: 'Measures',
    measuresLine: (r: BoardReport) =>
      `${r.measures.total} measures, average progress ${r.measures.averageProgress}%: ${statuses(r, 'en')}.`,
    since: 'Changes since the previous snapshot',
    sinceLine: (r: BoardReport) => {
      const c = r.since!.changes;
      return (
        `Since ${r.since!.id} (${r.since!.takenAt.slice(0, 10)}): ${c.assetsAdded.length} dependencies added, ${c.assetsRemoved.length} removed; ` +
        `risk risen for ${c.risen.length}, fallen for ${c.fallen.length}; ${c.becameStrategic.length} newly strategic; ` +
        `concentration (HHI by parent) ${c.concentration.byUltimateParent.from} → ${c.concentration.byUltimateParent.to}; missing facts ${c.dataGaps.from} → ${c.dataGaps.to}.`
      );
    },
    noSince: 'There is no earlier snapshot to compare with yet.',
    quality: 'Data quality',
    qualityLine: (r: BoardReport) =>
      `${r.dataQuality.gaps} facts are missing on ${r.dataQuality.assetsWithGaps} dependencies; the picture is less certain there.`,
    method: 'Methodology',
    methodLine: (r: BoardReport) =>
      `Risks follow the DOSA definition (likelihood × impact, explained factor by factor; see docs/methodology.md). Knowledge base ${r.methodology.knowledgeBaseVersion}, risk configuration ${r.methodology.configVersion}, analysis of ${r.methodology.generatedAt}.`,
    none: 'none',
    weights: (r: BoardReport) =>
      `Weights — continuity: ${weightList(r.methodology.weights.continuity)}; access: ${weightList(r.methodology.weights.access)}.`,
  },
} as const;

const weightList = (w: Record<string, number>) =>
  Object.entries(w)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export const pct = (x: number) => `${Math.round(x * 100)}%`;
const statuses = (r: BoardReport, lang: ReportLang) =>
  Object.entries(r.measures.byStatus)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ') || REPORT_TEXT[lang].none;

/** A table of the report: its caption, header and rows, the same in every format. */
export interface ReportTable {
  caption: string;
  head: (string | number)[];
  rows: (string | number)[][];
}

/** The report's tables in one language: layers (applications first), concentration, scenarios. */
export function reportTables(r: BoardReport, lang: ReportLang) {
  const t = REPORT_TEXT[lang];
  const shares = (caption: string, label: string, list: BoardReport['concentration']['byCountry']): ReportTable => ({
    caption,
    head: [label, t.assets, t.vitalShare],
    rows: list.map((x) => [x.label, x.assets, pct(x.vitalShare)]),
  });
  return {
    layers: {
      caption: t.layers,
      head: [t.layer, t.assets, t.strategic, ...LEVELS.map((l) => t.levels[l])],
      rows: [...r.layers]
        .reverse()
        .map((l) => [LAYER_LABELS[l.layer][lang], l.assets, l.strategic, ...LEVELS.map((x) => l.byLevel[x])]),
    } satisfies ReportTable,
    parents: shares(
      `${t.byParent} (${t.hhi} ${r.concentration.hhiParent})`,
      t.byParent,
      r.concentration.byUltimateParent,
    ),
    countries: shares(
      `${t.byCountry} (${t.hhi} ${r.concentration.hhiCountry})`,
      t.byCountry,
      r.concentration.byCountry,
    ),
    scenarios: {
      caption: t.scenarios,
      head: [t.scenario, t.stopped, t.degraded, t.vital, t.restore],
      rows: r.scenarios.map((s) => [
        s.name[lang],
        s.processesStopped,
        s.processesDegraded,
        s.vitalStopped.length,
        s.restoreHours === null ? t.unknown : `${Math.round(s.restoreHours / 24)} ${t.days}`,
      ]),
    } satisfies ReportTable,
  };
}
