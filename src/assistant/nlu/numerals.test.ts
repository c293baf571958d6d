import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText, parseChineseNumeral } from './numerals.js';

const DIGITS = '零一二三四五六七八九';

/** Writes 1..99,999 the way a shopper would: 十二, 二十五, 三百零五, 兩千, 一萬二千. */
function chinese(value: number): string {
  const units = ['', '十', '百', '千'];
  const write = (part: number): string => {
    let text = '';
    let zero = false;
    for (let power = 3; power >= 0; power -= 1) {
      const digit = Math.floor(part / 10 ** power) % 10;
      if (digit === 0) {
        zero = text !== '';
        continue;
      }
      if (zero) text += '零';
      zero = false;
      text += `${digit === 2 && power >= 2 ? '兩' : DIGITS[digit]}${units[power]}`;
    }
    return text.startsWith('一十') ? text.slice(1) : text;
  };
  const tenThousands = Math.floor(value / 10_000);
  const rest = value % 10_000;
  if (tenThousands === 0) return write(rest);
  return `${write(tenThousands)}萬${rest > 0 && rest < 1000 ? '零' : ''}${write(rest)}`;
}

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['兩', 2],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['一百', 100],
    ['三千', 3000],
    ['兩萬', 20_000],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('reads every number from 1 to 99,999 as written in Chinese', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (value) => {
        expect(parseChineseNumeral(chinese(value))).toBe(value);
      }),
    );
  });

  it('refuses text that is not a numeral', () => {
    expect(parseChineseNumeral('登山')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });
});

describe('numberText', () => {
  it('reads digits with commas, a k suffix and Chinese numerals as decimal text', () => {
    expect(numberText('1,200')).toBe('1200');
    expect(numberText('3k')).toBe('3000');
    expect(numberText('49.99')).toBe('49.99');
    expect(numberText('兩千')).toBe('2000');
    expect(numberText('many')).toBeUndefined();
  });
});
