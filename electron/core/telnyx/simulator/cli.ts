import { parseArgs } from 'node:util';
import { GUESSES, SIMULATOR_PROFILES, type SimulatorProfile } from './guessed-shapes.js';
import { createSimulator } from './simulator.js';
import { startSimulatorServer } from './server.js';

/**
 * `npm run simulator -- --port N --keys N [--seed N] [--second-seed N] [--latency MS] [--profile default|docs-minimal]
 * [--no-guessed-routes] [--no-iam-routes] [--control]`
 * Starts a Telnyx stand-in on 127.0.0.1 and prints where it is, the owner's key, and what it guesses.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    keys: { type: 'string', default: '40' },
    seed: { type: 'string', default: '42' },
    /** A second organization at the same address (its own keys, from this seed): a "Staging" account. */
    'second-seed': { type: 'string' },
    latency: { type: 'string', default: '0' },
    profile: { type: 'string', default: 'default' },
    'no-guessed-routes': { type: 'boolean', default: false },
    'no-iam-routes': { type: 'boolean', default: false },
    control: { type: 'boolean', default: false },
  },
});

const number = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return n;
};

const profile = values.profile as SimulatorProfile;
if (!SIMULATOR_PROFILES.includes(profile)) {
  console.error(`--profile must be one of ${SIMULATOR_PROFILES.join(', ')}, got "${values.profile}"`);
  process.exit(2);
}

const simulator = createSimulator({
  profile,
  keyCount: number('keys', values.keys),
  seed: number('seed', values.seed),
  latencyMs: number('latency', values.latency),
  guessedRoutes: !values['no-guessed-routes'],
  iamRoutes: !values['no-iam-routes'],
});
const second =
  values['second-seed'] === undefined
    ? null
    : createSimulator({
        profile,
        keyCount: number('keys', values.keys),
        seed: number('second-seed', values['second-seed']),
        latencyMs: number('latency', values.latency),
        guessedRoutes: !values['no-guessed-routes'],
        iamRoutes: !values['no-iam-routes'],
      });
const server = await startSimulatorServer(simulator, {
  port: number('port', values.port),
  control: values.control,
  ...(second ? { others: [second] } : {}),
});
console.log(`simulator ready at ${server.url} (profile ${profile})`);
console.log(`owner key: ${simulator.ownerKey}`);
console.log(`member key (not the owner): ${simulator.memberKey}`);
if (second) console.log(`second organization's owner key: ${second.ownerKey}`);
console.log(`point Keytray at it: TELNYX_BASE_URL=${server.url} npm run preview`);
console.log('what it serves that Telnyx has not documented (guesses):');
for (const [name, guess] of Object.entries(GUESSES)) console.log(`  ${name}: ${guess}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
