/**
 * Which customer an import record writes to: the one with the merchant's id, else one with the
 * same email that has no merchant id yet (created in Aisle before the migration), else a new
 * one. Identifiers that belong to another customer reject the record.
 */
import type { Executor } from '../../store/index.js';
import { customerIdBy } from '../customer-rows.js';
import type { PersonalDataCodec } from '../personal-data.js';
import { RecordRejected } from './record-rejected.js';

export async function resolveImportTarget(
  executor: Executor,
  codec: PersonalDataCodec,
  profile: { readonly externalId: string; readonly email: string | null },
  orderNumbers: readonly string[],
): Promise<{ id: string | null }> {
  const byExternalId = await customerIdBy(executor, codec, 'external_id', profile.externalId);
  let id = byExternalId;
  if (profile.email !== null) {
    const owner = await executor
      .selectFrom('customers')
      .select(['id', 'external_id'])
      .where('email_key', '=', codec.lookupKey('email', profile.email))
      .executeTakeFirst();
    if (owner !== undefined && owner.id !== byExternalId) {
      if (byExternalId !== null || owner.external_id !== null) {
        throw new RecordRejected('email_taken', 'another customer already has this email');
      }
      id = owner.id;
    }
  }
  if (orderNumbers.length > 0) {
    const taken = await executor
      .selectFrom('customer_imported_orders')
      .select(['number', 'customer_id'])
      .where('number', 'in', orderNumbers)
      .execute();
    const foreign = taken.find((row) => row.customer_id !== id);
    if (foreign !== undefined) {
      throw new RecordRejected(
        'order_number_taken',
        `order ${foreign.number} was imported for another customer`,
      );
    }
  }
  return { id };
}
