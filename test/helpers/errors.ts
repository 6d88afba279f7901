/**
 * Expecting the InputError an importer throws for bad input: the error itself comes back, so a
 * test can look at its message and issues. A test fails when nothing is thrown or something else is.
 */
import { expect } from 'vitest';
import { InputError } from '../../src/domain/errors.js';

/** The InputError `f` throws. */
export function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** The InputError a promise (or the promise `f` returns) rejects with. */
export async function rejectedInputError(p: Promise<unknown> | (() => Promise<unknown>)): Promise<InputError> {
  const err = await (typeof p === 'function' ? p() : p).then(
    () => new Error('expected an InputError, but the promise resolved'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}
