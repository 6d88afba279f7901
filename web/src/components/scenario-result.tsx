/**
 * A scenario run in words and tables: the summary (processes stopped, degraded, running; vital
 * processes stopped; public interests hit; the longest time to restore), the processes hit with
 * their state, time to restore against the tolerable downtime and the path down to what was cut,
 * the assets cut off directly with the reasons, and the assets that fail because of them.
 */
import { Fragment } from 'react';
import { useT, type Messages } from '../i18n';
import { Exceeds, StateBadge, useDuration } from './scenario-state';
import type { ProcessOutcome, ScenarioResult } from './scenario-types';
import { DataList, Heading, Link, Paragraph, Table, TableBody, TableHead } from './ui';

const messages: Messages<
  | 'summary'
  | 'processes'
  | 'processCounts'
  | 'assetCounts'
  | 'assets'
  | 'vitalStopped'
  | 'interests'
  | 'restore'
  | 'withoutExit'
  | 'none'
  | 'hit'
  | 'hitCaption'
  | 'process'
  | 'state'
  | 'vital'
  | 'yes'
  | 'no'
  | 'restoreCol'
  | 'mtd'
  | 'norm'
  | 'path'
  | 'cutMark'
  | 'stillRunning'
  | 'nothingHit'
  | 'cutOff'
  | 'cutCaption'
  | 'asset'
  | 'reasons'
  | 'alsoHit'
  | 'alsoCaption'
  | 'via'
  | 'direct'
> = {
  nl: {
    summary: 'Samenvatting',
    processes: 'Processen',
    processCounts: '{stopped} gestopt, {degraded} beperkt, {running} draaien door',
    assetCounts: '{stopped} gestopt, {degraded} beperkt, {running} draaien door',
    assets: 'Bedrijfsmiddelen',
    vitalStopped: 'Vitale processen gestopt',
    interests: 'Geraakte publieke belangen',
    restore: 'Langste hersteltijd',
    withoutExit: 'Afgesneden zonder exitplan',
    none: 'geen',
    hit: 'Geraakte processen',
    hitCaption: 'Processen die stoppen of beperkt draaien ({n})',
    process: 'Proces',
    state: 'Toestand',
    vital: 'Vitaal',
    yes: 'ja',
    no: 'nee',
    restoreCol: 'Hersteltijd',
    mtd: 'Maximale uitval',
    norm: 'Tegen de maximale uitval',
    path: 'Pad naar wat is afgesneden',
    cutMark: '(afgesneden)',
    stillRunning: 'Draaien door: {names}.',
    nothingHit: 'Geen enkel proces stopt of draait beperkt.',
    cutOff: 'Afgesneden bedrijfsmiddelen',
    cutCaption: 'Direct afgesneden ({n})',
    asset: 'Bedrijfsmiddel',
    reasons: 'Waarom',
    alsoHit: 'Ook geraakt',
    alsoCaption: 'Bedrijfsmiddelen die uitvallen door wat is afgesneden ({n})',
    via: 'Door',
    direct: 'direct afgesneden',
  },
  en: {
    summary: 'Summary',
    processes: 'Processes',
    processCounts: '{stopped} stopped, {degraded} degraded, {running} running',
    assetCounts: '{stopped} stopped, {degraded} degraded, {running} running',
    assets: 'Assets',
    vitalStopped: 'Vital processes stopped',
    interests: 'Public interests hit',
    restore: 'Longest time to restore',
    withoutExit: 'Cut off without an exit plan',
    none: 'none',
    hit: 'Processes hit',
    hitCaption: 'Processes that stop or run degraded ({n})',
    process: 'Process',
    state: 'State',
    vital: 'Vital',
    yes: 'yes',
    no: 'no',
    restoreCol: 'Time to restore',
    mtd: 'Maximum tolerable downtime',
    norm: 'Against the tolerable downtime',
    path: 'Path to what was cut',
    cutMark: '(cut off)',
    stillRunning: 'Still running: {names}.',
    nothingHit: 'No process stops or runs degraded.',
    cutOff: 'Assets cut off',
    cutCaption: 'Cut off directly ({n})',
    asset: 'Asset',
    reasons: 'Why',
    alsoHit: 'Also hit',
    alsoCaption: 'Assets that fail because of what was cut ({n})',
    via: 'Through',
    direct: 'cut off directly',
  },
};

const assetLink = (id: string, name: string) => <Link to={`/assets/${encodeURIComponent(id)}`}>{name}</Link>;
const idOf = (ref: string) => ref.slice(ref.indexOf(':') + 1);

