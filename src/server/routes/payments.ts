/**
 * Payment routes: the sandbox's test-bank 3-D Secure page (the URL its `nextAction` points to),
 * the challenge's JSON completion, and signed webhooks from the configured processor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AisleError, ConflictError, formatMoney, NotFoundError } from '../../core/index.js';
import {
  type Payment,
  type PaymentProvider,
  type SandboxProvider,
  WebhookSignatureError,
} from '../../payments/index.js';
import type { AdminGuard, App } from '../app.js';
import { errorResponses, errorSchema } from '../schemas.js';
import type { AppServices } from '../services.js';

export type PaymentRouteServices = Pick<AppServices, 'payments' | 'logger'>;

type Outcome = 'approve' | 'fail';
type ChallengeOutcome = 'approved' | 'failed';

const challengeParams = z.object({ id: z.string().min(1).max(100) });
const outcomeSchema = z.enum(['approve', 'fail']);
const completedSchema = z.object({
  challengeId: z.string(),
  outcome: z.enum(['approved', 'failed']),
  paymentId: z.string(),
});
const FORM = 'application/x-www-form-urlencoded';
// The page carries no script and posts only to this origin.
const PAGE_SECURITY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'self'";

function sandboxOf(provider: PaymentProvider): SandboxProvider | null {
  return provider.name === 'sandbox' && 'completeChallenge' in provider
    ? (provider as SandboxProvider)
    : null;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

interface ChallengeState {
  readonly payment: Payment;
  readonly outcome: ChallengeOutcome | null;
}

async function findChallenge(sandbox: SandboxProvider, challengeId: string): Promise<ChallengeState> {
  const found = await sandbox.findChallenge(challengeId);
  if (found === null) throw new NotFoundError('challenge', challengeId, 'challenge_not_found');
  return found;
}

const PAGE_STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans TC", sans-serif; }
  body { margin: 0; background: #f3f4f6; color: #111827; }
  main { max-width: 26rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 0.75rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
  h1 { font-size: 1.35rem; margin: 0 0 0.25rem; }
  .subtitle { margin: 0 0 1.5rem; color: #4b5563; }
  .test { display: inline-block; margin-bottom: 1rem; padding: 0.15rem 0.5rem; border-radius: 999px;
    background: #fef3c7; color: #78350f; font-size: 0.85rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.5rem 1rem; margin: 0 0 1.5rem; }
  dt { color: #4b5563; }
  dd { margin: 0; font-weight: 600; }
  form { display: flex; gap: 0.75rem; }
  button { flex: 1; padding: 0.8rem 1rem; border: 2px solid transparent; border-radius: 0.5rem;
    font: inherit; font-weight: 600; cursor: pointer; }
  button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  .approve { background: #166534; color: #fff; }
  .fail { background: #fff; color: #991b1b; border-color: #991b1b; }
  .note { margin: 1.5rem 0 0; font-size: 0.9rem; color: #4b5563; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** English first, Traditional Chinese beside it: the shopper may read either. */
function bilingual(en: string, zhTw: string): string {
  return `${escapeHtml(en)} <span lang="zh-Hant-TW">${escapeHtml(zhTw)}</span>`;
}

const BRAND_NAMES: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  paypal: 'PayPal',
};

function challengePage(challengeId: string, state: ChallengeState): string {
  const { payment } = state;
  const method = payment.paymentMethod;
  const brand = method === null ? '' : (BRAND_NAMES[method.brand] ?? method.brand);
  const card = method === null ? '' : `${brand}${method.last4 === null ? '' : ` •••• ${method.last4}`}`;
  const details = `<dl>
<dt>${bilingual('Amount', '金額')}</dt>
<dd>${escapeHtml(formatMoney(payment.amount, 'en'))}</dd>
${card === '' ? '' : `<dt>${bilingual('Paying with', '付款方式')}</dt>\n<dd>${escapeHtml(card)}</dd>`}
</dl>`;
  const header = `<p class="test">${bilingual('Test mode — no real money moves', '測試模式：不會實際扣款')}</p>
<h1>Test bank 3-D Secure</h1>
<p class="subtitle" lang="zh-Hant-TW">測試銀行 3-D Secure 驗證</p>
${details}`;
  if (state.outcome !== null || payment.status !== 'requires_action') {
    return page(
      'Test bank 3-D Secure',
      `${header}
<p role="status">${bilingual('This challenge was already completed.', '此驗證已完成。')}</p>
<p class="note">${bilingual('Return to the store to finish your order.', '請回到商店完成訂單。')}</p>`,
    );
  }
  const action = `/v1/payments/sandbox/challenges/${encodeURIComponent(challengeId)}`;
  return page(
    'Test bank 3-D Secure',
    `${header}
<p>${bilingual('Confirm this purchase to your bank.', '請向您的銀行確認此筆交易。')}</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" class="approve" name="outcome" value="approve">${bilingual('Approve', '核准')}</button>
<button type="submit" class="fail" name="outcome" value="fail">${bilingual('Fail', '驗證失敗')}</button>
</form>
<p class="note">${bilingual(
      'After answering, return to the store to finish your order.',
      '完成後請回到商店以完成訂單。',
    )}</p>`,
  );
}

