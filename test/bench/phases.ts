/**
 * Where the time between a click and the painted list went, so the next regression names its place. Every
 * instant of `[start, end]` is given to one phase, the first of these that covers it:
 * - network: from the first Telnyx request arriving at the simulator to the last answer leaving it;
 * - core: a bridge call sent and main's answer not yet arriving (main at work: the handler, its settings and
 *   keychain calls, and turning the answer into JSON; from the browser's resource timing);
 * - bridge: an answer on its way in: its bytes arriving and being parsed in the popup (and, when the popup's
 *   main thread is busy drawing something else, waiting for it);
 * - render: the rest (the popup's own work: React, layout, paint, and waiting for the frame).
 * The caller passes only the calls whose answers were in before the list changed on screen (one still on its
 * way did not hold it up). All times are on the popup's timeline (`performance.now()` in its frame), in ms.
 */
export const PHASES = ['network', 'core', 'bridge', 'render'] as const;
export type Phase = (typeof PHASES)[number];
export type Span = { phase: Exclude<Phase, 'render'>; from: number; to: number };
export type PhaseSplit = Record<Phase, number>;

export function splitPhases(start: number, end: number, spans: Span[]): PhaseSplit {
  const split: PhaseSplit = { network: 0, core: 0, bridge: 0, render: 0 };
  const inside = spans
    .map((s) => ({ ...s, from: Math.max(start, s.from), to: Math.min(end, s.to) }))
    .filter((s) => s.to > s.from);
  const cuts = [...new Set([start, end, ...inside.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? 0;
    const covering = new Set(inside.filter((s) => s.from <= from && s.to >= to).map((s) => s.phase));
    const phase = PHASES.find((p) => p !== 'render' && covering.has(p)) ?? 'render';
    split[phase] += to - from;
  }
  return split;
}
