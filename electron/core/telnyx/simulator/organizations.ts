import type { Simulator } from './simulator.js';

/**
 * Several simulated organizations behind one address, as Telnyx serves every organization at one URL: a
 * request goes to the organization whose key it carries (the Bearer value), else to the first. So a test or
 * a developer can add a second account ("Staging") to the preview against one simulator process.
 */
export function organizationFor(request: Request, organizations: readonly Simulator[]): Simulator {
  const auth = request.headers.get('authorization') ?? '';
  const bearer = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null;
  const [first] = organizations;
  if (!first) throw new Error('no organization to serve');
  if (bearer === null) return first;
  return (
    organizations.find(
      (org) =>
        org.state.keys.some((k) => k.value === bearer) || org.state.issued.some((k) => k.value === bearer),
    ) ?? first
  );
}
