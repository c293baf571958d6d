import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function chat(args: string[], input: string, db: string) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'aisle.js'), 'chat', ...args], {
    cwd: root,
    input,
    env: { ...process.env, AISLE_DB: db, AISLE_LOG_LEVEL: 'silent', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each case starts a real process on the demo store; the first one seeds it.
describe('aisle chat', { timeout: 240_000 }, () => {
  const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'aisle-chat-')), 'aisle.db')}`;

  beforeAll(() => {
    const seeded = chat(['--demo'], '/quit\n', db);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('seeding the demo store');
  }, 240_000);

  it('greets as an AI, answers piped lines, sends a quick reply by its number, shows the cart and leaves', () => {
    const result = chat(['--demo'], 'I need waterproof hiking shoes\n1\n/cart\n/quit\nnever sent\n', db);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).not.toContain('seeding');
    expect(out).toMatch(/^assistant › .*\bAI\b/m);
    expect(out).toContain('you › I need waterproof hiking shoes');

    // The first chip offered after the question is what "1" sends.
    const afterQuestion = out.slice(out.indexOf('you › I need waterproof hiking shoes'));
    const firstChip = /\[1\] (.+?)(?: {3}\[2\]|$)/m.exec(afterQuestion)?.[1];
    expect(firstChip).toBeDefined();
    expect(afterQuestion).toContain(`  → ${firstChip}`);

    expect(out).toContain('you › /cart');
    expect(out).toContain('Your cart is empty.');
    expect(out.trimEnd().endsWith('Bye!')).toBe(true);
    expect(out).not.toContain('never sent');
    // Piped output is plain text: no terminal colour codes.
    expect(out).not.toContain('\u001b[');
  });

  it('speaks Traditional Chinese with --lang zh-TW, draws product cards with price and stock, and restarts', () => {
    const result = chat(['--lang', 'zh-TW'], '我想買防水登山鞋\n都可以\n/restart\n/quit\n', db);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toContain('你 › 我想買防水登山鞋');
    expect(out).toMatch(/^ {2}1\. .+$\n^ {5}\$[\d,]+/m);
    expect(out).toMatch(/^ {5}(有貨|只剩|缺貨)/m);
    expect(out.match(/^AI 助理 › 嗨/gm)).toHaveLength(2);
    expect(out.trimEnd().endsWith('再見！')).toBe(true);
  });

  it('takes a new shopper from a search to a paid order, refusing a card number on the way', () => {
    const answers = [
      'I need a rain jacket',
      'any',
      'add the first to cart',
      '1',
      '1',
      '/checkout',
      'mei@example.com',
      'Mei Lin',
      'No. 7, Sec. 5, Xinyi Rd.',
      'Taipei',
      '110',
      '',
      '1',
      '4242 4242 4242 4242',
      'pm_card_chargeDeclined',
      'pm_card_visa',
      '/cart',
      '/quit',
    ];
    const result = chat([], `${answers.join('\n')}\n`, db);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toMatch(/Cart · 1 item · NT\$[\d,.]+/);
    expect(out).toContain('Country code [TW] › ');
    expect(out).toContain('Please never type a card number here');
    expect(out).toMatch(/declined/);
    const paid = /Paid (NT\$[\d,.]+)\. Your order number is (\S+)\./.exec(out);
    expect(paid).not.toBeNull();
    expect(out.slice(out.indexOf(paid![0]))).toContain('Your cart is empty.');
  });

  it('refuses a language it does not speak', () => {
    const result = chat(['--lang', 'fr'], '', db);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--lang must be one of en, zh-TW');
  });
});
