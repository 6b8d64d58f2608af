/** NFC, whitespace runs inside a line collapsed to one space, lines trimmed, empty lines dropped. */
export function cleanText(s: string): string {
  return s.normalize('NFC').split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim())
    .filter(Boolean).join('\n');
}
