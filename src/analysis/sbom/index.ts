export * from './licences.js';
export * from './ntia.js';
export * from './suppliers.js';
