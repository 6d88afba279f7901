/**
 * Validation of the identifiers parties and organisations carry: ISO country codes, LEI (ISO 17442
 * with ISO 7064 MOD 97-10 check digits), Dutch KvK numbers, EUID.
 */
import { z } from 'zod';

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'use a two-letter ISO 3166-1 country code in capitals, e.g. "NL"');

/** True when `lei` is 20 characters whose MOD 97-10 check (ISO 7064) holds. */
export function isValidLei(lei: string): boolean {
  if (!/^[A-Z0-9]{18}[0-9]{2}$/.test(lei)) return false;
  let rest = 0;
  for (const ch of lei) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

export const leiSchema = z
  .string()
  .refine(isValidLei, 'not a valid LEI: 20 characters, letters and digits, ending in two check digits (ISO 17442)');
export const kvkSchema = z.string().regex(/^[0-9]{8}$/, 'a KvK number has 8 digits');
export const euidSchema = z
  .string()
  .regex(/^[A-Z]{2}[A-Z0-9.]{1,60}$/, 'an EUID starts with the country code of the register, e.g. "NLNHR.12345678"');
export const vatSchema = z.string().regex(/^[A-Z]{2}[A-Z0-9+*]{2,12}$/, 'a VAT number starts with the country code');
