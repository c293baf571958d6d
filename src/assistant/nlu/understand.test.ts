import { beforeAll, describe, expect, it } from 'vitest';
import { entityKey } from './entity-key.js';
import { evaluationCatalogs } from './eval/evaluation-catalogs.js';
import type { NluCatalog } from './evaluate-nlu.js';
import type { ConversationState, Intent } from './types.js';
import { understand } from './understand.js';

let catalogs: Record<string, NluCatalog>;
beforeAll(async () => {
  catalogs = await evaluationCatalogs();
});

function read(catalog: string, text: string, state?: ConversationState) {
  const { vocabulary, currency } = catalogs[catalog]!;
  const understanding = understand(text, { vocabulary, currency, ...(state === undefined ? {} : { state }) });
  return { ...understanding, keys: understanding.entities.map(entityKey) };
}

interface Case {
  readonly text: string;
  readonly intent: Intent;
  readonly entities?: readonly string[];
}

/** One English and one Chinese message per intent on each catalog, with the entities each must yield. */
const CASES: Readonly<Record<string, readonly Case[]>> = {
  outdoor: [
    {
      text: 'got any waterproof hiking boots under 3000?',
      intent: 'browse',
      entities: ['tag:waterproof', 'productType:Hiking shoes', 'price:max=3000'],
    },
    {
      text: '有沒有 Nordkamm 的登山鞋 27號',
      intent: 'browse',
      entities: ['brand:Nordkamm', 'productType:Hiking shoes', 'size:27'],
    },
    { text: 'only in forest green', intent: 'refine', entities: ['option:Color=Forest Green'] },
    { text: '只要海軍藍的', intent: 'refine', entities: ['option:Color=Navy'] },
    {
      text: 'aura vs highfell, which is lighter?',
      intent: 'compare',
      entities: ['product:aura', 'product:highfell'],
    },
    {
      text: '第一個跟第三個有什麼不同',
      intent: 'compare',
      entities: ['reference:ordinal=1', 'reference:ordinal=3'],
    },
    { text: 'what is the tent made of', intent: 'ask_attribute', entities: ['productType:Tent'] },
    { text: '這件是什麼材質', intent: 'ask_attribute', entities: ['reference:this'] },
    { text: 'is the headlamp in stock?', intent: 'stock', entities: ['productType:Headlamp'] },
    { text: '頭燈還有庫存嗎', intent: 'stock', entities: ['productType:Headlamp'] },
    {
      text: 'any promo codes for sleeping bags?',
      intent: 'price_promotion',
      entities: ['productType:Sleeping bag'],
    },
    { text: '睡袋有打折嗎', intent: 'price_promotion', entities: ['productType:Sleeping bag'] },
    {
      text: 'add the second one in size 26.5 to my cart',
      intent: 'add_to_cart',
      entities: ['reference:ordinal=2', 'size:26.5'],
    },
    {
      text: '藍色那件給我兩件',
      intent: 'add_to_cart',
      entities: ['option:Color=Blue', 'reference:described', 'quantity:2'],
    },
    {
      text: 'remove the trekking poles from my cart',
      intent: 'remove_from_cart',
      entities: ['productType:Trekking poles'],
    },
    { text: '把睡墊從購物車刪除', intent: 'remove_from_cart', entities: ['productType:Sleeping pad'] },
    {
      text: 'change the socks to 3 pairs',
      intent: 'update_quantity',
      entities: ['productType:Socks', 'quantity:3'],
    },
    { text: '襪子改成兩雙', intent: 'update_quantity', entities: ['productType:Socks', 'quantity:2'] },
    { text: "what's in my cart?", intent: 'view_cart' },
    { text: '購物車裡有什麼', intent: 'view_cart' },
    { text: 'take me to checkout', intent: 'checkout' },
    { text: '我要結帳', intent: 'checkout' },
    { text: 'where is order #A1002?', intent: 'order_status', entities: ['order:A1002'] },
    { text: '訂單 A1002 出貨了嗎', intent: 'order_status', entities: ['order:A1002'] },
    { text: 'please cancel order A1002', intent: 'cancel_order', entities: ['order:A1002'] },
    { text: '我想取消訂單', intent: 'cancel_order' },
    { text: 'I want to return the tent', intent: 'return_order', entities: ['productType:Tent'] },
    { text: '帳篷想退貨', intent: 'return_order', entities: ['productType:Tent'] },
    { text: 'can I exchange the boots for size 28?', intent: 'exchange_order', entities: ['size:28'] },
    { text: '外套可以換M號嗎', intent: 'exchange_order', entities: ['size:M'] },
    // A reason ("the wrong size") alongside a return said outright is still a return.
    { text: '帳篷尺寸不合，想要退貨', intent: 'return_order' },
    { text: 'the boots are the wrong size, I want a refund', intent: 'return_order' },
    { text: '鞋子尺寸不合', intent: 'exchange_order' },
    {
      text: 'could I get two of the tents?',
      intent: 'add_to_cart',
      entities: ['quantity:2', 'productType:Tent'],
    },
    { text: '女兒身高大概140，有沒有帳篷', intent: 'browse', entities: ['productType:Tent', 'size:140'] },
    { text: '好，退那雙鞋就好', intent: 'return_order' },
    { text: 'what is your return policy?', intent: 'policy' },
    { text: '運費怎麼算', intent: 'policy' },
    { text: "I'm Amy Chen, 10491", intent: 'identify', entities: ['name:Amy Chen', 'postalCode:10491'] },
    { text: '我是陳美玲，郵遞區號10491', intent: 'identify', entities: ['name:陳美玲', 'postalCode:10491'] },
    { text: 'hello!', intent: 'greeting' },
    { text: '您好', intent: 'greeting' },
    { text: 'thanks so much', intent: 'thanks' },
    { text: '謝謝你', intent: 'thanks' },
    { text: 'can i talk to a real person', intent: 'human' },
    { text: '請幫我轉真人客服', intent: 'human' },
    { text: 'yes please', intent: 'affirm' },
    { text: '好的', intent: 'affirm' },
    { text: 'no thanks', intent: 'deny' },
    { text: '不用了', intent: 'deny' },
    { text: 'tell me a joke', intent: 'out_of_scope' },
    { text: '今天天氣如何', intent: 'out_of_scope' },
  ],
  kitchen: [
    {
      text: 'nonstick frying pan between 800 and 1200',
      intent: 'browse',
      entities: ['tag:nonstick', 'productType:Frying pan', 'price:range=800-1200'],
    },
    {
      text: '有沒有1000元以內的砧板',
      intent: 'browse',
      entities: ['price:max=1000', 'productType:Cutting board'],
    },
    { text: 'just the sage ones', intent: 'refine', entities: ['option:Color=Sage'] },
    { text: '便宜一點的', intent: 'refine', entities: ['price:cheaper'] },
    {
      text: 'santoku or chef knife for a beginner?',
      intent: 'compare',
      entities: ['productType:Santoku knife', 'productType:Chef knife'],
    },
    {
      text: '炒鍋還是平底鍋比較好',
      intent: 'compare',
      entities: ['productType:Wok', 'productType:Frying pan'],
    },
    {
      text: 'is the dutch oven dishwasher safe?',
      intent: 'ask_attribute',
      entities: ['productType:Dutch oven'],
    },
    { text: '砧板是什麼材質', intent: 'ask_attribute', entities: ['productType:Cutting board'] },
    {
      text: 'is the copper kettle available?',
      intent: 'stock',
      entities: ['option:Color=Copper', 'productType:Kettle'],
    },
    {
      text: '1L 的保鮮罐有現貨嗎',
      intent: 'stock',
      entities: ['option:Capacity=1 L', 'productType:Storage jar'],
    },
    {
      text: 'can I use KITCHEN20 on the wok?',
      intent: 'price_promotion',
      entities: ['coupon:KITCHEN20', 'productType:Wok'],
    },
    { text: '主廚刀多少錢', intent: 'price_promotion', entities: ['productType:Chef knife'] },
    {
      text: "I'll take 2 storage jars",
      intent: 'add_to_cart',
      entities: ['quantity:2', 'productType:Storage jar'],
    },
    { text: '我要紅色那個', intent: 'add_to_cart', entities: ['option:Color=Red', 'reference:described'] },
    { text: 'take the apron out of my cart', intent: 'remove_from_cart', entities: ['productType:Apron'] },
    { text: '圍裙不要了', intent: 'remove_from_cart', entities: ['productType:Apron'] },
    { text: 'make it 4 jars', intent: 'update_quantity', entities: ['quantity:4'] },
    {
      text: '抹布數量改成三條',
      intent: 'update_quantity',
      entities: ['productType:Tea towel', 'quantity:3'],
    },
    { text: 'show me my cart', intent: 'view_cart' },
    { text: '看一下購物車', intent: 'view_cart' },
    { text: 'ready to pay', intent: 'checkout' },
    { text: '可以刷卡結帳嗎', intent: 'checkout' },
    { text: 'has my kettle shipped?', intent: 'order_status', entities: ['productType:Kettle'] },
    { text: '#A1201 到哪了', intent: 'order_status', entities: ['order:A1201'] },
    { text: 'cancel #A1201', intent: 'cancel_order', entities: ['order:A1201'] },
    { text: '請取消訂單 A1201', intent: 'cancel_order', entities: ['order:A1201'] },
    {
      text: 'the pan arrived dented, refund please',
      intent: 'return_order',
      entities: ['category:Cookware'],
    },
    { text: '鍋子想退款', intent: 'return_order', entities: ['category:Cookware'] },
    { text: 'swap the 24 cm pan for the 28 cm', intent: 'exchange_order', entities: ['size:24', 'size:28'] },
    {
      text: '便當盒想換黑色',
      intent: 'exchange_order',
      entities: ['productType:Lunch box', 'option:Color=Black'],
    },
    { text: 'do you ship to Kaohsiung?', intent: 'policy' },
    { text: '刀具有保固嗎', intent: 'policy', entities: ['category:Knives'] },
    { text: 'my email is kevin.wu@example.tw', intent: 'identify', entities: ['email:kevin.wu@example.tw'] },
    { text: '我叫林志豪', intent: 'identify', entities: ['name:林志豪'] },
    { text: 'hey there', intent: 'greeting' },
    { text: '哈囉', intent: 'greeting' },
    { text: 'cheers, thanks', intent: 'thanks' },
    { text: '感謝', intent: 'thanks' },
    { text: 'customer service please', intent: 'human' },
    { text: '找客服', intent: 'human' },
    { text: 'sure', intent: 'affirm' },
    { text: '可以', intent: 'affirm' },
    { text: 'nope', intent: 'deny' },
    { text: '算了', intent: 'deny' },
    { text: 'translate this poem', intent: 'out_of_scope' },
    { text: '幫我寫作業', intent: 'out_of_scope' },
  ],
};

