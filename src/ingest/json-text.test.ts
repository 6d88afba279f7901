import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { jsonDepthExceeds, parseJsonText } from './json-text.js';

describe('parseJsonText', () => {
  it('says where the text stops being JSON and that it looks cut off', () => {
    const text = '{\n  "a": [1, 2,\n';
    expect(() => parseJsonText(text, { file: 'x.json' })).toThrow(InputError);
    try {
      parseJsonText(text, { file: 'x.json' });
    } catch (err) {
      expect((err as Error).message).toMatch(/^x\.json is not valid JSON/);
      expect((err as Error).message).toMatch(/cut off/);
      expect((err as Error).message).toMatch(/line 3/);
    }
  });
  it('names line and column of a syntax error', () => {
    expect(() => parseJsonText('{\n "a": 1,\n "b": x\n}', { file: 'y.json' })).toThrow(
      /line 3, column 7: InvalidSymbol/,
    );
  });
  it('refuses nesting deeper than the limit before parsing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJsonText(deep, { file: 'deep.json' })).toThrow(
      /nested deeper than 64 levels at line 1, column 65/,
    );
  });
  it('ignores brackets inside strings when measuring depth', () => {
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[[[[[["\\' }), 3)).toBeUndefined();
  });
  it('ends a string at the first quote not escaped, however many backslashes come before', () => {
    // In the JSON text, "x\\" ends after an escaped backslash (the brackets after it count) and
    // "q\"[[[[" holds an escaped quote (its brackets do not).
    const text = JSON.stringify({ a: 'x\\', b: [[[[1]]]], c: 'q"[[[[' });
    expect(jsonDepthExceeds(text, 4)).toBe(text.indexOf('[[[[') + 3);
    expect(jsonDepthExceeds(text, 5)).toBeUndefined();
  });
  it('refuses text over the size limit', () => {
    expect(() => parseJsonText('[1,2,3]', { maxBytes: 3, file: 'big.json' })).toThrow(
      /big\.json is larger than the limit of 3 bytes/,
    );
  });
});
