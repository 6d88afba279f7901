import { describe, expect, it } from 'vitest';
import {
  LAYER_LABELS,
  LAYERS,
  PRIORITIES,
  PRIORITY_LABELS,
  createSchema,
  findParentCycle,
  isValidLei,
  layerNumber,
  outgoingReferences,
  parseInput,
  parseRef,
  InputError,
} from './index.js';

describe('vocabularies', () => {
  it('has the six DOSA layers bottom to top, each with Dutch and English labels', () => {
    expect(LAYERS).toHaveLength(6);
    expect(layerNumber('raw-materials')).toBe(1);
    expect(layerNumber('applications')).toBe(6);
    expect(LAYER_LABELS['soft-infrastructure']).toEqual({ nl: 'Zachte infrastructuur', en: 'Soft infrastructure' });
  });
  it('has the fifteen DOSA policy priorities (ten specific, five cross-cutting) with labels', () => {
    expect(PRIORITIES).toHaveLength(15);
    for (const p of PRIORITIES) expect(PRIORITY_LABELS[p].nl.length).toBeGreaterThan(1);
    expect(PRIORITY_LABELS['office-software'].nl).toBe('Kantoorsoftware');
  });
});

describe('identifiers', () => {
  it('accepts LEIs whose ISO 7064 check digits hold and rejects others', () => {
    // Published LEIs: the GLEIF foundation and ASML Holding N.V.
    expect(isValidLei('506700GE1G29325QX363')).toBe(true);
    expect(isValidLei('724500Y6DUVHQD6OXN27')).toBe(true);
    expect(isValidLei('506700GE1G29325QX364')).toBe(false);
    expect(isValidLei('506700ge1g29325qx363')).toBe(false);
    expect(isValidLei('12345')).toBe(false);
  });
  it('parses references of the known kinds only', () => {
    expect(parseRef('asset:mail-365')).toEqual({ kind: 'asset', id: 'mail-365' });
    expect(parseRef('contract:x')).toBeUndefined();
    expect(parseRef('asset:Has Space')).toBeUndefined();
  });
});

describe('schemas', () => {
  it('names the field and the allowed values when an enum is wrong', () => {
    try {
      parseInput(createSchema('asset'), { name: 'Mail', type: 'saas', layers: ['cloud'] }, 'asset');
      expect.fail('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const issue = (err as InputError).issues[0]!;
      expect(issue.path).toEqual(['layers', 0]);
      expect(issue.message).toContain('raw-materials');
    }
  });
  it('rejects unknown fields instead of dropping them', () => {
    const r = createSchema('process').safeParse({ name: 'Burgerzaken', vitaal: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/vitaal/);
  });
  it('only allows the dependency directions of the model', () => {
    const ok = createSchema('dependency').safeParse({ from: 'process:p', to: 'asset:a' });
    expect(ok.success).toBe(true);
    const wrong = createSchema('dependency').safeParse({ from: 'party:p', to: 'asset:a' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['to']);
  });
  it('checks contract dates against each other', () => {
    const r = createSchema('contract').safeParse({
      name: 'C',
      supplierId: 's',
      startDate: '2026-01-01',
      endDate: '2025-01-01',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['endDate']);
  });
});

describe('references', () => {
  it('lists every reference a record makes with the path of its field', () => {
    const refs = outgoingReferences('contract', { supplierId: 'ms', assetIds: ['a', 'b'] });
    expect(refs).toEqual([
      { path: ['supplierId'], kind: 'party', id: 'ms' },
      { path: ['assetIds', 0], kind: 'asset', id: 'a' },
      { path: ['assetIds', 1], kind: 'asset', id: 'b' },
    ]);
    expect(outgoingReferences('measure', { targets: ['process:p', 'asset:a'] })).toEqual([
      { path: ['targets', 0], kind: 'process', id: 'p' },
      { path: ['targets', 1], kind: 'asset', id: 'a' },
    ]);
  });
  it('finds ownership cycles and accepts forests', () => {
    expect(
      findParentCycle(
        new Map([
          ['a', 'b'],
          ['b', 'c'],
          ['c', undefined],
        ]),
      ),
    ).toBeUndefined();
    expect(
      findParentCycle(
        new Map([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'c']);
    expect(
      findParentCycle(
        new Map([
          ['x', 'a'],
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b']);
  });
});
