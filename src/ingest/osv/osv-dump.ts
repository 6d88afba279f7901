/**
 * Reads an offline OSV dump: the `all.zip` the OSV project publishes per ecosystem (one JSON
 * record per entry, e.g. gs://osv-vulnerabilities/Maven/all.zip), a folder of record files, or one
 * record file. Entries are read one at a time, so a dump of any size needs the memory of one record;
 * each entry is size-limited, so a zip bomb stops at the first oversized entry.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { nextZipEntry } from '../zip.js';
import { InputError } from '../../domain/errors.js';
import { parseJsonText } from '../json-text.js';

/** No OSV record comes near this; a bigger entry is refused rather than read. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export interface DumpEntry {
  /** Where the record came from: `all.zip:GHSA-….json` or the file's path. */
  where: string;
  record: unknown;
}

async function readAll(stream: Readable, where: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RECORD_BYTES) {
      stream.destroy();
      throw new InputError(`${where} is larger than ${MAX_RECORD_BYTES} bytes; not an OSV record`, [], where);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const parse = (text: string, where: string) => parseJsonText(text, { file: where, maxBytes: MAX_RECORD_BYTES });

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    throw new InputError(`${path} is not a readable zip file: ${(error as Error).message}`, [], path);
  }
}

/** How many records the dump holds (zip entries or files ending in .json), for progress. */
export async function countDumpEntries(path: string): Promise<number> {
  if (statSync(path).isDirectory()) return readdirSync(path).filter((f) => f.endsWith('.json')).length;
  if (!path.endsWith('.zip')) return 1;
  const zip = await openZip(path);
  const n = zip.entryCount;
  zip.close();
  return n;
}

/** The records of a dump, one at a time. */
export async function* readOsvDump(path: string): AsyncGenerator<DumpEntry> {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const f of readdirSync(path).sort())
      if (f.endsWith('.json')) {
        const where = join(path, f);
        yield { where, record: parse(await readAll(createReadStream(where), where), where) };
      }
    return;
  }
  if (!path.endsWith('.zip')) {
    yield { where: path, record: parse(await readAll(createReadStream(path), path), path) };
    return;
  }
  const zip = await openZip(path);
  try {
    for (;;) {
      const entry = await nextZipEntry(zip);
      if (!entry) return;
      if (entry.fileName.endsWith('/') || !entry.fileName.endsWith('.json')) continue;
      const where = `${path}:${entry.fileName}`;
      if (entry.uncompressedSize > MAX_RECORD_BYTES)
        throw new InputError(`${where} says it is ${entry.uncompressedSize} bytes; not an OSV record`, [], where);
      const stream = await zip.openReadStreamPromise(entry);
      yield { where, record: parse(await readAll(stream, where), where) };
    }
  } finally {
    zip.close();
  }
}
