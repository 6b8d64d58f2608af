// Amounts in words, as Vietnamese finance documents write them under every total ("Bằng chữ: …").
// Accounting usage: "linh" for an empty tens place, "mốt"/"tư"/"lăm" after "mươi", "không trăm" inside a number.

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** Three digits in words; `inner` when a higher group precedes, so "không trăm" and "linh" are spoken. */
function triple(n: number, inner: boolean): string {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (h > 0 || inner) words.push(DIGITS[h], 'trăm');
  if (t === 0 && u > 0 && (h > 0 || inner)) words.push('linh');
  if (t === 1) words.push('mười');
  if (t > 1) words.push(DIGITS[t], 'mươi');
  if (u > 0) {
    if (u === 1 && t > 1) words.push('mốt');
    else if (u === 4 && t > 1) words.push('tư');
    else if (u === 5 && t > 0) words.push('lăm');
    else words.push(DIGITS[u]);
  }
  return words.join(' ');
}

/** Whole non-negative number in words: 1.005 → "một nghìn không trăm linh năm". Groups past tỷ repeat "tỷ". */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`numberInWords: ${value}`);
  if (value === 0) return DIGITS[0];
  if (value >= 1e9) {
    const high = Math.floor(value / 1e9);
    const low = value % 1e9;
    return [numberInWords(high), 'tỷ', low > 0 ? lowerInWords(low, true) : ''].filter(Boolean).join(' ');
  }
  return lowerInWords(value, false);
}

function lowerInWords(value: number, inner: boolean): string {
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
  if (inner) while (groups.length < 3) groups.push(0);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    const higher = i < groups.length - 1 && groups.slice(i + 1).some((x) => x > 0);
    if (g === 0) continue;
    words.push(triple(g, higher || inner));
    if (SCALES[i]) words.push(SCALES[i]);
  }
  return words.join(' ');
}

/** "Chín triệu bảy trăm hai mươi lăm nghìn tám trăm linh sáu đồng"; a negative amount is "Âm …". */
export function amountInWords(value: number): string {
  const text = `${value < 0 ? 'âm ' : ''}${numberInWords(Math.abs(value))} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
