export * from './contract.js';
export * from './expiry.js';
export * from './key-id.js';
export * from './models.js';
export * from './result.js';
export * from './tags.js';
