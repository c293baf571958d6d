/**
 * Drives the shopper's chat widget the way a person does: by its labels and roles, through its
 * shadow root (Playwright's locators pierce open shadow roots). English labels by default; the
 * Chinese test passes its own.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const TURN_MS = 20_000;

export interface WidgetLabels {
  readonly composer: string;
  readonly addToCart: string;
  readonly continue: string;
  readonly pay: RegExp;
  readonly checkout: string;
  readonly email: string;
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly cardNumber: string;
  readonly expiry: string;
  readonly cvc: string;
}

export const ENGLISH: WidgetLabels = {
  composer: 'Message',
  addToCart: 'Add to cart',
  continue: 'Continue',
  pay: /^Pay /,
  checkout: 'Secure checkout',
  email: 'Email',
  name: 'Full name',
  line1: 'Address',
  city: 'City',
  postalCode: 'Postal code',
  cardNumber: 'Card number',
  expiry: 'Expiry (MM/YY)',
  cvc: 'CVC',
};

export const CHINESE: WidgetLabels = {
  composer: '訊息',
  addToCart: '加入購物車',
  continue: '繼續',
  pay: /^付款 /,
  checkout: '安全結帳',
  email: '電子郵件',
  name: '收件人姓名',
  line1: '地址',
  city: '縣市',
  postalCode: '郵遞區號',
  cardNumber: '卡號',
  expiry: '有效期限（MM/YY）',
  cvc: '安全碼',
};

export class WidgetDriver {
  constructor(
    readonly page: Page,
    readonly labels: WidgetLabels = ENGLISH,
  ) {}

  get log(): Locator {
    return this.page.getByRole('log');
  }

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: this.labels.composer, exact: true });
  }

  /** Messages of one role, as the list draws them. */
  rows(role: 'assistant' | 'shopper' | 'system'): Locator {
    return this.log.locator(`.aisle-row-${role}`);
  }

  /** The assistant's latest message. */
  lastReply(): Locator {
    return this.rows('assistant').last();
  }

  /** Waits for the turn in flight (if any) to end: the log stops being busy. */
  async settled(): Promise<void> {
    await expect.poll(() => this.log.getAttribute('aria-busy'), { timeout: TURN_MS }).toBe('false');
  }

  /** Runs `action` (a send, a click) and waits for the assistant's reply to it; the reply keeps its place. */
  async replyTo(action: () => Promise<void>): Promise<Locator> {
    await this.settled();
    const before = await this.rows('assistant').count();
    await action();
    await expect.poll(() => this.rows('assistant').count(), { timeout: TURN_MS }).toBeGreaterThan(before);
    await this.settled();
    return this.rows('assistant').nth((await this.rows('assistant').count()) - 1);
  }

  say(text: string): Promise<Locator> {
    return this.replyTo(async () => {
      await this.composer.fill(text);
      await this.composer.press('Enter');
    });
  }

  /**
   * Answers the assistant's narrowing questions with "any" until it shows products, and returns
   * the product cards of that reply.
   */
  async findProducts(request: string, skip = 'any'): Promise<Locator> {
    let reply = await this.say(request);
    for (let asked = 0; asked < 4 && (await reply.locator('article').count()) === 0; asked += 1) {
      reply = await this.say(skip);
    }
    const cards = reply.locator('article');
    await cards.first().waitFor();
    return cards;
  }

  /** The first card that has a variant in stock: each picker set to its first value still offered. */
  async chooseAvailableVariant(cards: Locator): Promise<Locator> {
    const count = await cards.count();
    for (let index = 0; index < count; index += 1) {
      const card = cards.nth(index);
      await card.scrollIntoViewIfNeeded();
      // In page order: a colour chosen first narrows the sizes offered after it.
      for (const picker of await card.locator('.aisle-option').all()) {
        const select = picker.locator('select');
        if ((await select.count()) > 0) {
          const value = await select.locator('option:not([disabled])').first().getAttribute('value');
          if (value) await select.selectOption(value);
          continue;
        }
        const choice = picker.locator('button:not([disabled])').first();
        if ((await choice.count()) > 0) await choice.click();
      }
      const add = card.getByRole('button', { name: this.labels.addToCart, exact: true });
      if ((await add.count()) > 0 && (await add.isEnabled())) return card;
    }
    throw new Error('no product card offers a variant in stock');
  }

  /** Picks a variant on the first card that can sell one and adds it; waits for the assistant's answer. */
  async addFirstAvailable(cards: Locator): Promise<Locator> {
    const card = await this.chooseAvailableVariant(cards);
    return this.replyTo(() => card.getByRole('button', { name: this.labels.addToCart, exact: true }).click());
  }

  get checkoutSheet(): Locator {
    return this.page.getByRole('dialog', { name: this.labels.checkout });
  }

  /** Fills the checkout's address step (a Taipei address) and continues to delivery and payment. */
  async fillAddressAndDelivery(email: string): Promise<void> {
    const sheet = this.checkoutSheet;
    const labels = this.labels;
    await sheet.getByLabel(labels.name, { exact: true }).waitFor();
    const emailField = sheet.getByLabel(labels.email, { exact: true });
    if ((await emailField.count()) > 0) await emailField.fill(email);
    await sheet.getByLabel(labels.name, { exact: true }).fill('Lin Mei');
    await sheet.getByLabel(labels.line1, { exact: true }).fill('No. 7, Sec. 1, Zhongshan Rd');
    await sheet.getByLabel(labels.city, { exact: true }).fill('Taipei');
    await sheet.getByLabel(labels.postalCode, { exact: true }).fill('100');
    await sheet.getByRole('button', { name: this.labels.continue }).click();
    await sheet.getByRole('radio').first().waitFor();
    await sheet.getByRole('button', { name: this.labels.continue }).click();
    await sheet.getByRole('button', { name: this.labels.pay }).waitFor();
  }

  /** Types a card into the payment step and pays. */
  async payWithCard(number: string): Promise<void> {
    const sheet = this.checkoutSheet;
    const labels = this.labels;
    await sheet.getByLabel(labels.cardNumber, { exact: true }).fill(number);
    await sheet.getByLabel(labels.expiry, { exact: true }).fill('12/34');
    await sheet.getByLabel(labels.cvc, { exact: true }).fill('123');
    await sheet.getByRole('button', { name: this.labels.pay }).click();
  }
}
