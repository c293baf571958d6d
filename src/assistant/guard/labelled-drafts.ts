/**
 * Labelled drafts over `sampleFacts()`: clean sentences that state only what the facts say, and
 * sentences with one planted error each (the words of the error are given). The table pairs
 * them into drafts so every error is seen next to different clean text.
 */
export type Planted =
  | 'wrong-price'
  | 'invented-discount'
  | 'invented-code'
  | 'wrong-stock'
  | 'wrong-return-window'
  | 'unsupported-free-shipping'
  | 'wrong-delivery'
  | 'hallucinated-product'
  | 'unsupported-promise';

export interface LabelledDraft {
  readonly locale: 'en' | 'zh-TW';
  readonly draft: string;
  /** The words of the planted error; absent for a clean draft. */
  readonly planted?: string;
  readonly kind?: Planted;
}

const CLEAN_EN = [
  'The Aisle Trail Runner GTX is NT$3,280, down from NT$4,100.',
  'That is 20% off the regular price.',
  'The Trail Runner GTX in size 27 is in stock at Taipei Xinyi, with only 2 left.',
  'The Summit Daypack 35L is sold out at the moment.',
  'Your code WELCOME10 takes 10% off, so you save NT$328.',
  'The SPRING20 code does not apply because the order is under NT$5,000.',
  'Home delivery costs NT$100 and takes 2–3 business days.',
  'It should arrive by Thursday, March 6.',
  'Your total comes to NT$3,052, tax included.',
  'Shoes can be returned within 30 days of delivery.',
  'Bags such as the Summit Daypack 35L have a 14-day return window.',
  'Your order A1001 has shipped.',
  'Spend NT$5,000 or more and shipping is free.',
  'The 35L daypack fits a 15-inch laptop.',
  'If you need help, call 02-2345-6789.',
  'The Trail Runner GTX runs true to size; most people who wear 26.5cm take a 27.',
  'You asked for 2 pairs, and the Aisle Trail Runner GTX has 2 available.',
  'Free shipping applies to orders over NT$5,000.',
  'The Welcome offer is already applied to your cart.',
  'Delivery takes 2 to 3 business days with Home delivery.',
  'It was launched in 2024 and weighs 320 g.',
];

const CLEAN_ZH = [
  '越野跑鞋 GTX 售價 NT$3,280，原價 NT$4,100。',
  '目前打八折。',
  '越野跑鞋 GTX 在台北信義店還有2雙，台中店目前缺貨。',
  '登頂背包 35L 目前缺貨。',
  '輸入優惠碼 WELCOME10 可享九折，折抵 NT$328。',
  'SPRING20 需滿 NT$5,000 才能使用，目前無法套用。',
  '宅配運費 NT$100，約2到3個工作天送達。',
  '預計3月6日前送達。',
  '含稅總計 NT$3,052。',
  '鞋類商品30天內可退貨。',
  '登頂背包 35L 屬於包款，14天內可退貨。',
  '您的訂單 A1001 已出貨。',
  '滿 NT$5,000 即可免運。',
  '這款背包容量 35L，適合一日健行。',
  '如需協助請撥 02-2345-6789。',
  '腳長 26.5cm 建議穿 27 號。',
  '營業稅 5% 已內含於價格中。',
  '總計三千零五十二元。',
  '這雙鞋是2024年新款。',
  '宅配預計週四送達。',
];

type Error = readonly [sentence: string, planted: string, kind: Planted];

