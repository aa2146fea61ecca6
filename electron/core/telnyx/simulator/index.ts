export * from './faults.js';
export * from './server.js';
export * from './simulator.js';
export type { SimKey, SimState, SimUser } from './state.js';
