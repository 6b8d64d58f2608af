import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './money-words.ts';

describe('amounts in words', () => {
  it.each([
    [0, 'không'], [5, 'năm'], [10, 'mười'], [15, 'mười lăm'], [21, 'hai mươi mốt'], [24, 'hai mươi tư'], [25, 'hai mươi lăm'], [105, 'một trăm linh năm'],
    [110, 'một trăm mười'], [1_000, 'một nghìn'], [1_005, 'một nghìn không trăm linh năm'], [1_500_000, 'một triệu năm trăm nghìn'],
    [3_000_000, 'ba triệu'], [9_725_806, 'chín triệu bảy trăm hai mươi lăm nghìn tám trăm linh sáu'], [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [2_000_001, 'hai triệu không trăm linh một'], [1_000_000_000, 'một tỷ'], [12_000_500_000, 'mười hai tỷ năm trăm nghìn'], [1_005_000_000, 'một tỷ không trăm linh năm triệu'],
  ])('%i → %s', (n, words) => { expect(numberInWords(n)).toBe(words); });

  it('writes the sign and the currency, capitalised', () => {
    expect(amountInWords(9_725_806)).toBe('Chín triệu bảy trăm hai mươi lăm nghìn tám trăm linh sáu đồng');
    expect(amountInWords(-3_000_000)).toBe('Âm ba triệu đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });
});
