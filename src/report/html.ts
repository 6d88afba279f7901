/**
 * The board report as one self-contained HTML document (styles inline, charts as SVG), in Dutch or
 * English, with a table of contents; it prints to a paginated PDF (pdf.ts) as it is.
 */
import type { BoardReport } from '../analysis/index.js';
import { concentrationChart, stackChart } from './charts.js';
import { REPORT_TEXT, reportTables, type ReportLang, type ReportTable } from './text.js';

const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const table = ({ caption, head, rows }: ReportTable) =>
  `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;

const figure = (svg: string, caption: string) =>
  `<figure role="img" aria-label="${esc(caption)}">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

const STYLE = `
body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #1a4d8f; padding-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; } td { font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #444; } svg { max-width: 100%; height: auto; }
nav ol { columns: 2; } .summary { font-size: 1.05rem; background: #f5f7fa; padding: 1rem; border-left: 4px solid #1a4d8f; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } h2.keep { break-before: auto; } table, figure { break-inside: avoid; } }
`;

export function renderHtml(r: BoardReport, lang: ReportLang): string {
  const t = REPORT_TEXT[lang];
  const sections: { id: string; title: string; body: string }[] = [];
  const add = (id: string, title: string, body: string) => sections.push({ id, title, body });

  add('summary', t.summary, `<p class="summary">${esc(t.statement(r))}</p>`);
  const tables = reportTables(r, lang);
  add('layers', t.layers, figure(stackChart(r, lang), t.layers) + table(tables.layers));
  add(
    'top',
    t.top,
    r.topDependencies
      .map(
        (d) =>
          `<h3>${esc(d.name)} — ${esc(t.levels[d.level])} (${esc(t.threat[d.threat])}, ${d.score})</h3><ul>` +
          `<li>${esc(t.why)}: ${esc(d.why)}</li>` +
          (d.ultimateParent
            ? `<li>${esc(t.owner)}: ${esc(d.ultimateParent)}${d.country ? ` (${esc(d.country)})` : ''}</li>`
            : '') +
          `<li>${esc(t.factors)}: ${d.mainFactors.map((f) => `${esc(f.label)} — ${esc(f.fact)}`).join('; ')}</li></ul>`,
      )
      .join(''),
  );
  add(
    'concentration',
    t.concentration,
    figure(concentrationChart(r.concentration.byUltimateParent), tables.parents.caption) +
      table(tables.parents) +
      table(tables.countries),
  );
  add('scenarios', t.scenarios, table(tables.scenarios));
  add(
    'exit-plans',
    t.exit,
    `<p>${esc(t.exitLine(r))}</p>` +
      (r.exitPlans.missing.length
        ? `<ul>${r.exitPlans.missing.map((m) => `<li>${esc(m.name)}</li>`).join('')}</ul>`
        : ''),
  );
  add('measures', t.measures, `<p>${esc(t.measuresLine(r))}</p>`);
  add('since', t.since, `<p>${esc(r.since ? t.sinceLine(r) : t.noSince)}</p>`);
  add(
    'data-quality',
    t.quality,
    `<p>${esc(t.qualityLine(r))}</p>` +
      (r.dataQuality.worst.length
        ? `<ul>${r.dataQuality.worst.map((w) => `<li>${esc(w.name)}: ${esc(w.missing.join(', '))}</li>`).join('')}</ul>`
        : ''),
  );
  add('methodology', t.method, `<p>${esc(t.methodLine(r))}</p><p>${esc(t.weights(r))}</p>`);

  const title = `${t.title} — ${r.organisation.name}`;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${esc(title)}</h1><p>${esc(r.date)}</p></header>
<nav aria-label="${lang === 'nl' ? 'Inhoud' : 'Contents'}"><h2 class="keep">${lang === 'nl' ? 'Inhoud' : 'Contents'}</h2><ol>${sections
    .map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`)
    .join('')}</ol></nav>
<main>${sections.map((s, i) => `<section id="${s.id}"><h2${i === 0 ? ' class="keep"' : ''}>${esc(s.title)}</h2>${s.body}</section>`).join('\n')}</main>
</body>
</html>
`;
}