function resultPage(outcome: 'approved' | 'failed' | 'already_completed'): string {
  const message = {
    approved: bilingual('Authentication approved.', '驗證已核准。'),
    failed: bilingual('Authentication failed.', '驗證失敗。'),
    already_completed: bilingual('This challenge was already completed.', '此驗證已完成。'),
  }[outcome];
  return page(
    'Test bank 3-D Secure',
    `<p class="test">${bilingual('Test mode — no real money moves', '測試模式：不會實際扣款')}</p>
<h1>Test bank 3-D Secure</h1>
<p role="status">${message}</p>
<p class="note">${bilingual('Return to the store to finish your order.', '請回到商店完成訂單。')}</p>`,
  );
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_SECURITY)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(html);
}

function notSandbox(): NotFoundError {
  return new NotFoundError('sandbox', 'challenges', 'sandbox_not_enabled');
}

function fromForm(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
}

/** The challenge's completion; a form post (the page's buttons) answers with a page, JSON with JSON. */
function registerChallengeCompletion(scope: FastifyInstance, services: PaymentRouteServices): void {
  scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/v1/payments/sandbox/challenges/:id',
    {
      schema: {
        tags: ['payments'],
        summary: 'Answer a sandbox 3-D Secure challenge (test mode only)',
        description:
          'Then call checkout completion again with the same Idempotency-Key. 404 when the sandbox is not the provider or the challenge is unknown; 409 challenge_already_completed.',
        params: challengeParams,
        body: z.object({ outcome: outcomeSchema }),
        response: { 200: completedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sandbox = sandboxOf(services.payments.provider);
      if (sandbox === null) throw notSandbox();
      const { id } = request.params;
      const outcome: Outcome = request.body.outcome;
      try {
        const state = await findChallenge(sandbox, id);
        await sandbox.completeChallenge(id, outcome);
        const answered: ChallengeOutcome = outcome === 'approve' ? 'approved' : 'failed';
        if (fromForm(request)) return sendHtml(reply, 200, resultPage(answered));
        return { challengeId: id, outcome: answered, paymentId: state.payment.id };
      } catch (error) {
        if (fromForm(request) && ConflictError.isInstance(error)) {
          return sendHtml(reply, 409, resultPage('already_completed'));
        }
        throw error;
      }
    },
  );
}

function invalidSignature(error: WebhookSignatureError): AisleError {
  return new AisleError('invalid_signature', error.message, { status: 400 });
}

/** Webhooks need the exact bytes that were signed, so this scope keeps JSON bodies raw. */
function registerWebhooks(scope: FastifyInstance, services: PaymentRouteServices): void {
  const raw = (_request: FastifyRequest, body: Buffer, done: (error: null, body: Buffer) => void) =>
    done(null, body);
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, raw);
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, raw);
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/v1/payments/webhooks/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: 'Signed events from the payment processor',
        description:
          'The body is verified against the Aisle-Signature (sandbox) or Stripe-Signature header. 400 invalid_signature; 404 when the provider is not the configured one.',
        params: z.object({ provider: z.string().min(1).max(40) }),
        response: {
          200: z.object({ received: z.literal(true), id: z.string(), type: z.string() }),
          400: errorSchema,
          404: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const { provider } = services.payments;
      if (request.params.provider !== provider.name) {
        throw new NotFoundError(
          'payment provider',
          request.params.provider,
          'payment_provider_not_configured',
        );
      }
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      let event: ReturnType<PaymentProvider['parseWebhook']>;
      try {
        event = provider.parseWebhook(body, request.headers);
      } catch (error) {
        if (WebhookSignatureError.isInstance(error)) throw invalidSignature(error);
        throw error;
      }
      // Checkout and order flows ask the provider for a payment's state when they need it; the event
      // is a hint, kept in the log so an out-of-band capture or refund can be traced.
      services.logger.info(
        {
          provider: provider.name,
          eventId: event.id,
          type: event.type,
          providerType: event.providerType,
          paymentId: event.paymentId,
        },
        'payment webhook received',
      );
      return { received: true as const, id: event.id, type: event.type };
    },
  );
}

export function registerPaymentRoutes(
  app: App,
  services: PaymentRouteServices,
  requireAdmin: AdminGuard,
): void {
  app.get(
    '/payments/sandbox/challenges/:id',
    { schema: { hide: true, params: challengeParams } },
    async (request, reply) => {
      const sandbox = sandboxOf(services.payments.provider);
      if (sandbox === null) throw notSandbox();
      const state = await findChallenge(sandbox, request.params.id);
      return sendHtml(reply, 200, challengePage(request.params.id, state));
    },
  );

  app.get(
    '/v1/payments/sandbox/events',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['payments', 'admin'],
        summary: 'The sandbox’s payment events, oldest first, each with the signed webhook it would send',
        security: [{ admin: [] }],
        querystring: z.object({
          paymentId: z.string().min(1).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const sandbox = sandboxOf(services.payments.provider);
      if (sandbox === null) throw notSandbox();
      const { paymentId, limit } = request.query;
      const events = await sandbox.listEvents({ limit, ...(paymentId !== undefined && { paymentId }) });
      return {
        items: events.map((event) => ({ ...event, webhook: sandbox.webhookFor(event) })),
      };
    },
  );

  app.register(async (scope) => registerChallengeCompletion(scope, services));
  app.register(async (scope) => registerWebhooks(scope, services));
}
