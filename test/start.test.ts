/**
 * The quick start: `npm start` on an empty data folder loads the demo register and serves the
 * API; a second process on the same folder is refused instead of corrupting it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../src/domain/index.js';
import { ROOT, runCli } from './helpers/cli.js';

describe('npm start on an empty store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stapel-start-'));
  let server: ChildProcess;
  let url = '';
  let output = '';

  beforeAll(async () => {
    server = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', STAPEL_DATA_DIR: dataDir, DATABASE_URL: '' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 90 s:\n${output}`)), 90_000);
      const onData = (d: Buffer) => {
        output += d;
        const m = /Stapel serves (http:\/\/localhost:\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (server?.pid) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says it loaded the demo and where it serves', () => {
    expect(output).toMatch(/Loaded the demo register "voorbeeldstad"/);
  });

  it('serves /api/health', async () => {
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'pglite' });
  });

  it('lists the demo municipality with at least 50 assets on all six layers', async () => {
    const orgs = (await (await fetch(`${url}/api/orgs`)).json()) as { items: { id: string; name: string }[] };
    expect(orgs.items.map((o) => o.id)).toEqual(['voorbeeldstad']);
    const org = (await (await fetch(`${url}/api/orgs/voorbeeldstad`)).json()) as { counts: Record<string, number> };
    expect(org.counts.assets).toBeGreaterThanOrEqual(50);
    const assets = (await (await fetch(`${url}/api/orgs/voorbeeldstad/assets?limit=500`)).json()) as {
      items: { layers: string[] }[];
    };
    expect(new Set(assets.items.flatMap((a) => a.layers))).toEqual(new Set(LAYERS));
  });

  it('refuses a second process on the same data folder', async () => {
    const r = await runCli(['--data-dir', dataDir, 'list', 'orgs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is in use by process \d+/);
  });
});
