/** A scenario result (and comparison) as readable text: what is cut off, what stops, when it is back. */
import type { ScenarioComparison } from './compare.js';
import type { ScenarioResult } from './evaluate.js';

export const formatHours = (h: number | null | undefined): string => {
  if (h === null || h === undefined) return 'unknown (no exit plan)';
  if (h < 48) return `${h} h`;
  return `${Math.round((h / 24) * 10) / 10} days`;
};

export function summariseScenario(result: ScenarioResult, comparison?: ScenarioComparison): string {
  const lines: string[] = [];
  const s = result.summary;
  lines.push(
    `Scenario: ${result.scenario.name}${result.scenario.durationHours !== undefined ? ` (lasting ${formatHours(result.scenario.durationHours)})` : ''}`,
  );
  lines.push(
    `Cut off directly: ${result.cutOff.length} asset(s). Processes: ${s.processes.stopped} stopped, ${s.processes.degraded} degraded, ${s.processes.running} running. Assets: ${s.assets.stopped} stopped, ${s.assets.degraded} degraded.`,
  );
  if (s.vitalStopped.length) lines.push(`VITAL PROCESSES STOPPED: ${s.vitalStopped.join(', ')}`);
  if (s.publicInterestsHit.length) lines.push(`Public interests hit: ${s.publicInterestsHit.join(', ')}`);
  lines.push(
    `Time to restore (longest among stopped processes): ${s.processes.stopped ? formatHours(s.restoreHours) : 'nothing stops'}`,
  );
  if (s.withoutExitPlan.length) lines.push(`Cut off without an exit plan: ${s.withoutExitPlan.join(', ')}`);
  if (result.cutOff.length) {
    lines.push('', 'Cut off:');
    for (const c of result.cutOff)
      lines.push(
        `  • ${c.name} (${c.assetId}): ${c.reasons.join('; ')} — back in ${formatHours(c.restoreHours)}: ${c.restoreBasis}`,
      );
  }
  const hit = result.processes.filter((p) => p.state !== 'running');
  if (hit.length) {
    lines.push('', 'Processes:');
    for (const p of hit.sort((a, b) => Number(b.vital) - Number(a.vital) || a.state.localeCompare(b.state) * -1)) {
      const restore = p.state === 'stopped' ? `, back in ${formatHours(p.restoreHours)}` : '';
      const tolerable =
        p.exceedsTolerableDowntime === undefined
          ? ''
          : p.exceedsTolerableDowntime
            ? ` — EXCEEDS the tolerable downtime of ${formatHours(p.maxTolerableDowntimeHours)}`
            : ` — within the tolerable downtime of ${formatHours(p.maxTolerableDowntimeHours)}`;
      lines.push(
        `  • ${p.state.toUpperCase()} ${p.name} (${p.processId})${p.vital ? ' [vital]' : ''}${restore}${tolerable}`,
      );
      if (p.path?.length) lines.push(`      via ${p.path.join(' ← ')}`);
    }
  }
  if (comparison) {
    lines.push('', 'Comparison after:');
    for (const a of comparison.applied) lines.push(`  + ${a}`);
    const t = comparison.after.summary;
    lines.push(
      `  Processes then: ${t.processes.stopped} stopped (was ${s.processes.stopped}), ${t.processes.degraded} degraded (was ${s.processes.degraded}); vital stopped: ${t.vitalStopped.length} (was ${s.vitalStopped.length}); time to restore ${t.processes.stopped ? formatHours(t.restoreHours) : 'nothing stops'}`,
    );
    for (const c of comparison.changes)
      lines.push(
        `  • ${c.name} (${c.processId}): ${c.before} → ${c.after}${c.restoreBefore !== undefined || c.restoreAfter !== undefined ? ` (restore ${formatHours(c.restoreBefore)} → ${c.after === 'stopped' ? formatHours(c.restoreAfter) : '—'})` : ''}`,
      );
    if (!comparison.changes.length) lines.push('  No process changes.');
  }
  return lines.join('\n');
}
