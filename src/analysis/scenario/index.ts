export * from './propagate.js';
export * from './resolve-cuts.js';
export * from './evaluate.js';
export * from './compare.js';
export * from './summary.js';
