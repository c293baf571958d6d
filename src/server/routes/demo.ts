import { z } from 'zod';
import { DEMO_STORE, demoImageSvg } from '../../demo/index.js';
import type { App } from '../app.js';
import { errorBody } from '../error-handler.js';
import type { AppServices } from '../services.js';

const examples = [
  '/v1/search?q=waterproof+jacket&facets=brand,option:color&inStock=true',
  `/v1/search?q=${encodeURIComponent('防水外套')}&locale=zh-TW`,
  `/v1/search?q=${encodeURIComponent('跑鞋 26號')}&locale=zh-TW`,
  '/v1/search?q=tent&sort=price_asc&facets=price',
  '/v1/locations',
];

function landingPage(products: number): string {
  const links = examples
    .map((href) => `<li><a href="${href}"><code>${decodeURIComponent(href)}</code></a></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Aisle · ${DEMO_STORE.name.en}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#1d2a24}
h1{margin-bottom:.2rem}code{background:#eef3ef;padding:.1rem .3rem;border-radius:4px}a{color:#1f6f4a}</style></head>
<body><h1>Aisle</h1><p>${DEMO_STORE.name.en} ${DEMO_STORE.name['zh-TW']} · ${products} products</p>
<p>The API is live. Try a search:</p><ul>${links}</ul>
<p>Every route is documented at <a href="/docs">/docs</a> (OpenAPI: <a href="/openapi.json">/openapi.json</a>).</p></body></html>`;
}

/** The demo store's home page and the placeholder product images its catalog points at. */
export function registerDemoRoutes(app: App, services: AppServices): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const { products } = await services.catalog.count();
    reply.type('text/html; charset=utf-8').send(landingPage(products));
  });

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
