/**
 * The composition root: opens the store and builds every service once, then keeps the search
 * index in step with the catalog and inventory through their change events.
 */
import { readFileSync } from 'node:fs';
import type { LanguageModel } from 'ai';
import {
  type Assistant,
  buildVocabulary,
  createAssistant,
  createLanguageModel,
  createRulesBrain,
  type LanguageModelSettings,
  llmConfigFromEnv,
  parseRulesIntents,
} from '../assistant/index.js';
import { type CartService, createCartService } from '../cart/index.js';
import { type CatalogService, createCatalogService } from '../catalog/index.js';
import {
  createSearchIndex,
  defaultSynonymGroups,
  type SearchIndex,
  type SynonymGroups,
} from '../catalog/search/index.js';
import {
  type Clock,
  type Config,
  type Logger,
  silentLogger,
  systemClock,
  ValidationError,
} from '../core/index.js';
import { type CustomerService, createCustomerService } from '../customers/index.js';
import { createInventoryService, type InventoryService } from '../inventory/index.js';
import { createOrderService, type OrderService } from '../orders/index.js';
import {
  createGiftCards,
  createSandboxProvider,
  createStoreCredit,
  createStripeProvider,
  createTenderPayments,
  type GiftCards,
  type PaymentProvider,
  type StoreCredit,
  type TenderPayments,
} from '../payments/index.js';
import { createPromotionService, type PromotionService } from '../promotions/index.js';
import type { PolicySet } from '../rules/index.js';
import { openStore, type Store } from '../store/index.js';

export interface AppServices {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly store: Store;
  readonly catalog: CatalogService;
  readonly inventory: InventoryService;
  readonly search: SearchIndex;
  readonly payments: {
    readonly provider: PaymentProvider;
    readonly giftCards: GiftCards;
    readonly storeCredit: StoreCredit;
    readonly tenders: TenderPayments;
  };
  readonly promotions: PromotionService;
  readonly orders: OrderService;
  readonly customers: CustomerService;
  readonly cart: CartService;
  /** The shopping assistant: sessions, turns, handoff to staff. */
  readonly assistant: Assistant;
  /** Reloads the policies order operations check (they are refreshed every few seconds anyway). */
  refreshPolicies(): Promise<void>;
  /** Resolves once the search index has caught up with every change committed so far. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateServicesOptions {
  clock?: Clock;
  logger?: Logger;
  /** An already open store (tests); otherwise `config.db` is opened. */
  store?: Store;
  /** Extra synonym groups (a store's own vocabulary), added to AISLE_SEARCH_SYNONYMS. */
  synonyms?: SynonymGroups;
  /** A language model for the assistant instead of the one AISLE_LLM names (tests, evaluations). */
  languageModel?: LanguageModel;
}

/** The assistant's language model: the one passed in, the one the AISLE_LLM variables name, or none. */
function assistantModel(config: Config, model: LanguageModel | undefined): LanguageModelSettings | null {
  const llm = llmConfigFromEnv(config.assistant.llm);
  if (model !== undefined) return { ...llmSettings(llm), model };
  if (llm === undefined) return null;
  return { ...llmSettings(llm), model: createLanguageModel(llm) };
}

function llmSettings(llm: ReturnType<typeof llmConfigFromEnv>): Omit<LanguageModelSettings, 'model'> {
  if (llm === undefined) return {};
  return {
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    maxSteps: llm.maxSteps,
    ...(llm.pricing === undefined ? {} : { pricing: llm.pricing }),
  };
}

function loadSynonymsFile(path: string | undefined): SynonymGroups {
  if (path === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`cannot read AISLE_SEARCH_SYNONYMS file ${path}: ${(error as Error).message}`);
  }
  if (
    !Array.isArray(parsed) ||
    !parsed.every((g) => Array.isArray(g) && g.every((w) => typeof w === 'string'))
  ) {
    throw new ValidationError(`AISLE_SEARCH_SYNONYMS file ${path} must hold an array of arrays of words`);
  }
  return parsed as SynonymGroups;
}

const AVAILABILITY_BATCH = 500;
const POLICY_REFRESH_MS = 5000;

function createPaymentProvider(config: Config, store: Store, clock: Clock): PaymentProvider {
  const payments = config.payments;
  if (payments.provider === 'stripe') {
    return createStripeProvider({
      secretKey: payments.secretKey,
      webhookSecret: payments.webhookSecret,
      clock,
    });
  }
  return createSandboxProvider({ store, clock, webhookSecret: payments.webhookSecret });
}

async function feedAvailability(search: SearchIndex, inventory: InventoryService, variantIds: string[]) {
  for (let i = 0; i < variantIds.length; i += AVAILABILITY_BATCH) {
    const batch = variantIds.slice(i, i + AVAILABILITY_BATCH);
    const availability = await inventory.availability(batch);
    for (const id of batch) {
      const byLocation: Record<string, number> = {};
      for (const location of availability.get(id)?.locations ?? [])
        byLocation[location.locationId] = location.available;
      search.setAvailability(id, byLocation);
    }
  }
}

