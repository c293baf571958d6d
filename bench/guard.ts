/**
 * Latency of the grounding guard on typical replies (`npx tsx bench/guard.ts`): p50 and p99 of
 * `verify` over the labelled drafts and a longer four-sentence reply, as a markdown table.
 */
import { verify } from '../src/assistant/guard/index.js';
import { labelledDrafts } from '../src/assistant/guard/labelled-drafts.js';
import { SAMPLE_TODAY, sampleFactSet } from '../src/assistant/guard/sample-facts.js';

const facts = sampleFactSet();
const rounds = 2_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function run(name: string, drafts: readonly { draft: string; locale: string }[]): string {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const { draft, locale } = drafts[i % drafts.length] ?? { draft: '', locale: 'en' };
    const start = process.hrtime.bigint();
    verify(draft, facts, { locale, currency: 'TWD', today: SAMPLE_TODAY });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return `| ${name} | ${percentile(times, 0.5).toFixed(3)} | ${percentile(times, 0.99).toFixed(3)} |`;
}

const clean = labelledDrafts.filter((d) => d.planted === undefined);
const planted = labelledDrafts.filter((d) => d.planted !== undefined);
const long = [
  {
    locale: 'en',
    draft:
      'The Aisle Trail Runner GTX is NT$3,280, down from NT$4,100 (20% off). Size 27 has only 2 left at Taipei Xinyi. ' +
      'With code WELCOME10 your total comes to NT$3,052, and Home delivery takes 2–3 business days. ' +
      'Shoes can be returned within 30 days of delivery.',
  },
  {
    locale: 'zh-TW',
    draft:
      '越野跑鞋 GTX 售價 NT$3,280，原價 NT$4,100。台北信義店還有2雙。輸入優惠碼 WELCOME10 可享九折，含稅總計 NT$3,052。預計3月6日前送達，鞋類商品30天內可退貨。',
  },
];

run('warm-up', labelledDrafts);
console.log('| replies | p50 ms | p99 ms |\n|---|---:|---:|');
console.log(run('clean two-sentence drafts', clean));
console.log(run('drafts with a planted error (with repair)', planted));
console.log(run('four-sentence replies, en and zh-TW', long));
