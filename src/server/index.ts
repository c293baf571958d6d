export { type BuildServerOptions, buildServer } from './app.js';
export { type AppServices, type CreateServicesOptions, createServices } from './services.js';
