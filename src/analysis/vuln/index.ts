/** OSV vulnerability records, version ordering per ecosystem and the OSV "is this version affected" evaluation. */
export * from './osv-record.js';
export * from './version-order.js';
export * from './affected.js';
