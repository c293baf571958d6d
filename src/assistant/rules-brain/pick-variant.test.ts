import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../catalog/index.js';
import { defaultSynonymGroups } from '../../catalog/search/index.js';
import { demoSynonyms } from '../../demo/index.js';
import type { Vocabulary } from '../nlu/index.js';
import { createToolbox, type Toolbox } from '../tools/index.js';
import { createToolFixture, sessionContext, type ToolFixture } from '../tools/test-fixtures.js';
import { initialDialogue } from './index.js';
import { pickVariant, wantedValues } from './pick-variant.js';
import { storeVocabulary, testBrain } from './test-conversation.js';
import type { RulesTurn } from './types.js';

let fixture: ToolFixture;
let toolbox: Toolbox;
let vocabulary: Vocabulary;
let shoe: Product;

beforeAll(async () => {
  fixture = await createToolFixture();
  toolbox = createToolbox(fixture.services);
  vocabulary = await storeVocabulary(fixture.services, [...defaultSynonymGroups, ...demoSynonyms]);
  const found = await fixture.services.catalog.findProductByHandle('nordkamm-aura-mid-wp-men');
  if (found === null) throw new Error('demo shoe missing');
  shoe = found;
}, 60_000);
afterAll(() => fixture.services.close());

function turn(text: string): RulesTurn {
  const context = sessionContext();
  const brain = testBrain(vocabulary, 'TWD');
  const understanding = brain.understand(text, { dialogue: initialDialogue, locale: 'en' });
  return {
    text,
    understanding,
    language: understanding.language,
    dialogue: initialDialogue,
    context,
    runTool: (name, input) => toolbox.runTool(name, input, context),
  };
}

describe('picking the variant a message names', () => {
  it('chooses the variant with the colour and size named, with its stock', async () => {
    const message = turn('black in size 27');
    const choice = await pickVariant(message.runTool, shoe.id, message);
    expect(choice.kind).toBe('chosen');
    if (choice.kind !== 'chosen') return;
    const variant = shoe.variants.find((v) => v.id === choice.variantId);
    expect(variant?.optionValues).toEqual(['Black', '27']);
    const stock = await fixture.services.inventory.availability([choice.variantId]);
    expect(choice.available).toBe(stock.get(choice.variantId)?.available);
  });

  it('names the option still open, offering the values in stock', async () => {
    const message = turn('the black one');
    const choice = await pickVariant(message.runTool, shoe.id, message);
    expect(choice).toMatchObject({ kind: 'missing', option: 'Size' });
    if (choice.kind !== 'missing') return;
    const black = shoe.variants.filter((v) => v.optionValues[0] === 'Black');
    const stock = await fixture.services.inventory.availability(black.map((v) => v.id));
    const inStock = black.filter((v) => (stock.get(v.id)?.available ?? 0) > 0).map((v) => v.optionValues[1]);
    expect(choice.values).toEqual(inStock);
  });

  it('leaves an option open rather than guess between two values, and ignores a size the product lacks', async () => {
    const two = turn('in black or olive, size 25');
    expect(await pickVariant(two.runTool, shoe.id, two)).toMatchObject({ kind: 'missing', option: 'Color' });
    const unknown = turn('brown in size 99');
    expect(await pickVariant(unknown.runTool, shoe.id, unknown)).toMatchObject({
      kind: 'missing',
      option: 'Size',
    });
  });
});

describe('wantedValues', () => {
  const packs = [{ name: 'Pack', values: ['1 pair', '3 pairs'] }];

  it('reads a pack said as a pack, in either language', () => {
    expect(wantedValues('兩雙，單雙裝就好', [], packs)).toEqual({ Pack: '1 pair' });
    expect(wantedValues('要三雙裝的', [], packs)).toEqual({ Pack: '3 pairs' });
    expect(wantedValues('two of them, single pairs', [], packs)).toEqual({ Pack: '1 pair' });
    expect(wantedValues('the 3-pack please', [], packs)).toEqual({ Pack: '3 pairs' });
  });

  it('reads a bare count as how many, not which pack', () => {
    expect(wantedValues('拿三雙', [], packs)).toEqual({});
    expect(wantedValues('three pairs please', [], packs)).toEqual({});
  });
});