describe('understand', () => {
  for (const [catalog, cases] of Object.entries(CASES)) {
    describe(`on the ${catalog} catalog`, () => {
      for (const example of cases) {
        it(`reads "${example.text}" as ${example.intent}`, () => {
          const understanding = read(catalog, example.text);
          expect(understanding.intent).toBe(example.intent);
          expect(understanding.keys).toEqual(expect.arrayContaining([...(example.entities ?? [])]));
        });
      }
    });
  }

  it('covers every intent in both languages on both catalogs', () => {
    for (const cases of Object.values(CASES)) {
      const english = new Set(
        cases.filter((example) => !/\p{Script=Han}/u.test(example.text)).map((c) => c.intent),
      );
      const chinese = new Set(
        cases.filter((example) => /\p{Script=Han}/u.test(example.text)).map((c) => c.intent),
      );
      expect(english.size).toBe(23);
      expect(chinese.size).toBe(23);
    }
  });

  it('detects the language, and mixed text', () => {
    expect(read('outdoor', 'show me tents').language).toBe('en');
    expect(read('outdoor', '有沒有帳篷').language).toBe('zh-TW');
    const mixed = read('outdoor', '有 Nordkamm 的 hiking boots 嗎');
    expect(mixed).toMatchObject({ language: 'zh-TW', mixed: true });
    expect(mixed.keys).toEqual(expect.arrayContaining(['brand:Nordkamm', 'productType:Hiking shoes']));
  });

  it('ties each entity to the text it came from', () => {
    const text = '想找不沾的平底鍋，NT$1,200以下';
    for (const entity of read('kitchen', text).entities) {
      expect(text.slice(entity.start, entity.end)).toBe(entity.text);
    }
    expect(read('kitchen', text).keys).toEqual(['tag:nonstick', 'productType:Frying pan', 'price:max=1200']);
  });

  it('finds catalog terms whole in Chinese, and a single character only as a word of its own', () => {
    expect(read('outdoor', '防水透氣外套').keys).toEqual(['productType:Waterproof jacket']);
    expect(read('outdoor', '我想要黑的').keys).toContain('option:Color=Black');
    expect(read('outdoor', '白天用的頭燈').keys).toEqual(['productType:Headlamp']);
  });

  it('reads catalog words through a typo', () => {
    expect(read('outdoor', 'waterprof sleping bag').keys).toEqual([
      'tag:waterproof',
      'productType:Sleeping bag',
    ]);
    expect(read('kitchen', 'stainles steel stockpot').keys).toEqual([
      'attribute:material=stainless steel',
      'productType:Stockpot',
    ]);
    expect(read('outdoor', 'can I pick it up at the store').keys).toEqual([]);
  });

  it('reads a bare yes or no as the answer to the question just asked', () => {
    const state = { awaitingConfirmation: true };
    expect(read('outdoor', 'ok', state).intent).toBe('affirm');
    expect(read('outdoor', '不要', state).intent).toBe('deny');
  });

  it('reads narrowing words as refining what is on screen, and names as a new search', () => {
    const state = { showingProducts: true };
    expect(read('outdoor', 'waterproof ones', state).intent).toBe('refine');
    expect(read('outdoor', 'show me tents').intent).toBe('browse');
  });

  it('reads "the first and second", "the first two" and "前兩個" as one reference per product', () => {
    const both = ['reference:ordinal=1', 'reference:ordinal=2'];
    expect(read('outdoor', 'compare the first and second').keys).toEqual(both);
    expect(read('outdoor', 'compare the first two').keys).toEqual(both);
    expect(read('outdoor', 'compare the first 2').keys).toEqual(both);
    expect(read('outdoor', '比較前兩個').keys).toEqual(both);
    expect(read('outdoor', 'the first two pairs of socks').keys).toContain('quantity:2');
  });

  it('reads "I wear 26" as a size, and a bare number as one only while products are on screen', () => {
    expect(read('outdoor', 'I wear 26.').keys).toEqual(['size:26']);
    const showing = { showingProducts: true };
    expect(read('outdoor', '27', showing)).toMatchObject({ intent: 'refine', keys: ['size:27'] });
    expect(read('outdoor', '27').keys).toEqual([]);
    expect(read('outdoor', '100', showing).keys).toEqual([]);
  });

  it('reads a postal code only when the shopper is identifying', () => {
    expect(read('outdoor', '10491', { awaitingIdentity: true }).keys).toEqual(['postalCode:10491']);
    expect(read('outdoor', 'tents under 10491').keys).not.toContain('postalCode:10491');
  });

  it('gives a confidence between 0 and 1 and a different runner-up', () => {
    const understanding = read('outdoor', 'is the aura in stock and how much is it?');
    expect(understanding.confidence).toBeGreaterThan(0);
    expect(understanding.confidence).toBeLessThanOrEqual(1);
    expect(understanding.runnerUp?.intent).not.toBe(understanding.intent);
    expect(understanding.runnerUp!.confidence).toBeLessThanOrEqual(understanding.confidence);
    expect(read('outdoor', 'qwertyuiop').confidence).toBeLessThan(0.5);
  });
});
