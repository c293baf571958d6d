/**
 * Search synonyms for the demo store: the Chinese names of every colour it sells (option values
 * stay English) and the outdoor words shoppers type in either language.
 */
import { COLOURS } from './colours.js';

const colourGroups: string[][] = Object.entries(COLOURS).map(([name, colour]) => [
  name.toLowerCase(),
  ...colour.zh,
]);

const productWords: string[][] = [
  ['hiking shoes', 'hiking boots', '登山鞋', '健行鞋', '登山靴'],
  ['trail running shoes', 'trail runners', '越野跑鞋', '越野鞋'],
  ['running shoes', 'road running shoes', '跑鞋', '慢跑鞋', '路跑鞋'],
  ['sandals', '涼鞋', '溯溪鞋'],
  ['waterproof jacket', 'rain jacket', 'shell', '防水外套', '防水透氣外套', '雨衣', '風雨衣'],
  ['down jacket', 'puffer', '羽絨外套', '羽絨衣'],
  ['softshell', '軟殼', '軟殼外套'],
  ['windbreaker', 'wind jacket', '防風外套', '風衣'],
  ['fleece', '刷毛', '刷毛外套', '搖粒絨'],
  ['base layer', '排汗衣', '內層衣', '衛生衣'],
  ['merino', '美麗諾', '羊毛'],
  ['pants', 'trousers', '長褲', '登山褲'],
  ['shorts', '短褲'],
  ['backpack', 'pack', '背包', '登山包', '後背包'],
  ['daypack', '小背包', '攻頂包'],
  ['tent', '帳篷', '登山帳'],
  ['sleeping bag', '睡袋'],
  ['sleeping pad', '睡墊', '充氣睡墊'],
  ['trekking poles', '登山杖', '健行杖'],
  ['headlamp', '頭燈'],
  ['lantern', '營燈', '露營燈'],
  ['water bottle', '水壺', '保溫瓶', '水瓶'],
  ['water filter', '濾水器'],
  ['stove', '登山爐', '爐頭'],
  ['socks', '襪子', '登山襪'],
  ['cap', 'hat', '帽子', '防曬帽'],
  ['beanie', '毛帽'],
  ['gloves', '手套'],
  ['sunglasses', '太陽眼鏡', '墨鏡'],
  ['gps watch', 'running watch', 'GPS 手錶', '跑錶', '運動手錶'],
  ['harness', '吊帶', '攀岩吊帶'],
  ['climbing shoes', '攀岩鞋'],
  ['helmet', '頭盔', '岩盔'],
  ['yoga mat', '瑜珈墊', '瑜伽墊'],
  ['leggings', '瑜珈褲', '緊身褲'],
  ['waterproof', '防水'],
  ['ultralight', '超輕量', '輕量化'],
  ['sun protection', 'upf', '防曬'],
  ['gaiters', '綁腿'],
  ['jacket', 'jackets', '外套', '夾克'],
  ['women', "women's", '女', '女生', '女款', '女用'],
  ['men', "men's", '男', '男生', '男款', '男用'],
  ['power bank', 'battery pack', '行動電源'],
  ['leather', '皮革', '真皮'],
];

export const demoSynonyms: readonly (readonly string[])[] = [...colourGroups, ...productWords];
