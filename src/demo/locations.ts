/**
 * Where the demo store keeps stock: a warehouse that ships online orders first, and two shops
 * that sell at the till and hand over online orders for pickup.
 */
import type { LocationInput } from '../inventory/index.js';

export const DEMO_LOCATION_CODES = {
  warehouse: 'TYN-DC',
  taipei: 'TPE-FLAGSHIP',
  taichung: 'TXG-STORE',
} as const;

export function demoLocations(): LocationInput[] {
  return [
    {
      code: DEMO_LOCATION_CODES.warehouse,
      name: { en: 'Taoyuan Warehouse', 'zh-TW': '桃園倉' },
      kind: 'warehouse',
      priority: 10,
      channels: ['online'],
      pickup: false,
      address: '桃園市蘆竹區南崁路二段 88 號 (88 Nankan Rd. Sec. 2, Luzhu Dist., Taoyuan City 338)',
    },
    {
      code: DEMO_LOCATION_CODES.taipei,
      name: { en: 'Taipei Flagship Store', 'zh-TW': '台北旗艦店' },
      kind: 'store',
      priority: 20,
      channels: ['online', 'pos'],
      pickup: true,
      address: '台北市大安區忠孝東路四段 216 號 (216 Zhongxiao E. Rd. Sec. 4, Da’an Dist., Taipei City 106)',
    },
    {
      code: DEMO_LOCATION_CODES.taichung,
      name: { en: 'Taichung Store', 'zh-TW': '台中店' },
      kind: 'store',
      priority: 30,
      channels: ['online', 'pos'],
      pickup: true,
      address: '台中市西區公益路 158 號 (158 Gongyi Rd., West Dist., Taichung City 403)',
    },
  ];
}
