import { describe, expect, it } from 'vitest';
import { cleanText, comparePersonName, formatViNumber, matchesSearch, searchKey, sortVi } from './vietnamese.ts';

describe('searchKey', () => {
  it('drops diacritics and maps đ to d', () => {
    expect(searchKey('Sở Y tế Đồng Tháp')).toBe('so y te dong thap');
    expect(searchKey('Phòng Kế hoạch - Tài chính')).toBe('phong ke hoach tai chinh');
  });
  it('treats precomposed and combining forms alike', () => {
    const nfc = 'Hòa'.normalize('NFC');
    const nfd = 'Hòa'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(searchKey(nfc)).toBe(searchKey(nfd));
    expect(cleanText(nfd)).toBe(nfc);
  });
  it('folds punctuation used in unit abbreviations', () => {
    expect(searchKey('P.QLBHYT&CNTT')).toBe('p qlbhyt cntt');
  });
  it('removes zero-width and bidi marks', () => {
    expect(cleanText('Văn\u200b phòng\u202e  Sở')).toBe('Văn phòng Sở');
  });
});

describe('matchesSearch', () => {
  it('finds Vietnamese text typed without accents', () => {
    expect(matchesSearch('Kế hoạch', 'ke hoach')).toBe(true);
    expect(matchesSearch('Đồng Tháp', 'd')).toBe(true);
    expect(matchesSearch('Bệnh viện Quân dân y', 'quan dan')).toBe(true);
    expect(matchesSearch('Bệnh viện Quân dân y', 'quan doi')).toBe(false);
  });
});

describe('Vietnamese order', () => {
  it('puts Đ after D and Ă, Â after A', () => {
    expect(sortVi(['Zung', 'Đào', 'Dung', 'Ân', 'Anh', 'Ăn'], (s) => s)).toEqual(['Anh', 'Ăn', 'Ân', 'Dung', 'Đào', 'Zung']);
  });
  it('sorts people by given name first', () => {
    const names = ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Đức Anh'];
    expect([...names].sort(comparePersonName)).toEqual(['Nguyễn Văn An', 'Lê Đức Anh', 'Trần Thị Bình']);
  });
});

describe('formatViNumber', () => {
  it('writes numbers as Vietnamese documents do, without a "-0"', () => {
    expect(formatViNumber(1234567)).toBe('1.234.567');
    expect(formatViNumber(89.25, 1)).toBe('89,3');
    expect(formatViNumber(12.5, 2)).toBe('12,5');
    expect(formatViNumber(-0.04, 1)).toBe('0');
    expect(formatViNumber(-5000)).toBe('-5.000');
  });
});
