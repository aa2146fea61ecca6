/** mulberry32: a tiny seeded PRNG, so seeded accounts (and the demo) are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789ABCDEF';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function pick(alphabet: string, length: number, random: () => number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A key as Telnyx issues it: `KEY` + 32 hex (the id) + `_` + a 22-char base64url secret. */
export function newKey(random: () => number): { id: string; value: string } {
  const id = `KEY${pick(HEX, 32, random)}`;
  return { id, value: `${id}_${pick(B64URL, 22, random)}` };
}
