import { describe, expect, it } from 'vitest';
import { PiiVault, redactText, redactValue, restoreValue } from './index.js';

describe('redactText', () => {
  it('replaces an email with a vault token and restores it', () => {
    const vault = new PiiVault();
    const result = redactText('my email is Lin.Yichun+shop@example.com.tw thanks', vault);
    expect(result.redacted).toBe('my email is [email_1] thanks');
    expect(result.clear).toBe('my email is Lin.Yichun+shop@example.com.tw thanks');
    expect(vault.restore(result.redacted)).toBe(result.clear);
  });

  it('finds an email written inside Chinese text', () => {
    const vault = new PiiVault();
    expect(redactText('我的信箱是lin@example.com謝謝', vault).redacted).toBe('我的信箱是[email_1]謝謝');
  });

  it('gives the same value the same token and a new value the next one', () => {
    const vault = new PiiVault();
    redactText('a@example.com', vault);
    const second = redactText('b@example.com or a@example.com', vault);
    expect(second.redacted).toBe('[email_2] or [email_1]');
    expect(second.tokens).toEqual(['[email_2]', '[email_1]']);
  });

  it('tokenizes phone numbers in Taiwanese, international and North American forms', () => {
    const vault = new PiiVault();
    expect(redactText('我的電話是0912-345-678', vault).redacted).toBe('我的電話是[phone_1]');
    expect(redactText('call +886 912 345 678', vault).redacted).toBe('call [phone_2]');
    expect(redactText('(02) 2345-6789', vault).redacted).toBe('[phone_3]');
    expect(redactText('555-123-4567', vault).redacted).toBe('[phone_4]');
  });

  it('leaves order numbers, prices, dates, sizes and postal codes alone', () => {
    const vault = new PiiVault();
    const text = 'order A1001, under NT$3,000, on 2026-11-20, size 42, postal code 106410, 2 pairs';
    expect(redactText(text, vault).redacted).toBe(text);
    expect(vault.size).toBe(0);
  });

  it('removes a Luhn-valid card number for good and keeps it out of the vault', () => {
    const vault = new PiiVault();
    const result = redactText('pay with 4242 4242 4242 4242 please', vault);
    expect(result.redacted).toBe('pay with [card number removed] please');
    expect(result.clear).toBe(result.redacted);
    expect(result.removed).toEqual(['card']);
    expect(JSON.stringify(vault)).not.toContain('4242');
  });

  it('keeps a 16-digit number that fails the Luhn check', () => {
    expect(redactText('ref 4242424242424241', new PiiVault()).removed).toEqual([]);
  });

  it('removes Taiwan national IDs and US social security numbers with valid check digits only', () => {
    const vault = new PiiVault();
    expect(redactText('身分證 A123456789', vault).redacted).toBe('身分證 [ID number removed]');
    expect(redactText('SKU A123456788', vault).removed).toEqual([]);
    expect(redactText('ssn 123-45-6789', vault).redacted).toBe('ssn [ID number removed]');
  });
});

describe('redactValue and restoreValue', () => {
  it('redact tool output and restore tool arguments deep inside objects', () => {
    const vault = new PiiVault();
    const output = redactValue({ customer: { email: 'a@example.com' }, lines: ['0912345678'] }, vault);
    expect(output).toEqual({ customer: { email: '[email_1]' }, lines: ['[phone_1]'] });
    expect(restoreValue({ email: '[email_1]', note: 'call [phone_1]', qty: 2 }, vault)).toEqual({
      email: 'a@example.com',
      note: 'call 0912345678',
      qty: 2,
    });
  });

  it('survives a round trip through JSON', () => {
    const vault = new PiiVault();
    redactText('a@example.com', vault);
    const again = new PiiVault(JSON.parse(JSON.stringify(vault)));
    expect(again.restore('[email_1] [email_9]')).toBe('a@example.com [email_9]');
  });
});
