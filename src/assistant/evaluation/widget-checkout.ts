/**
 * What the chat widget does when the shopper pays: with the cart token the conversation handed to
 * the screen, it fills the checkout form (a guest's email and address), holds the stock, pays
 * with a sandbox token and, when the bank asks for 3-D Secure, answers the challenge and retries
 * with the same idempotency key. Payment never passes through the conversation's text.
 */
import { PaymentDeclinedError, type PostalAddress } from '../../cart/index.js';
import type { SandboxProvider } from '../../payments/index.js';
import type { AppServices } from '../../server/services.js';
import type { ShopperState } from '../conversation/types.js';
import type { GuestForm, PayStep } from './scenario.js';

export type PaymentOutcome = 'completed' | 'declined' | 'authentication_failed' | 'requires_action';

export interface WidgetPayment {
  readonly outcome: PaymentOutcome;
  readonly orderNumber: string | null;
  /** The decline reason or the cart API's refusal, when it did not complete. */
  readonly detail: string | null;
}

/** A test shopper's form, used for whatever a guest's checkout still needs. */
const TEST_SHOPPER_FORM = {
  email: 'evaluation.shopper@example.com',
  address: {
    name: 'Evaluation Shopper',
    line1: 'No. 7, Sec. 5, Xinyi Rd.',
    city: 'Taipei City',
    region: 'Xinyi Dist.',
    postalCode: '110208',
    country: 'TW',
    phone: '0900-000-000',
  },
} as const;

function sandboxOf(services: AppServices): SandboxProvider | null {
  const provider = services.payments.provider;
  return provider.name === 'sandbox' && 'completeChallenge' in provider
    ? (provider as SandboxProvider)
    : null;
}

type FormAddress = NonNullable<GuestForm['address']>;

/** The form's address without the fields the shopper left empty. */
function postalAddress(address: FormAddress): PostalAddress {
  const { region, phone, ...required } = address;
  return { ...required, ...(region !== undefined && { region }), ...(phone !== undefined && { phone }) };
}

async function fillForm(services: AppServices, cartId: string, form: GuestForm | undefined): Promise<void> {
  const { cart } = await services.cart.getCart(cartId);
  if (cart.checkoutId !== null) return;
  if (cart.email === null)
    await services.cart.setDetails(cartId, { email: form?.email ?? TEST_SHOPPER_FORM.email });
  const address =
    cart.shippingAddress === null ? postalAddress(form?.address ?? TEST_SHOPPER_FORM.address) : undefined;
  if (address !== undefined || form?.shippingOption !== undefined) {
    await services.cart.setShipping(cartId, {
      ...(address !== undefined && { address }),
      ...(form?.shippingOption !== undefined && { optionId: form.shippingOption }),
    });
  }
}

/** Pays the session's cart as the widget would; `attempt` makes each payment's idempotency key new. */
export async function payAsWidget(
  services: AppServices,
  state: ShopperState | null,
  step: PayStep['pay'],
  attempt: number,
): Promise<WidgetPayment> {
  const cart = state?.cart ?? null;
  if (cart === null)
    return { outcome: 'requires_action', orderNumber: null, detail: 'the session has no cart to pay' };
  await services.cart.authenticate(cart.cartId, cart.token);
  await fillForm(services, cart.cartId, step.form);
  await services.cart.startCheckout(cart.cartId);
  const input = {
    tenders: [{ type: 'card' as const, token: step.token }],
    idempotencyKey: `widget-${attempt}`,
  };
  try {
    let result = await services.cart.completeCheckout(cart.cartId, input);
    if (result.status === 'requires_action') {
      const sandbox = sandboxOf(services);
      if (sandbox === null)
        return { outcome: 'requires_action', orderNumber: null, detail: 'not the sandbox' };
      await sandbox.completeChallenge(result.challenge.challengeId, step.challenge);
      result = await services.cart.completeCheckout(cart.cartId, input);
    }
    if (result.status === 'completed')
      return { outcome: 'completed', orderNumber: result.order.number, detail: null };
    return {
      outcome: 'requires_action',
      orderNumber: null,
      detail: 'the challenge was answered and still asks',
    };
  } catch (error) {
    if (PaymentDeclinedError.isInstance(error)) {
      const outcome = error.reason === 'authentication_failed' ? 'authentication_failed' : 'declined';
      return { outcome, orderNumber: null, detail: error.reason };
    }
    throw error;
  }
}
