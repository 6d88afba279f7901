/**
 * `stapel analyse` prints the risk picture (strategic dependencies per stack layer with scores,
 * concentration by ultimate parent and country); `stapel explain` shows one score factor by factor.
 */
import type { Command } from 'commander';
import { InputError, LAYER_LABELS, LAYERS, layerNumber } from '../../domain/index.js';
import type { AssetRisk, ThreatScore } from '../../analysis/index.js';
import { AnalysisService } from '../../services/analysis.service.js';
import { resolveOrg, withStore, type GlobalFlags } from '../context.js';
import { printJson, printTable } from '../output.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const threat = (t: ThreatScore) => `${t.score.toFixed(1)} ${t.level}`;

function printThreat(name: string, t: ThreatScore): void {
  console.log(`\n${name}: likelihood ${t.likelihood} × impact ${t.impact} = ${t.score} (${t.level})`);
  console.log(`  impact: ${t.impactReason}`);
  console.log(`  likelihood = 1 + the contributions of the factors:`);
  for (const f of t.factors) {
    console.log(
      `  • ${f.label}: value ${f.value.toFixed(2)} × weight ${f.weight} → +${f.contribution.toFixed(1)}${f.missing ? '  (fact missing: default used)' : ''}`,
    );
    console.log(`      ${f.fact}`);
    console.log(
      `      sources: ${f.sources.map((s) => `${s.title}${s.url ? ` <${s.url}>` : ''}${s.verified ? '' : ' [not verified]'}`).join('; ')}`,
    );
  }
}

function printAsset(a: AssetRisk): void {
  console.log(`${a.name} (${a.assetId}) — ${a.strategic ? 'STRATEGIC' : 'not strategic'}: ${a.strategicReason}`);
  if (a.ultimateParent)
    console.log(
      `Ultimate parent: ${a.ultimateParent.name}${a.ultimateParent.country ? ` (${a.ultimateParent.country})` : ''}; jurisdictions: ${a.jurisdictions.join(', ')}`,
    );
  printThreat('Continuity', a.continuity);
  printThreat('Access', a.access);
  if (a.missing.length) console.log(`\nMissing: ${a.missing.join('; ')}`);
}

export function analyseCommands(program: Command, globals: () => GlobalFlags): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('strategic dependencies per stack layer with scores, concentration by ultimate parent and country')
    .action(async () => {
      const flags = globals();
      await withStore(flags, async (store) => {
        const analysis = await new AnalysisService(store).analyse(await resolveOrg(store, flags.org));
        if (flags.json) return printJson(analysis);
        const byId = new Map(analysis.assets.map((a) => [a.assetId, a]));
        console.log(
          `Risk picture of "${analysis.organisation}" (knowledge base ${analysis.knowledgeBaseVersion}, configuration ${analysis.configVersion})`,
        );
        for (const layer of [...LAYERS].reverse()) {
          const ids = analysis.portfolio.strategicByLayer[layer];
          console.log(
            `\n${layerNumber(layer)} ${LAYER_LABELS[layer].nl} / ${LAYER_LABELS[layer].en}: ${ids.length} strategic`,
          );
          if (!ids.length) continue;
          const rows = ids
            .map((id) => byId.get(id)!)
            .sort(
              (x, y) => Math.max(y.continuity.score, y.access.score) - Math.max(x.continuity.score, x.access.score),
            );
          printTable(
            ['  ID', 'NAME', 'CONTINUITY', 'ACCESS', 'ULTIMATE PARENT'],
            rows.map((a) => [
              `  ${a.assetId}`,
              a.name,
              threat(a.continuity),
              threat(a.access),
              a.ultimateParent ? `${a.ultimateParent.name} (${a.ultimateParent.country ?? '?'})` : '?',
            ]),
          );
        }
        const conc = (title: string, c: typeof analysis.portfolio.byCountry) => {
          console.log(`\n${title} (HHI ${c.hhi})`);
          printTable(
            ['  KEY', 'NAME', 'ASSETS', 'VITAL PROCESSES'],
            c.rows
              .slice(0, 10)
              .map((r) => [`  ${r.key}`, r.label, r.assets, `${r.vitalProcesses} (${pct(r.vitalShare)})`]),
          );
        };
        conc('Concentration by ultimate parent', analysis.portfolio.byUltimateParent);
        conc('Concentration by country', analysis.portfolio.byCountry);
        console.log(
          `\nSingle points of failure of vital processes: ${analysis.portfolio.singlePointsOfFailure.length}`,
        );
        console.log(`Assets with missing facts: ${analysis.dataQuality.length} (see --json, "dataQuality")`);
      });
    });

  program
    .command('explain <kind> <id>')
    .description('explain the scores of an asset or a process factor by factor, with sources')
    .action(async (kind: string, id: string) => {
      const flags = globals();
      if (kind !== 'asset' && kind !== 'process')
        throw new InputError(`explain an "asset" or a "process", not "${kind}"`, [
          { path: ['kind'], message: 'asset or process' },
        ]);
      await withStore(flags, async (store) => {
        const service = new AnalysisService(store);
        const org = await resolveOrg(store, flags.org);
        if (kind === 'asset') {
          const a = await service.explainAsset(org, id);
          return flags.json ? printJson(a) : printAsset(a);
        }
        const p = await service.explainProcess(org, id);
        if (flags.json) return printJson(p);
        console.log(`${p.name} (${p.processId})${p.vital ? ' — vital' : ''}`);
        console.log(
          `Continuity: likelihood ${p.continuity.likelihood} × impact ${p.continuity.impact} = ${p.continuity.score} (${p.continuity.level})${p.continuity.via ? `, set by ${p.continuity.via}` : ''}`,
        );
        for (const g of p.continuity.groups)
          console.log(
            `  group "${g.name}": ${g.members.join(', ')} — ${g.independent ? 'independent members' : `members fail together${g.sharedRoots.length ? ` (shared ultimate parent: ${g.sharedRoots.join(', ')})` : ''}`}; likelihood ${g.likelihood}`,
          );
        console.log(`Access: ${p.access.score} (${p.access.level})${p.access.via ? `, set by ${p.access.via}` : ''}`);
        if (p.singlePointsOfFailure)
          console.log(`Single points of failure: ${p.singlePointsOfFailure.join(', ') || 'none'}`);
      });
    });
}