export function ScenarioResultView({
  result,
  names,
  interestLabel,
}: {
  result: ScenarioResult;
  /** Names by ref ("asset:x", "process:y") for paths and causes. */
  names: ReadonlyMap<string, string>;
  interestLabel: (code: string) => string;
}) {
  const t = useT(messages);
  const duration = useDuration();
  const { summary } = result;
  const nameOf = (ref: string) =>
    names.get(ref) ?? result.assets.find((a) => `asset:${a.assetId}` === ref)?.name ?? idOf(ref);
  const processName = new Map(result.processes.map((p) => [p.processId, p.name]));
  const cutIds = new Set(result.cutOff.map((c) => c.assetId));
  const order = { stopped: 0, degraded: 1, running: 2 };
  const hit = result.processes
    .filter((p) => p.state !== 'running')
    .sort(
      (a, b) => order[a.state] - order[b.state] || Number(b.vital) - Number(a.vital) || a.name.localeCompare(b.name),
    );
  const running = result.processes.filter((p) => p.state === 'running');
  const alsoHit = result.assets.filter((a) => !cutIds.has(a.assetId));

  const path = (p: ProcessOutcome) =>
    p.path?.length ? (
      <>
        {p.name}
        {p.path.map((ref, i) => (
          <Fragment key={i}>
            {' → '}
            {ref.startsWith('asset:') ? assetLink(idOf(ref), nameOf(ref)) : nameOf(ref)}
            {i === p.path!.length - 1 && ` ${t('cutMark')}`}
          </Fragment>
        ))}
      </>
    ) : (
      '—'
    );

  return (
    <>
      <Heading level={3}>{t('summary')}</Heading>
      <DataList
        items={[
          { key: 'processes', label: t('processes'), value: t('processCounts', summary.processes) },
          {
            key: 'vital',
            label: t('vitalStopped'),
            value: summary.vitalStopped.length
              ? `${summary.vitalStopped.length}: ${summary.vitalStopped.map((id) => processName.get(id) ?? id).join(', ')}`
              : t('none'),
          },
          {
            key: 'interests',
            label: t('interests'),
            value: summary.publicInterestsHit.length
              ? summary.publicInterestsHit.map(interestLabel).join(', ')
              : t('none'),
          },
          { key: 'restore', label: t('restore'), value: duration(summary.restoreHours) },
          { key: 'assets', label: t('assets'), value: t('assetCounts', summary.assets) },
          {
            key: 'exit',
            label: t('withoutExit'),
            value: summary.withoutExitPlan.length
              ? summary.withoutExitPlan.map((id) => nameOf(`asset:${id}`)).join(', ')
              : t('none'),
          },
        ]}
      />

      <Heading level={3}>{t('hit')}</Heading>
      {hit.length ? (
        <Table caption={t('hitCaption', { n: hit.length })}>
          <TableHead cells={[t('process'), t('state'), t('vital'), t('restoreCol'), t('mtd'), t('norm'), t('path')]} />
          <TableBody
            rows={hit.map((p) => ({
              key: p.processId,
              cells: [
                <Link to={`/processes/${encodeURIComponent(p.processId)}`}>{p.name}</Link>,
                <StateBadge state={p.state} />,
                t(p.vital ? 'yes' : 'no'),
                duration(p.restoreHours),
                duration(p.maxTolerableDowntimeHours),
                <Exceeds exceeds={p.exceedsTolerableDowntime} />,
                path(p),
              ],
            }))}
          />
        </Table>
      ) : (
        <Paragraph>{t('nothingHit')}</Paragraph>
      )}
      {running.length > 0 && hit.length > 0 && (
        <Paragraph>{t('stillRunning', { names: running.map((p) => p.name).join(', ') })}</Paragraph>
      )}

      {result.cutOff.length > 0 && (
        <>
          <Heading level={3}>{t('cutOff')}</Heading>
          <Table caption={t('cutCaption', { n: result.cutOff.length })}>
            <TableHead cells={[t('asset'), t('reasons'), t('restoreCol')]} />
            <TableBody
              rows={result.cutOff.map((c) => ({
                key: c.assetId,
                cells: [
                  assetLink(c.assetId, c.name),
                  <ul className="utrecht-unordered-list" style={{ margin: 0 }}>
                    {c.reasons.map((r, i) => (
                      <li key={i} className="utrecht-unordered-list__item">
                        {r}
                      </li>
                    ))}
                  </ul>,
                  <>
                    {duration(c.restoreHours)}
                    <br />
                    <small>{c.restoreBasis}</small>
                  </>,
                ],
              }))}
            />
          </Table>
        </>
      )}

      {alsoHit.length > 0 && (
        <>
          <Heading level={3}>{t('alsoHit')}</Heading>
          <Table caption={t('alsoCaption', { n: alsoHit.length })}>
            <TableHead cells={[t('asset'), t('state'), t('via'), t('restoreCol')]} />
            <TableBody
              rows={alsoHit.map((a) => ({
                key: a.assetId,
                cells: [
                  assetLink(a.assetId, a.name),
                  <StateBadge state={a.state} />,
                  a.cause ? assetLink(a.cause, nameOf(`asset:${a.cause}`)) : t('direct'),
                  duration(a.restoreHours),
                ],
              }))}
            />
          </Table>
        </>
      )}
    </>
  );
}