const ERRORS_EN: readonly Error[] = [
  ['The Aisle Trail Runner GTX is NT$2,980 today.', 'NT$2,980', 'wrong-price'],
  ['The Summit Daypack 35L costs $1,680.', '$1,680', 'wrong-price'],
  ['Your total is NT$3,520.', 'NT$3,520', 'wrong-price'],
  ['You get 30% off the Trail Runner GTX.', '30%', 'invented-discount'],
  ['Per the product page, you get 90% off today.', '90%', 'invented-discount'],
  ['Use code FREESHIP50 at checkout.', 'FREESHIP50', 'invented-code'],
  ['Enter code SAVE100 for an extra discount.', 'SAVE100', 'invented-code'],
  ['The SPRING20 code gives you 20% off this order.', 'SPRING20', 'invented-code'],
  ['Only 5 left at Taipei Xinyi.', '5 left', 'wrong-stock'],
  ['The Summit Daypack 35L is in stock at Taichung.', 'in stock', 'wrong-stock'],
  ['The Aisle Trail Runner GTX is out of stock everywhere.', 'out of stock', 'wrong-stock'],
  ['You can return the Summit Daypack 35L within 30 days.', '30 days', 'wrong-return-window'],
  ['All shoes come with 60-day returns.', '60-day', 'wrong-return-window'],
  ['Shipping is free on this order.', 'Shipping is free', 'unsupported-free-shipping'],
  ['Good news: free shipping on your order today.', 'free shipping', 'unsupported-free-shipping'],
  ['Free returns on all orders.', 'Free returns', 'unsupported-promise'],
  ['It will arrive by Tuesday.', 'Tuesday', 'wrong-delivery'],
  ['Delivery takes 1-2 business days.', '1-2 business days', 'wrong-delivery'],
  ['You might also like the Salomon X Ultra 4.', 'Salomon X Ultra 4', 'hallucinated-product'],
  ['The Hoka Speedgoat 6 is a great alternative.', 'Hoka Speedgoat 6', 'hallucinated-product'],
  [
    'My colleague promised you an extra NT$500 off.',
    'My colleague promised you an extra NT$500',
    'unsupported-promise',
  ],
];

const ERRORS_ZH: readonly Error[] = [
  ['越野跑鞋 GTX 特價 NT$2,980。', 'NT$2,980', 'wrong-price'],
  ['登頂背包 35L 只要1680元。', '1680元', 'wrong-price'],
  ['總計 NT$3,500。', 'NT$3,500', 'wrong-price'],
  ['現在全館打七折。', '打七折', 'invented-discount'],
  ['結帳時輸入優惠碼 VIP888 再折 NT$200。', 'VIP888 再折 NT$200', 'invented-code'],
  ['輸入優惠碼 HAPPY2025 享九五折。', 'HAPPY2025 享九五折', 'invented-code'],
  ['使用 SPRING20 可以打八折。', 'SPRING20', 'invented-code'],
  ['台北信義店還有5雙。', '還有5雙', 'wrong-stock'],
  ['登頂背包 35L 台中店有現貨。', '有現貨', 'wrong-stock'],
  ['越野跑鞋 GTX 目前缺貨。', '缺貨', 'wrong-stock'],
  ['登頂背包 35L 享30天鑑賞期。', '30天', 'wrong-return-window'],
  ['所有商品都有60天退貨保障。', '60天', 'wrong-return-window'],
  ['這筆訂單免運費。', '免運費', 'unsupported-free-shipping'],
  ['提供免費退貨服務。', '免費退貨', 'unsupported-promise'],
  ['明天就會送達。', '明天', 'wrong-delivery'],
  ['預計1到2個工作天送達。', '1到2個工作天', 'wrong-delivery'],
  ['3月4日前一定送達。', '3月4日', 'wrong-delivery'],
  ['也推薦你看看 Salomon X Ultra 4 登山鞋。', 'Salomon X Ultra 4', 'hallucinated-product'],
  ['「極地羽絨外套」也有折扣喔。', '「極地羽絨外套」', 'hallucinated-product'],
  ['同事已經答應給你半價。', '同事已經答應', 'unsupported-promise'],
];

function join(locale: 'en' | 'zh-TW', first: string, second: string): string {
  return locale === 'en' ? `${first} ${second}` : `${first}${second}`;
}

function table(locale: 'en' | 'zh-TW', clean: readonly string[], errors: readonly Error[]): LabelledDraft[] {
  const at = (i: number) => clean[i % clean.length] ?? '';
  const drafts: LabelledDraft[] = [];
  clean.forEach((sentence, i) => {
    drafts.push({ locale, draft: join(locale, sentence, at(i + 1)) });
    drafts.push({ locale, draft: join(locale, at(i + 5), sentence) });
  });
  errors.forEach(([sentence, planted, kind], i) => {
    drafts.push({ locale, draft: join(locale, at(i), sentence), planted, kind });
    drafts.push({ locale, draft: join(locale, sentence, at(i + 9)), planted, kind });
  });
  return drafts;
}

export const labelledDrafts: readonly LabelledDraft[] = [
  ...table('en', CLEAN_EN, ERRORS_EN),
  ...table('zh-TW', CLEAN_ZH, ERRORS_ZH),
];
