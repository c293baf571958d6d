/** Which cart or order lines a message names, in both languages and for any catalog's titles. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../nlu/index.js';
import { bareTurn as turn } from './test-turn.js';
import { linesNamed, whichLines } from './which-lines.js';

const mug = { title: '保溫露營杯 350 ml', options: ['Sand'] };
const fleece = { title: '合歡山刷毛外套', options: ['Navy', 'M'] };
const socks = { title: 'Merino Hiker Crew Socks', options: ['Black', 'M'] };
const greySocks = { title: 'Merino Hiker Crew Socks', options: ['Grey', 'M'] };

function term(value: string, kind: 'option' | 'productType', text = value): Entity {
  return { type: 'catalog', kind, value, start: 0, end: text.length, text };
}

describe('which lines a message names', () => {
  it('reads Chinese words the vocabulary does not know against the titles, in order', () => {
    expect(linesNamed(turn('保溫杯不要了，幫我從購物車拿掉'), [fleece, mug])).toEqual([mug]);
  });

  it('prefers the line most of the words describe', () => {
    const black = turn('remove the black socks', [term('Black', 'option'), term('Socks', 'productType')]);
    expect(whichLines(black, [greySocks, socks])).toEqual([socks]);
  });

  it('picks by ordinal, and returns every line when nothing singles one out', () => {
    const second: Entity = {
      type: 'reference',
      reference: { kind: 'ordinal', position: 2 },
      start: 0,
      end: 6,
      text: '第二個',
    };
    expect(whichLines(turn('第二個', [second]), [fleece, mug])).toEqual([mug]);
    expect(whichLines(turn('移除'), [fleece, mug])).toEqual([fleece, mug]);
  });
});