export async function createServices(
  config: Config,
  options: CreateServicesOptions = {},
): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = options.store ?? (await openStore(config.db));
  const catalog = createCatalogService({ store, clock });
  const inventory = createInventoryService({ store, clock, lowStockThreshold: config.lowStockThreshold });
  const synonyms = [...loadSynonymsFile(config.synonymsFile), ...(options.synonyms ?? [])];
  const search = createSearchIndex({ synonyms });
  // The assistant's words for this store come from the catalog, kept in step like the search index.
  const vocabulary = buildVocabulary([], { synonyms: [...defaultSynonymGroups, ...synonyms] });
  // Configuration errors surface at start-up, not on the first conversation.
  const rulesIntents = parseRulesIntents(config.assistant.rulesIntents);
  const languageModel = assistantModel(config, options.languageModel);

  const provider = createPaymentProvider(config, store, clock);
  const giftCards = createGiftCards({ store, clock });
  const storeCredit = createStoreCredit({ store, clock });
  const payments = {
    provider,
    giftCards,
    storeCredit,
    tenders: createTenderPayments({ store, provider, clock }),
  };
  const promotionStore = createPromotionService({ store, clock, currency: config.currency });

  // Order operations check policies synchronously; they read the last policies loaded, refreshed
  // on the same schedule as the promotion cache.
  let policies: PolicySet = (await promotionStore.current()).policies;
  const refreshPolicies = async () => {
    policies = (await promotionStore.current()).policies;
  };
  // Policy writes through this process reach order operations at once, not at the next refresh.
  const promotions: PromotionService = {
    ...promotionStore,
    async replacePolicies(document, options) {
      const stored = await promotionStore.replacePolicies(document, options);
      await refreshPolicies();
      return stored;
    },
    async seedSample(options) {
      const seeded = await promotionStore.seedSample(options);
      await refreshPolicies();
      return seeded;
    },
  };
  const policyTimer = setInterval(() => {
    refreshPolicies().catch((error) => logger.warn({ err: error }, 'policy refresh failed'));
  }, POLICY_REFRESH_MS);
  policyTimer.unref();

  const orders = createOrderService({
    store,
    clock,
    catalog,
    inventory,
    payments: { provider, giftCards, storeCredit },
    policies: () => policies,
    promotionUsage: { revert: (trx, orderId) => promotions.revertUsage(trx, orderId) },
  });
  const customers = createCustomerService({
    store,
    clock,
    payments: { giftCards, storeCredit },
    catalog,
    orders: {
      listByCustomer: async (customerId, options) =>
        (await orders.listByCustomer(customerId, { limit: options?.limit ?? 50 })).items,
    },
    orderImporter: orders,
  });
  const cart = createCartService({
    store,
    clock,
    catalog,
    inventory,
    payments: { tenders: payments.tenders, provider },
    orders,
    promotions,
    customers: (customerId) => customers.customerFacts(customerId),
    holdTtlSeconds: config.holdTtlSeconds,
  });
  // A completion cut short by a crash is finished or undone before new requests arrive.
  await cart.recoverCheckouts();

  const variantIds: string[] = [];
  for await (const product of catalog.allProducts()) {
    search.upsert(product);
    vocabulary.upsert(product);
    for (const variant of product.variants) variantIds.push(variant.id);
  }
  await feedAvailability(search, inventory, variantIds);

  // Listeners run after commit; a failure to refresh the index must not fail the write.
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    work.finally(() => pending.delete(work));
  };
  const unsubscribeCatalog = catalog.onChange((change) => {
    if (change.type === 'product-removed') {
      search.remove(change.productId);
      vocabulary.remove(change.productId);
      return;
    }
    track(
      catalog
        .getProduct(change.productId)
        .then(async (product) => {
          search.upsert(product);
          vocabulary.upsert(product);
          await feedAvailability(
            search,
            inventory,
            product.variants.map((v) => v.id),
          );
        })
        .catch((error) =>
          logger.warn({ err: error, productId: change.productId }, 'search index refresh failed'),
        ),
    );
  });
  const unsubscribeInventory = inventory.onChange((ids) => {
    track(
      feedAvailability(search, inventory, ids).catch((error) =>
        logger.warn({ err: error }, 'search availability refresh failed'),
      ),
    );
  });

  const settled = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };

  const { storeName, assistantName } = config.assistant;
  const assistant = createAssistant({
    services: { catalog, search, inventory, promotions, orders, customers, cart, clock, store, logger },
    rulesBrain: createRulesBrain({
      vocabulary: () => vocabulary,
      currency: config.currency,
      storeName,
      assistantName,
    }),
    options: {
      currency: config.currency,
      persona: { storeName, assistantName },
      llm: languageModel,
      routerConfidence: config.assistant.routerConfidence,
      rulesIntents: [...rulesIntents],
      handoffCartOver: config.assistant.handoffCartOver ?? null,
      ...(config.assistant.customerTokenSecret === undefined
        ? {}
        : { customerTokenSecret: config.assistant.customerTokenSecret }),
    },
  });

  return {
    config,
    clock,
    logger,
    store,
    catalog,
    inventory,
    search,
    payments,
    promotions,
    orders,
    customers,
    cart,
    assistant,
    refreshPolicies,
    settled,
    async close() {
      clearInterval(policyTimer);
      await settled();
      unsubscribeCatalog();
      unsubscribeInventory();
      await store.close();
    },
  };
}
