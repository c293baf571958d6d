/**
 * `aisle chat`: talk to the store's assistant in the terminal, against the local store, through
 * the same Assistant the HTTP API uses. Words stream as they are verified; product cards,
 * quick replies (type their number) and the cart are drawn by chat-screen.ts.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Assistant, Reply, ShopperState, Suggestion } from '../../assistant/index.js';
import type { CartService } from '../../cart/index.js';
import { AisleError, ValidationError } from '../../core/index.js';
import { SANDBOX_PAYMENT_METHODS } from '../../payments/index.js';
import { withServices } from '../context.js';
import { seedDemoStore } from '../seed-demo-store.js';
import { checkoutInTerminal } from './chat-checkout.js';
import {
  type ChatLanguage,
  cartSummary,
  createPaint,
  labels,
  renderCard,
  renderCart,
  renderSuggestions,
  statusNotice,
} from './chat-screen.js';
import { databaseOption } from './command-output.js';

const LANGUAGES: readonly ChatLanguage[] = ['en', 'zh-TW'];
// One test card that pays, one that is declined, one that asks for 3-D Secure.
const EXAMPLE_TOKENS = /^pm_card_(visa|chargeDeclined|authenticationRequired)$/;

export interface ChatOptions {
  readonly assistant: Assistant;
  readonly cart: CartService;
  /** The sandbox's test tokens to offer at /checkout; null with a real payment provider. */
  readonly testTokens: readonly string[] | null;
  readonly language: ChatLanguage;
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** On when the output is a terminal and NO_COLOR is not set. */
  readonly colour: boolean;
}

/** Runs one conversation (or several, with /restart) until /quit or the end of input. */
export async function runChat(options: ChatOptions): Promise<void> {
  const { assistant, language, output } = options;
  const paint = createPaint(options.colour);
  const text = labels(language);
  const write = (line = '') => output.write(`${line}\n`);
  // A terminal gets a prompt; piped input is echoed, so the output reads as a transcript.
  const prompting = output.isTTY === true;
  const echoing = options.input.isTTY !== true;

  let sessionId = '';
  let suggestions: readonly Suggestion[] = [];
  let cart: ShopperState['cart'] = null;
  let unsubscribe = () => {};

  /** Draws the cards and chips, and the cart line when the cart changed and no card showed it. */
  const showExtras = (reply: Pick<Reply, 'cards' | 'suggestions'>, state: ShopperState) => {
    for (const card of reply.cards) for (const line of renderCard(card, language, paint)) write(line);
    // The widget's checkout form is /checkout here.
    if (reply.cards.some((card) => card.type === 'checkout')) write(paint('dim', `  ${text.checkoutHint}`));
    const changed =
      state.cart !== null &&
      (cart === null ||
        state.cart.itemCount !== cart.itemCount ||
        state.cart.total.amount !== cart.total.amount);
    cart = state.cart;
    if (changed && state.cart !== null && !reply.cards.some((card) => card.type === 'cart')) {
      write(cartSummary(state.cart, language, paint));
    }
    for (const line of renderSuggestions(reply.suggestions, language, paint)) write(line);
    suggestions = reply.suggestions;
  };
  const assistantPrefix = () => output.write(`${paint('bold', paint('cyan', `${text.assistant} ›`))} `);

  const start = async () => {
    unsubscribe();
    const started = await assistant.startSession({ locale: language });
    sessionId = started.sessionId;
    cart = null;
    // What other people do in the session (a person joining, their messages) shows up as it happens.
    unsubscribe = assistant.subscribe(sessionId, (event) => {
      if (event.type === 'status') write(paint('yellow', `  ${statusNotice(event.status, language)}`));
      else if (event.message.role === 'staff') {
        write(
          `${paint('bold', paint('magenta', `${event.message.author ?? 'staff'} ›`))} ${event.message.text}`,
        );
      }
    });
    write(paint('dim', text.help));
    assistantPrefix();
    write(started.greeting.text);
    showExtras(started.greeting, started.state);
  };

  const send = async (message: string) => {
    let streamed = '';
    for await (const event of assistant.turn(sessionId, message)) {
      if (event.type === 'text-delta') {
        if (streamed === '') assistantPrefix();
        streamed += event.text;
        output.write(event.text);
      } else if (event.type === 'reply') {
        if (streamed === '') {
          if (event.reply.text !== '') {
            assistantPrefix();
            write(event.reply.text);
          }
        } else write();
        showExtras(event.reply, event.state);
      }
    }
  };

  const showCart = async () => {
    const view = cart === null ? null : await options.cart.getCart(cart.cartId);
    for (const line of renderCart(view, language, paint)) write(line);
  };

  const lines = createInterface({ input: options.input, terminal: false })[Symbol.asyncIterator]();
  /**
   * The next line typed, trimmed; null at the end of input. Piped input is echoed after its
   * question (blank chat lines are skipped, blank form answers are not: they choose a default).
   */
  const read = async (question: string, form = true): Promise<string | null> => {
    if (prompting) output.write(`${paint('bold', question)} `);
    const next = await lines.next();
    if (next.done) return null;
    const line = next.value.trim();
    if (echoing && (prompting || form || line !== '')) write(prompting ? line : `${question} ${line}`);
    return line;
  };
  const checkout = async () => {
    if (cart === null) {
      for (const line of renderCart(null, language, paint)) write(line);
      return;
    }
    const paid = await checkoutInTerminal({
      cart: options.cart,
      cartId: cart.cartId,
      language,
      paint,
      console: { ask: (question) => read(`${question} ›`), write },
      testTokens: options.testTokens,
    });
    if (paid !== null) cart = null;
  };

  await start();
  for (;;) {
    const line = await read(`${text.you} ›`, false);
    if (line === null || line === '/quit' || line === '/exit') break;
    try {
      if (line === '/restart') await start();
      else if (line === '/cart') await showCart();
      else if (line === '/checkout') await checkout();
      else if (line === '/help') write(paint('dim', text.help));
      else if (line !== '') {
        const chosen = /^\d+$/.test(line) ? suggestions[Number(line) - 1] : undefined;
        if (chosen !== undefined) write(paint('dim', `  → ${chosen.label}`));
        await send(chosen?.text ?? line);
      }
    } catch (error) {
      if (!AisleError.isInstance(error)) throw error;
      write(paint('red', `  ${error.message}`));
      if (error.code === 'session_closed') write(paint('dim', `  ${text.closed}`));
    }
  }
  unsubscribe();
  write(text.bye);
}

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('chat with the store’s assistant in the terminal (/cart, /checkout, /restart, /quit)')
    .option('--lang <locale>', 'the language to start in: en or zh-TW', 'en')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .option('--demo', 'seed the demo store when the catalog is empty, and use its vocabulary')
    .action(async (options: { lang: string; db?: string; demo?: boolean }) => {
      const language = LANGUAGES.find((l) => l.toLowerCase() === options.lang.toLowerCase());
      if (language === undefined) {
        throw new ValidationError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${options.lang}"`);
      }
      await withServices(
        async (services) => {
          if (options.demo && (await services.catalog.count()).products === 0) {
            console.log('first run: seeding the demo store ...');
            await seedDemoStore(services);
          }
          await runChat({
            assistant: services.assistant,
            cart: services.cart,
            testTokens:
              services.config.payments.provider === 'sandbox'
                ? SANDBOX_PAYMENT_METHODS.filter((token) => EXAMPLE_TOKENS.test(token))
                : null,
            language,
            input: process.stdin,
            output: process.stdout,
            colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
          });
        },
        { ...databaseOption(options), demo: options.demo === true },
      );
    });
}
