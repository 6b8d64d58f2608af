// What real plan files go through before they reach the importer — cut short, lines dropped or doubled, tabs
// lost, bytes garbled, HTML pasted in — as operations a property test or the nightly fuzz (`npm run fuzz`) draws.

/** One operation: [kind 0–5, where, how much]. */
export type Mutation = [op: number, a: number, b: number];

export function mutateDocument(text: string, ops: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const [op, a, b] of ops) {
    const i = a % Math.max(1, lines.length);
    if (op === 0) lines.splice(i, 1 + (b % 5));
    else if (op === 1) lines.splice(i, 0, lines[b % lines.length] ?? '');
    else if (op === 2) lines[i] = (lines[i] ?? '').replace(/\t/g, b % 2 ? ' ' : '\t\t');
    else if (op === 3) lines[i] = (lines[i] ?? '').slice(0, b % 40) + String.fromCharCode(b % 0x2fff) + (lines[i] ?? '').slice(b % 40);
    else if (op === 4) lines[i] = `<ul><li>${lines[i] ?? ''}</li></ul>|${'\t'.repeat(b % 9)}`;
    else lines = lines.slice(0, Math.max(1, b % lines.length));
  }
  return lines.join('\n');
}
