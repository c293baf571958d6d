export { buildServer, type BuildServerOptions } from './app.js';
export { type AppServices, createServices, type CreateServicesOptions } from './services.js';
