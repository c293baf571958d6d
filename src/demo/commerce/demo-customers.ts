/**
 * The demo store's shoppers: Taiwanese addresses with six-digit (3+3) postal codes, saved
 * sandbox payment tokens, and the tiers and tags the promotions and return windows read.
 * A sandbox token can be saved for one customer only, so each test card belongs to one person.
 */
import type { CustomerInput } from '../../customers/index.js';

export interface DemoCustomer {
  /** Stored as the customer's name: what a shopper types to identify with a postal code. */
  readonly name: string;
  /** The name in the other script, for docs and the summary. */
  readonly otherName: string;
  readonly input: CustomerInput & { readonly email: string };
  /** Issued once, shown in the seed summary. */
  readonly giftCard?: { readonly code: string; readonly balance: number };
  /** Store credit in minor units, credited once. */
  readonly storeCredit?: number;
}

const NT = (dollars: number) => dollars * 100;
const CARD_EXPIRY = { expMonth: 12, expYear: 2030 } as const;

function customer(
  names: { name: string; otherName: string },
  input: Omit<CustomerInput, 'name'> & { email: string },
  extra: Pick<DemoCustomer, 'giftCard' | 'storeCredit'> = {},
): DemoCustomer {
  return { ...names, input: { name: names.name, ...input }, ...extra };
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  customer(
    { name: '林怡君', otherName: 'Lin Yi-chun' },
    {
      email: 'yichun.lin@example.com',
      externalId: 'DEMO-C001',
      phone: '0912-345-678',
      tier: 'vip',
      tags: ['hiking', 'newsletter'],
      locale: 'zh-TW',
      marketingConsent: true,
      addresses: [
        {
          label: '家',
          name: '林怡君',
          line1: '復興南路一段 107 巷 5 號 3 樓',
          city: '台北市',
          region: '大安區',
          postalCode: '106410',
          country: 'TW',
          phone: '0912-345-678',
        },
      ],
      paymentMethods: [
        {
          token: 'pm_card_visa',
          kind: 'card',
          brand: 'visa',
          last4: '4242',
          ...CARD_EXPIRY,
          isDefault: true,
        },
        { token: 'pm_wallet_paypal', kind: 'wallet', brand: 'paypal' },
      ],
    },
  ),
  customer(
    { name: '陳志明', otherName: 'Chen Chih-ming' },
    {
      email: 'chihming.chen@example.com',
      externalId: 'DEMO-C002',
      phone: '0928-111-222',
      tier: 'member',
      tags: ['trail-running'],
      locale: 'zh-TW',
      addresses: [
        {
          label: '家',
          name: '陳志明',
          line1: '文化路二段 182 號 7 樓',
          city: '新北市',
          region: '板橋區',
          postalCode: '220201',
          country: 'TW',
          phone: '0928-111-222',
        },
      ],
      paymentMethods: [
        { token: 'pm_card_mastercard', kind: 'card', brand: 'mastercard', last4: '4444', ...CARD_EXPIRY },
      ],
    },
  ),
  customer(
    { name: '王美玲', otherName: 'Wang Mei-ling' },
    {
      email: 'meiling.wang@example.com',
      externalId: 'DEMO-C003',
      phone: '0933-456-789',
      tier: 'member',
      tags: ['running', 'yoga'],
      locale: 'zh-TW',
      addresses: [
        {
          label: '家',
          name: '王美玲',
          line1: '英才路 530 號 12 樓之 3',
          city: '台中市',
          region: '西區',
          postalCode: '403003',
          country: 'TW',
          phone: '0933-456-789',
        },
      ],
    },
    { storeCredit: NT(500) },
  ),
  customer(
    { name: '張家豪', otherName: 'Chang Chia-hao' },
    {
      email: 'chiahao.chang@example.com',
      externalId: 'DEMO-C004',
      phone: '0955-246-810',
      tags: ['camping'],
      locale: 'zh-TW',
      addresses: [
        {
          label: '家',
          name: '張家豪',
          line1: '中華五路 789 號 15 樓',
          city: '高雄市',
          region: '前鎮區',
          postalCode: '806010',
          country: 'TW',
          phone: '0955-246-810',
        },
      ],
    },
    { giftCard: { code: 'STDEMOGIFT2000', balance: NT(2000) } },
  ),
  customer(
    { name: '黃淑芬', otherName: 'Huang Shu-fen' },
    {
      email: 'shufen.huang@example.com',
      externalId: 'DEMO-C005',
      phone: '0910-135-790',
      tier: 'vip',
      tags: ['alpine', 'newsletter'],
      locale: 'zh-TW',
      marketingConsent: true,
      addresses: [
        {
          label: '家',
          name: '黃淑芬',
          line1: '東寧路 210 號 4 樓',
          city: '台南市',
          region: '東區',
          postalCode: '701004',
          country: 'TW',
          phone: '0910-135-790',
        },
      ],
      paymentMethods: [{ token: 'pm_card_amex', kind: 'card', brand: 'amex', last4: '8431', ...CARD_EXPIRY }],
    },
  ),
  customer(
    { name: '李冠廷', otherName: 'Lee Kuan-ting' },
    {
      email: 'kuanting.lee@example.com',
      externalId: 'DEMO-C006',
      phone: '0987-654-321',
      tier: 'member',
      tags: ['climbing'],
      locale: 'zh-TW',
      addresses: [
        {
          label: '公司',
          name: '李冠廷',
          line1: '光復路二段 101 號',
          city: '新竹市',
          region: '東區',
          postalCode: '300044',
          country: 'TW',
          phone: '0987-654-321',
        },
      ],
    },
  ),
  customer(
    { name: 'Emily Carter', otherName: '卡艾蜜' },
    {
      email: 'emily.carter@example.com',
      externalId: 'DEMO-C007',
      phone: '0966-020-304',
      tier: 'member',
      tags: ['hiking', 'english-speaking'],
      locale: 'en',
      addresses: [
        {
          label: 'Home',
          name: 'Emily Carter',
          line1: '5F, No. 20, Ln. 1, Songren Rd.',
          city: 'Taipei City',
          region: 'Xinyi Dist.',
          postalCode: '110208',
          country: 'TW',
          phone: '0966-020-304',
        },
      ],
      paymentMethods: [
        {
          token: 'pm_card_visa_debit',
          kind: 'card',
          brand: 'visa',
          last4: '5556',
          ...CARD_EXPIRY,
          isDefault: true,
        },
      ],
    },
  ),
  customer(
    { name: '吳佳穎', otherName: 'Wu Chia-ying' },
    {
      email: 'chiaying.wu@example.com',
      externalId: 'DEMO-C008',
      phone: '0920-777-888',
      tags: ['new'],
      locale: 'zh-TW',
      addresses: [
        {
          label: '家',
          name: '吳佳穎',
          line1: '中山路 300 號 2 樓',
          city: '花蓮縣',
          region: '花蓮市',
          postalCode: '970005',
          country: 'TW',
          phone: '0920-777-888',
        },
      ],
    },
  ),
];
