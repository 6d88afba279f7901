export * from './analyse.js';
export * from './asset-risk.js';
export * from './knowledge-index.js';
export * from './propagation.js';
export * from './register-view.js';
export * from './risk-config.js';
export * from './enrich.js';
export * from './upstream.js';
