/**
 * The board report as Markdown, in Dutch or English: a one-page summary a board member reads
 * first, then the sections with the figures behind it, and a methodology appendix.
 */
import type { BoardReport } from '../analysis/index.js';
import { REPORT_TEXT as T, reportTables, type ReportLang, type ReportTable } from './text.js';

export type { ReportLang } from './text.js';

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = ({ head, rows }: ReportTable) =>
  [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

export function renderMarkdown(r: BoardReport, lang: ReportLang): string {
  const t = T[lang];
  const tables = reportTables(r, lang);
  const out: string[] = [];
  out.push(`# ${t.title} — ${r.organisation.name}`, '', `_${r.date}_`, '');
  out.push(`## ${t.summary}`, '', t.statement(r), '');
  out.push(`## ${t.layers}`, '');
  out.push(table(tables.layers), '');
  out.push(`## ${t.top}`, '');
  for (const d of r.topDependencies) {
    out.push(`### ${d.name} — ${t.levels[d.level]} (${t.threat[d.threat]}, ${d.score})`, '');
    out.push(`- ${t.why}: ${d.why}`);
    if (d.ultimateParent) out.push(`- ${t.owner}: ${d.ultimateParent}${d.country ? ` (${d.country})` : ''}`);
    out.push(`- ${t.factors}: ${d.mainFactors.map((f) => `${f.label} — ${f.fact}`).join('; ')}`, '');
  }
  out.push(`## ${t.concentration}`, '');
  for (const x of [tables.parents, tables.countries]) out.push(`### ${x.caption}`, '', table(x), '');
  out.push(`## ${t.scenarios}`, '', table(tables.scenarios), '');
  out.push(`## ${t.exit}`, '', t.exitLine(r), '');
  for (const m of r.exitPlans.missing.slice(0, 20)) out.push(`- ${m.name}`);
  if (r.exitPlans.missing.length) out.push('');
  out.push(`## ${t.measures}`, '', t.measuresLine(r), '');
  out.push(`## ${t.since}`, '', r.since ? t.sinceLine(r) : t.noSince, '');
  out.push(`## ${t.quality}`, '', t.qualityLine(r), '');
  for (const w of r.dataQuality.worst) out.push(`- ${w.name}: ${w.missing.join(', ')}`);
  if (r.dataQuality.worst.length) out.push('');
  out.push(`## ${t.method}`, '', t.methodLine(r), '', t.weights(r), '');
  return out.join('\n');
}
