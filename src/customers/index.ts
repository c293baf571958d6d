export {
  type AddressInput,
  addressInputSchema,
  type CustomerInput,
  type CustomerPatch,
  customerInputSchema,
  customerPatchSchema,
  type PaymentMethodInput,
  paymentMethodInputSchema,
} from './customer-input.js';
export {
  type CustomerService,
  type CustomerServiceDependencies,
  createCustomerService,
} from './customer-service.js';
export { EmailTakenError, ExternalIdTakenError, PaymentMethodTakenError } from './errors.js';
export type { CustomerImportInput, CustomerImportIssue, CustomerImportSummary } from './import/types.js';
export {
  identityCodec,
  type LookupKind,
  normalizeForLookup,
  type PersonalDataCodec,
  type PersonalField,
} from './personal-data.js';
export type {
  Customer,
  CustomerAddress,
  CustomerGiftCard,
  CustomerOrderSummary,
  CustomerOrdersPort,
  ImportCatalogPort,
  OrderImporterPort,
  PostalAddress,
  SavedPaymentMethod,
} from './types.js';
