import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localize, type Product } from '../../catalog/index.js';
import { formatMoney } from '../../core/index.js';
import { DEMO_STORE, demoImageSvg } from '../../demo/index.js';
import type { App } from '../app.js';
import { errorBody } from '../error-handler.js';
import type { AppServices } from '../services.js';

type Language = 'en' | 'zh-TW';

const GRID_SIZE = 24;
const CATALOG_PAGE = 200;
const THEME = '#0f766e';

const WORDS = {
  en: {
    tagline: 'Outdoor gear, with an assistant that knows the stock',
    heroTitle: 'Find the right gear, in the right size, today.',
    heroText:
      'Ask our AI shopping assistant about sizes, colours, stock at a store near you and this week’s offers. It can check you out right in the chat.',
    askAssistant: 'Ask the assistant',
    helpChoose: (category: string) => `Help me choose ${category.toLowerCase()}`,
    all: 'All',
    popular: 'Popular right now',
    askAbout: 'Ask about this',
    askAboutText: (title: string) => `Tell me about the ${title}`,
    sale: 'Sale',
    from: 'from',
    footer: 'A demo store running on Aisle, the open-source AI shopping assistant.',
    apiDocs: 'API docs',
    switchLanguage: '中文',
  },
  'zh-TW': {
    tagline: '戶外裝備，還有一位清楚庫存的購物助理',
    heroTitle: '今天就找到合適尺寸的好裝備。',
    heroText: '問問我們的 AI 購物助理：尺寸、顏色、門市庫存與本週優惠，一次回答；還能直接在對話中結帳。',
    askAssistant: '詢問購物助理',
    helpChoose: (category: string) => `幫我挑選 ${category}`,
    all: '全部',
    popular: '熱門商品',
    askAbout: '詢問這件商品',
    askAboutText: (title: string) => `介紹一下${title}`,
    sale: '特價',
    from: '起',
    footer: '這是以 Aisle（開源 AI 購物助理）運作的示範商店。',
    apiDocs: 'API 文件',
    switchLanguage: 'English',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

/** `?lang=` first, then the browser's Accept-Language. */
function languageOf(request: FastifyRequest<{ Querystring: { lang?: string | undefined } }>): Language {
  const asked = request.query.lang ?? request.headers['accept-language'] ?? '';
  return asked.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

/** Top-level categories, the largest first (then by name), so the navigation reads the same every time. */
function categoriesBySize(products: readonly Product[]): string[] {
  const counts = new Map<string, number>();
  for (const product of products) {
    const category = product.categoryPath[0];
    if (category !== undefined) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** One product of each category in turn, so the first screen shows the breadth of the store. */
function spread(products: readonly Product[], count: number): Product[] {
  const byCategory = new Map<string, Product[]>();
  for (const product of products) {
    const category = product.categoryPath[0] ?? '';
    byCategory.set(category, [...(byCategory.get(category) ?? []), product]);
  }
  const queues = [...byCategory.values()];
  const picked: Product[] = [];
  while (picked.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next !== undefined && picked.length < count) picked.push(next);
    }
  }
  return picked;
}

function productTile(product: Product, language: Language): string {
  const words = WORDS[language];
  const title = localize(product.title, language);
  const cheapest = [...product.variants].sort((a, b) => a.price.amount - b.price.amount)[0];
  if (cheapest === undefined) return '';
  const several = product.variants.some((variant) => variant.price.amount !== cheapest.price.amount);
  const onSale = cheapest.compareAtPrice !== null && cheapest.compareAtPrice.amount > cheapest.price.amount;
  const image = product.images[0]?.url ?? cheapest.imageUrl;
  return `<li class="tile">
<div class="tile-media">${image === null ? '' : `<img src="${escapeHtml(image)}" alt="" width="400" height="400">`}${
    onSale ? `<span class="tag">${words.sale}</span>` : ''
  }</div>
<div class="tile-body">
${product.brand === null ? '' : `<p class="brand">${escapeHtml(product.brand)}</p>`}
<h3>${escapeHtml(title)}</h3>
<p class="price"><span class="${onSale ? 'now sale' : 'now'}">${escapeHtml(formatMoney(cheapest.price, language))}${
    several ? ` <small>${words.from}</small>` : ''
  }</span>${
    onSale && cheapest.compareAtPrice !== null
      ? ` <s>${escapeHtml(formatMoney(cheapest.compareAtPrice, language))}</s>`
      : ''
  }</p>
<button type="button" class="ask" data-ask="${escapeHtml(words.askAboutText(title))}">${words.askAbout}</button>
</div>
</li>`;
}

const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans TC","PingFang TC",sans-serif;color:#1b2420;background:#fafaf7}
a{color:inherit}
.bar{margin:0;background:#10231d;color:#d9ece4;font-size:13px;text-align:center;padding:6px 12px}
header.site{position:sticky;top:0;z-index:5;background:rgb(255 255 255/.94);backdrop-filter:blur(6px);border-bottom:1px solid #e6e8e3}
.site-inner{max-width:1180px;margin:0 auto;padding:14px 20px;display:flex;align-items:center;gap:24px}
.logo{display:flex;align-items:baseline;gap:8px;text-decoration:none;white-space:nowrap}
.logo strong{font-size:21px;letter-spacing:-.01em}
.logo span{color:#5d6a64;font-size:14px}
nav.categories{display:flex;gap:4px;overflow-x:auto;flex:1;scrollbar-width:none}
nav.categories a{padding:6px 12px;border-radius:999px;text-decoration:none;font-size:14px;color:#3d4a44;white-space:nowrap}
nav.categories a[aria-current="page"],nav.categories a:hover{background:#e9f3ef;color:#0b5d4f}
.lang{font-size:14px;text-decoration:none;padding:6px 10px;border:1px solid #d5dbd7;border-radius:8px;white-space:nowrap}
.hero{max-width:1180px;margin:28px auto 8px;padding:0 20px}
.hero-card{border-radius:24px;padding:44px 40px;background:linear-gradient(120deg,#0f766e 0%,#155e52 55%,#1f3d33 100%);color:#fff;display:grid;grid-template-columns:1.4fr 1fr;gap:24px;align-items:center;overflow:hidden}
.hero h1{font-size:38px;line-height:1.15;margin:0 0 12px;letter-spacing:-.02em}
.hero p{margin:0 0 22px;color:#d7efe8;max-width:34em}
.hero .prompts{display:flex;flex-wrap:wrap;gap:8px}
.hero button{font:inherit;font-size:14px;border:1px solid rgb(255 255 255/.5);background:rgb(255 255 255/.1);color:#fff;border-radius:999px;padding:8px 14px;cursor:pointer}
.hero button.primary{background:#fff;color:#0b4d42;border-color:#fff;font-weight:600}
.hero-art{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.hero-art img{width:100%;border-radius:16px;background:#fff;box-shadow:0 10px 30px rgb(0 0 0/.25)}
.hero-art img:nth-child(2){transform:translateY(22px)}
main{max-width:1180px;margin:0 auto;padding:24px 20px 80px}
main h2{font-size:22px;margin:24px 0 16px}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:18px}
.tile{background:#fff;border:1px solid #e6e8e3;border-radius:16px;overflow:hidden;display:flex;flex-direction:column}
.tile-media{position:relative;background:#f3f4ef;aspect-ratio:1/1}
.tile-media img{width:100%;height:100%;object-fit:contain;display:block}
.tag{position:absolute;top:10px;left:10px;background:#c2410c;color:#fff;font-size:12px;font-weight:700;padding:2px 8px;border-radius:6px}
.tile-body{padding:12px 14px 14px;display:flex;flex-direction:column;gap:4px;flex:1}
.brand{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#66736d;font-weight:600}
.tile h3{margin:0;font-size:15px;line-height:1.35;font-weight:600;flex:1}
.price{margin:4px 0 8px;display:flex;gap:8px;align-items:baseline}
.now{font-weight:700}.now.sale{color:#c2410c}.now small{font-weight:400;color:#66736d}
.price s{color:#7a8580;font-size:14px}
.ask{font:inherit;font-size:14px;font-weight:600;border:1px solid #cfd8d3;background:#fff;border-radius:10px;padding:8px;cursor:pointer;color:#0b5d4f}
.ask:hover{border-color:#0f766e;background:#f0f8f5}
footer{border-top:1px solid #e6e8e3;color:#66736d;font-size:14px}
footer div{max-width:1180px;margin:0 auto;padding:24px 20px 96px}
@media (max-width:760px){.hero-card{grid-template-columns:1fr;padding:28px 22px}.hero-art{display:none}.hero h1{font-size:28px}.site-inner{flex-wrap:wrap;gap:10px}nav.categories{order:3;flex-basis:100%}.grid{grid-template-columns:repeat(2,1fr);gap:12px}}
`;

// The page's one script: buttons that ask the assistant something open the widget with that question.
const ASK_SCRIPT = `document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-ask]');if(!b)return;window.dispatchEvent(new CustomEvent('aisle:open',{detail:{text:b.getAttribute('data-ask')}}));});`;

interface StorefrontPage {
  readonly language: Language;
  readonly products: readonly Product[];
  readonly categories: readonly string[];
  readonly category: string | null;
}

function storefront({ language, products, categories, category }: StorefrontPage): string {
  const words = WORDS[language];
  const name = DEMO_STORE.name[language];
  const other = language === 'en' ? 'zh-TW' : 'en';
  const link = (params: { category?: string | null; lang?: Language }) => {
    const query = new URLSearchParams();
    const lang = params.lang ?? language;
    query.set('lang', lang);
    const chosen = params.category === undefined ? category : params.category;
    if (chosen !== null) query.set('category', chosen);
    return `/?${query.toString()}`;
  };
  const nav = [
    `<a href="${link({ category: null })}"${category === null ? ' aria-current="page"' : ''}>${words.all}</a>`,
    ...categories.map(
      (c) =>
        `<a href="${escapeHtml(link({ category: c }))}"${c === category ? ' aria-current="page"' : ''}>${escapeHtml(c)}</a>`,
    ),
  ].join('');
  const shown =
    category === null ? spread(products, GRID_SIZE) : products.filter((p) => p.categoryPath[0] === category);
  const art = shown
    .slice(0, 4)
    .map((p) => p.images[0]?.url)
    .filter((url): url is string => url !== undefined)
    .map((url) => `<img src="${escapeHtml(url)}" alt="" width="200" height="200">`)
    .join('');
  const prompts = categories
    .slice(0, 3)
    .map(
      (c) =>
        `<button type="button" data-ask="${escapeHtml(words.helpChoose(c))}">${escapeHtml(words.helpChoose(c))}</button>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language === 'zh-TW' ? 'zh-Hant-TW' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(name)} · ${escapeHtml(words.tagline)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<p class="bar">${escapeHtml(words.tagline)}</p>
<header class="site"><div class="site-inner">
<a class="logo" href="${link({ category: null })}"><strong>${escapeHtml(name)}</strong><span>${escapeHtml(DEMO_STORE.name[other])}</span></a>
<nav class="categories" aria-label="Categories">${nav}</nav>
<a class="lang" href="${escapeHtml(link({ lang: other }))}" hreflang="${other}">${words.switchLanguage}</a>
</div></header>
<section class="hero"><div class="hero-card">
<div><h1>${escapeHtml(words.heroTitle)}</h1><p>${escapeHtml(words.heroText)}</p>
<div class="prompts"><button type="button" class="primary" data-ask="">${words.askAssistant}</button>${prompts}</div></div>
<div class="hero-art" aria-hidden="true">${art}</div>
</div></section>
<main>
<h2>${escapeHtml(category ?? words.popular)}</h2>
<ul class="grid">${shown.map((p) => productTile(p, language)).join('\n')}</ul>
</main>
<footer><div>${escapeHtml(words.footer)} · <a href="/docs">${words.apiDocs}</a></div></footer>
<script>${ASK_SCRIPT}</script>
<script src="/widget/aisle.js" data-store-key="demo" data-store-name="${escapeHtml(name)}" data-lang="${language}" data-theme="${THEME}" data-position="right" data-open="true" async></script>
</body>
</html>`;
}

/** The demo store's home page (the storefront with the chat widget open) and its product images. */
export function registerDemoRoutes(app: App, services: AppServices): void {
  app.get(
    '/',
    {
      schema: {
        hide: true,
        querystring: z.object({
          lang: z.string().max(20).optional(),
          category: z.string().max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      const language = languageOf(request);
      const { items } = await services.catalog.listProducts({ limit: CATALOG_PAGE, status: 'active' });
      const categories = categoriesBySize(items);
      const asked = request.query.category;
      const category = asked !== undefined && categories.includes(asked) ? asked : null;
      reply
        .type('text/html; charset=utf-8')
        .send(storefront({ language, products: items, categories, category }));
    },
  );

  app.get(
    '/demo/images/:file',
    { schema: { hide: true, params: z.object({ file: z.string().max(200) }) } },
    async (request, reply) => {
      const svg = demoImageSvg(request.params.file);
      if (svg === null)
        return reply.code(404).send(errorBody('not_found', `no demo image ${request.params.file}`));
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );
}
