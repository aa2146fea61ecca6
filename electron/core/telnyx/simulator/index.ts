export * from './faults.js';
export * from './organizations.js';
export * from './server.js';
export * from './simulator.js';
export type { SimKey, SimState, SimUser } from './state.js';
export { GUESSES, SIMULATOR_PROFILES, type SimulatorProfile } from './guessed-shapes.js';
