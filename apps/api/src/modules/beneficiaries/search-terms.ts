import { BadRequestException } from '@nestjs/common';

/** What one search box can hold: names, a birth date `jj/mm/aaaa`, a phone number, a file number. */
export interface SearchTerms {
  names: string[];
  birthDate?: string;
  /** Leading digits of a phone number, +33 folded to 0. */
  phonePrefix?: string;
  fileNumber?: number;
}

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const FILE_NUMBER = /^d-?(\d{1,9})$/i;
const DIGITS = /^\+?[\d.-]+$/;
const MAX_NAME_WORDS = 8;

/** Splits the search box into terms; the order of words does not matter. */
export function parseSearchTerms(query: string): SearchTerms {
  const terms: SearchTerms = { names: [] };
  const digitGroups: string[] = [];
  for (const word of query.split(/\s+/).filter(Boolean)) {
    const date = DATE.exec(word);
    const fileNumber = FILE_NUMBER.exec(word);
    if (date) terms.birthDate = isoDate(date[3], date[2], date[1]);
    else if (fileNumber) terms.fileNumber = Number(fileNumber[1]);
    else if (DIGITS.test(word)) digitGroups.push(word);
    else terms.names.push(word);
  }
  if (terms.names.length > MAX_NAME_WORDS) {
    throw new BadRequestException({ detail: `Cherchez avec ${MAX_NAME_WORDS} mots au plus.` });
  }
  // "06 12 34" is one phone number typed in groups; a lone short number is a file number.
  const digits = digitGroups.join('').replace(/\D/g, '');
  const international = /^(00|\+)?33/.test(digitGroups.join('')) && digits.length > 2;
  if (digits.startsWith('0') || international) terms.phonePrefix = international ? `0${digits.replace(/^(00)?33/, '')}` : digits;
  else if (digits) terms.fileNumber = Number(digits.slice(0, 9));
  return terms;
}

function isoDate(year: string, month: string, day: string): string {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso || Number(year) < 1900) {
    throw new BadRequestException({ detail: `La date « ${day}/${month}/${year} » n’existe pas.` });
  }
  return iso;
}
