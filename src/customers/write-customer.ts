/**
 * Creating or rewriting a customer with its address book and saved methods, inside the caller's
 * transaction. Shared by the service (create) and the import (upsert by the merchant's id).
 */
import type { Tx } from '../store/index.js';
import type { ParsedAddress, ParsedPaymentMethod } from './customer-input.js';
import {
  customerIdBy,
  insertCustomer,
  type ProfileValues,
  replaceAddresses,
  savePaymentMethods,
  updateCustomer,
} from './customer-rows.js';
import { EmailTakenError, ExternalIdTakenError } from './errors.js';
import type { PersonalDataCodec } from './personal-data.js';

export interface CustomerWrite {
  readonly id: string;
  /** True when the row exists and is rewritten. */
  readonly exists: boolean;
  readonly profile: ProfileValues;
  /** The whole address book; absent leaves it as it is. */
  readonly addresses?: readonly ParsedAddress[];
  /** Saved or updated by token; methods not listed stay. */
  readonly paymentMethods?: readonly ParsedPaymentMethod[];
}

/** Refuses an email or external id that belongs to another customer, with a conflict that says which. */
export async function assertIdentifiersFree(
  trx: Tx,
  codec: PersonalDataCodec,
  id: string,
  profile: Pick<ProfileValues, 'email' | 'externalId'>,
): Promise<void> {
  if (profile.email !== null) {
    const owner = await customerIdBy(trx, codec, 'email_key', profile.email);
    if (owner !== null && owner !== id) throw new EmailTakenError();
  }
  if (profile.externalId !== null) {
    const owner = await customerIdBy(trx, codec, 'external_id', profile.externalId);
    if (owner !== null && owner !== id) throw new ExternalIdTakenError(profile.externalId);
  }
}

export async function writeCustomer(
  trx: Tx,
  codec: PersonalDataCodec,
  write: CustomerWrite,
  now: number,
): Promise<void> {
  await assertIdentifiersFree(trx, codec, write.id, write.profile);
  if (write.exists) await updateCustomer(trx, codec, write.id, write.profile, now);
  else await insertCustomer(trx, codec, write.id, write.profile, now);
  if (write.addresses !== undefined) await replaceAddresses(trx, codec, write.id, write.addresses, now);
  if (write.paymentMethods !== undefined && write.paymentMethods.length > 0) {
    await savePaymentMethods(trx, write.id, write.paymentMethods, now);
  }
}
