// Vietnamese text utilities shared by server and browser: search keys, collation, clean input.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Zero-width and bidi control characters that sneak in from Word and web copy-paste.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Canonical form for storing names: NFC, invisible characters removed, inner spaces collapsed. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Text of several lines: each line cleaned as by `cleanText`, blank lines dropped, line breaks kept. */
export function cleanLines(input: string): string {
  return input.split('\n').map(cleanText).filter(Boolean).join('\n');
}

/**
 * Search key: lower-case, diacritics removed, đ→d, punctuation folded to spaces.
 * "Phòng Kế hoạch - Tài chính" → "phong ke hoach tai chinh"; "P.QLBHYT&CNTT" → "p qlbhyt cntt".
 */
export function searchKey(input: string): string {
  return cleanText(input)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, ignoring accents and case. */
export function matchesSearch(text: string, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  const haystack = searchKey(text);
  return words.every((w) => haystack.includes(w));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order: Đ after D, Ă and Â after A (not after Z as code points would put them). */
export const compareVi = (a: string, b: string): number => collator.compare(a, b);

/** Sort a copy of `items` by the Vietnamese order of `key(item)`. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(key(a), key(b)));
}

/**
 * People are sorted by given name (the last word), then by the full name, as Vietnamese lists are:
 * "Nguyễn Văn An" comes before "Trần Thị Bình".
 */
export function comparePersonName(a: string, b: string): number {
  const given = (s: string) => cleanText(s).split(' ').pop() ?? '';
  return compareVi(given(a), given(b)) || compareVi(a, b);
}

/**
 * 1234567 → "1.234.567", 89.25 with 1 decimal → "89,3": how Vietnamese documents write numbers, the same on
 * the server and in every browser (no dependence on the ICU data a runtime ships). Trailing zeros are dropped.
 */
export function formatViNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac] = fixed.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const tail = frac && /[1-9]/.test(frac) ? `,${frac.replace(/0+$/, '')}` : '';
  // -0,04 rounds to 0 and must not print as "-0".
  return `${value < 0 && /[1-9]/.test(fixed) ? '-' : ''}${digits}${tail}`;
}
