/**
 * A handoff taken over from the console, with two browsers' worth of people: a shopper on the
 * demo storefront (one browser context, chatting in the widget) asks for a person; a staff member
 * (another context, signed in to the console) sees the request in the queue, takes it over and
 * writes; the widget shows it live and the shopper answers; the console shows the answer live;
 * after the hand-back the assistant answers in the widget again. Along the way the transcript
 * shows, per assistant reply, the tools called and the facts returned.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { STAFF_NAME, signIn } from './console-support.js';
import { WidgetDriver } from './widget-driver.js';

describeBrowser('staff console handoff', () => {
  let server: DemoServer;
  let browser: Browser;
  let staffContext: BrowserContext;
  let shopperContext: BrowserContext;
  let desk: Page;
  let errors: string[];
  let shopperPage: Page;
  let widget: WidgetDriver;
  let sessionId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    [staffContext, shopperContext] = await Promise.all([
      browser.newContext({ viewport: { width: 1360, height: 900 } }),
      browser.newContext(),
    ]);
    desk = await staffContext.newPage();
    await signIn(desk, server);
    // From here on, nothing may fail: before sign-in the console learns "nobody" from a 401.
    errors = pageErrors(desk);
    shopperPage = await shopperContext.newPage();
    widget = new WidgetDriver(shopperPage);
    await shopperPage.goto(`${server.baseUrl}/?lang=en`);
    // The greeting is the first message of the session the widget started.
    await widget.rows('assistant').first().waitFor();
    // The storefront's widget started the server's only conversation.
    const [session] = await server.services.assistant.list();
    sessionId = session!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const nav = (page: string) =>
    desk.getByRole('navigation').getByRole('link', { name: new RegExp(`^${page}`) });
  const transcript = () => desk.getByRole('log');
  /** What the assistant last said in the conversation, as the server recorded it. */
  const lastAssistantText = async () =>
    (await server.services.assistant.transcript(sessionId)).messages
      .filter((m) => m.role === 'assistant')
      .at(-1)?.text ?? '';
  const messages = (role: string) => transcript().locator(`[data-role="${role}"]`);

  it('shows each assistant reply with the tools it called and the facts they returned', async () => {
    await widget.say('Do you have waterproof jackets?');
    const replyText = await lastAssistantText();

    await nav('Conversations').click();
    await desk.locator(`main table ${linkTo(sessionId)}`).click();
    const answer = messages('assistant')
      .filter({ hasText: opening(replyText) })
      .last();
    await answer.waitFor();

    await answer.getByText('How this reply was made').click();
    const trace = answer.locator('.trace');
    await trace.getByText('Rules brain').first().waitFor();
    const stored = (await server.services.assistant.transcript(sessionId)).messages.at(-1)?.trace;
    expect(stored?.tools.length).toBeGreaterThan(0);
    for (const tool of stored!.tools) await trace.locator('code', { hasText: tool.name }).first().waitFor();
    const factCount = stored!.tools.reduce((sum, tool) => sum + tool.facts.length, 0);
    expect(factCount).toBeGreaterThan(0);
    await screenshot(trace, 'console-trace');
    const showAll = trace.getByRole('button', { name: /^Show all \d+ facts$/ });
    while ((await showAll.count()) > 0) await showAll.first().click();
    expect(await trace.locator('.fact').count()).toBe(factCount);
    expect(await trace.textContent()).toContain(stored!.route);
  });

  it('queues the request for a person, with the reason, and lets staff take it over', async () => {
    await widget.replyTo(() => shopperPage.getByRole('button', { name: 'Talk to a person' }).click());
    expect((await server.services.assistant.transcript(sessionId)).session.status).toBe('waiting');

    await nav('Conversations').click();
    const queued = desk.locator('.queue-item').filter({ has: desk.locator(linkTo(sessionId)) });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Asked for a person');
    expect(await queued.textContent()).toMatch(/waiting \d+/);
    await desk.getByRole('link', { name: /Conversations.*waiting/ }).waitFor();
    await screenshot(desk, 'console-queue');

    await queued.getByRole('link', { name: /Open/ }).click();
    await desk.getByText('The shopper is waiting for a person.').waitFor();
    await desk.getByRole('button', { name: 'Take over' }).click();
    await desk.getByText('You have this conversation.').waitFor();
    // The shopper is told a person joined, by name.
    await widget.log.getByText(STAFF_NAME).first().waitFor();
    const session = await server.services.assistant.transcript(sessionId);
    expect(session.session).toMatchObject({ status: 'staff', staffName: STAFF_NAME });
  });

  it('carries messages both ways while staff has the conversation', async () => {
    const composer = desk.getByLabel('Reply to the shopper');
    await composer.fill('Hi, this is Mei from the store. How can I help?');
    await composer.press('Enter');
    const received = widget.log.locator('.aisle-row-staff').filter({ hasText: 'Mei from the store' });
    await received.waitFor();
    expect(await received.textContent()).toContain(STAFF_NAME);
    expect(await composer.inputValue()).toBe('');

    // While a person has the conversation the assistant stays quiet: the shopper's words go to staff.
    const assistantReplies = await widget.rows('assistant').count();
    await widget.composer.fill('My parcel has not arrived yet.');
    await widget.composer.press('Enter');
    await messages('shopper').filter({ hasText: 'My parcel has not arrived yet.' }).waitFor();
    await widget.settled();
    await screenshot(desk, 'console-takeover');
    await screenshot(shopperPage, 'console-takeover-shopper-widget');
    expect(
      await widget.rows('assistant').count(),
      'no assistant message (not even an empty one) while a person has the conversation',
    ).toBe(assistantReplies);
  });

  it('hands the conversation back, and the assistant answers again', async () => {
    await desk.getByRole('button', { name: 'Hand back to the assistant' }).click();
    await desk.getByText('The assistant is answering.').waitFor();
    const session = await server.services.assistant.transcript(sessionId);
    expect(session.session.status).toBe('assistant');

    const before = await lastAssistantText();
    await widget.say('Do you have hiking socks?');
    const replyText = await lastAssistantText();
    expect(replyText).not.toBe(before);
    await messages('assistant')
      .filter({ hasText: opening(replyText) })
      .last()
      .waitFor();
    await screenshot(desk, 'console-handed-back');
    expect(errors).toEqual([]);
  });

  it('closes the conversation', async () => {
    desk.once('dialog', (dialog) => dialog.accept());
    await desk.getByRole('button', { name: 'Close conversation' }).click();
    await desk.getByText('This conversation is closed.').waitFor();
    expect((await server.services.assistant.transcript(sessionId)).session.status).toBe('closed');

    // The same view in Traditional Chinese, for staff who work in it.
    await desk.getByRole('button', { name: '繁體中文' }).click();
    await desk.getByText('這段對話已結束。').waitFor();
    await screenshot(desk, 'console-conversation-zh-TW');
  });
});

/** The link the console shows for a conversation. */
const linkTo = (sessionId: string) => `a[href="#/conversations/${encodeURIComponent(sessionId)}"]`;

/** The start of a reply, as a page shows it (whitespace collapsed). */
const opening = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 40);
