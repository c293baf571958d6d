import type { Readable } from 'node:stream';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/index.js';
import {
  addressInputSchema,
  type Customer,
  type CustomerService,
  customerInputSchema,
  customerPatchSchema,
  paymentMethodInputSchema,
} from '../../customers/index.js';
import type { AdminGuard, App } from '../app.js';
import { booleanParam, errorResponses } from '../schemas.js';

/** Import bodies arrive raw (curl --data-binary @customers.ndjson) and stream into the importer. */
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'];

export interface CustomerRouteServices {
  readonly customers: CustomerService;
}

const addressView = z.object({
  id: z.string(),
  label: z.string().nullable(),
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
  defaultShipping: z.boolean(),
  defaultBilling: z.boolean(),
});

const paymentMethodView = z.object({
  id: z.string(),
  provider: z.string(),
  token: z.string(),
  kind: z.enum(['card', 'wallet']),
  brand: z.string(),
  last4: z.string().nullable(),
  expMonth: z.number().nullable(),
  expYear: z.number().nullable(),
  label: z.string(),
  isDefault: z.boolean(),
});

const customerView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: z.string().nullable(),
  segment: z.string().nullable(),
  tags: z.array(z.string()),
  locale: z.string().nullable(),
  marketingConsent: z.boolean(),
  addresses: z.array(addressView),
  paymentMethods: z.array(paymentMethodView),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const importIssue = z.object({
  line: z.number(),
  externalId: z.string().optional(),
  code: z.string(),
  reason: z.string(),
});

const importSummary = z.object({
  records: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  orders: z.object({ created: z.number(), unchanged: z.number() }),
  giftCards: z.object({ issued: z.number(), linked: z.number() }),
  errorCount: z.number(),
  errors: z.array(importIssue),
  rejected: z.boolean(),
});

const idParams = z.object({ id: z.string().min(1).max(320) });

function toCustomerView(customer: Customer): z.infer<typeof customerView> {
  return {
    ...customer,
    tags: [...customer.tags],
    addresses: customer.addresses.map((address) => ({ ...address })),
    paymentMethods: customer.paymentMethods.map((method) => ({ ...method })),
    createdAt: new Date(customer.createdAt).toISOString(),
    updatedAt: new Date(customer.updatedAt).toISOString(),
  };
}

/** `:id` is the Aisle id, the merchant's customer id, or the email. */
async function customerByReference(customers: CustomerService, reference: string): Promise<Customer> {
  const found = await customers.find(reference);
  if (found === null) throw new NotFoundError('customer', reference, 'customer_not_found');
  return found;
}

function importBody(body: unknown): Readable | string {
  if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') {
    return body as Readable;
  }
  if (Array.isArray(body)) return body.map((record) => JSON.stringify(record)).join('\n');
  throw new ValidationError(
    `send customers as the raw body with Content-Type ${NDJSON_TYPES[0]} (one JSON object per line), or a JSON array`,
    undefined,
    'unsupported_body',
  );
}

export function registerCustomerRoutes(
  app: App,
  services: CustomerRouteServices,
  requireAdmin: AdminGuard,
): void {
  const { customers } = services;
  const admin = { onRequest: requireAdmin };
  const adminDoc = { security: [{ admin: [] }] };
  const tags = ['customers', 'admin'];
  for (const type of NDJSON_TYPES) {
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }

  app.post(
    '/v1/customers',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Create a customer (409 email_taken when another customer has the email, in any case)',
        ...adminDoc,
        body: customerInputSchema,
        response: { 201: customerView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await customers.create(request.body);
      reply.code(201);
      return toCustomerView(created);
    },
  );

  app.get(
    '/v1/customers',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Find a customer by email, or by name and the postal code of one of their addresses',
        description:
          'Name and postal code match ignoring case and spacing; when two customers match, none is returned rather than a guess.',
        ...adminDoc,
        querystring: z.object({
          email: z.string().min(1).max(320).optional(),
          name: z.string().min(1).max(200).optional(),
          postalCode: z.string().min(1).max(20).optional(),
        }),
        response: { 200: z.object({ items: z.array(customerView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { email, name, postalCode } = request.query;
      let found: Customer | null;
      if (email !== undefined) found = await customers.findByEmail(email);
      else if (name !== undefined && postalCode !== undefined)
        found = await customers.findByNameAndPostalCode(name, postalCode);
      else throw new ValidationError('give email, or name and postalCode', undefined, 'invalid_query');
      return { items: found === null ? [] : [toCustomerView(found)] };
    },
  );

  app.get(
    '/v1/customers/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'A customer by Aisle id, the merchant’s customer id, or email',
        ...adminDoc,
        params: idParams,
        response: { 200: customerView, ...errorResponses },
      },
    },
    async (request) => toCustomerView(await customerByReference(customers, request.params.id)),
  );

  app.patch(
    '/v1/customers/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change profile fields; null clears one',
        ...adminDoc,
        params: idParams,
        body: customerPatchSchema,
        response: { 200: customerView, ...errorResponses },
      },
    },
    async (request) => {
      const customer = await customerByReference(customers, request.params.id);
      return toCustomerView(await customers.update(customer.id, request.body));
    },
  );

  app.post(
    '/v1/customers/:id/addresses',
    {
      ...admin,
      schema: {
        tags,
        summary:
          'Add an address; it becomes the default shipping or billing address when it asks to or is the first',
        ...adminDoc,
        params: idParams,
        body: addressInputSchema,
        response: { 201: customerView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await customerByReference(customers, request.params.id);
      const updated = await customers.addAddress(customer.id, request.body);
      reply.code(201);
      return toCustomerView(updated);
    },
  );

  app.post(
    '/v1/customers/:id/payment-methods',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Save a provider payment-method token (pm_...) with its display label',
        description: 'Card numbers are refused (400 raw_card_number_rejected): send the provider’s token.',
        ...adminDoc,
        params: idParams,
        body: paymentMethodInputSchema,
        response: { 201: paymentMethodView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const customer = await customerByReference(customers, request.params.id);
      const saved = await customers.savePaymentMethod(customer.id, request.body);
      reply.code(201);
      return { ...saved };
    },
  );

  app.post(
    '/v1/customers/import',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Import customers with their past orders (NDJSON body; see docs/customer-import.md)',
        description:
          'Bad records are reported with their line and the rest imports; `strict=true` imports nothing when any record is bad (422). Re-importing updates by the merchant’s customer id.',
        ...adminDoc,
        querystring: z.object({ strict: booleanParam.optional() }),
        response: { 200: importSummary, ...errorResponses, 422: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const summary = await customers.importCustomers(importBody(request.body), {
        strict: request.query.strict ?? false,
      });
      if (summary.rejected) {
        reply.code(422);
        return reply.send({
          error: {
            code: 'import_rejected',
            message: `strict import: ${summary.errorCount} bad records, nothing was imported`,
            details: { errors: [...summary.errors], errorCount: summary.errorCount },
          },
        });
      }
      return { ...summary, errors: [...summary.errors] };
    },
  );
}
