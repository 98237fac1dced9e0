import { History } from '../../src/sim/history';
import { validateScenario } from '../../src/scenario/validate';
const r = validateScenario({ version: 1, seed: 42, nodes: 5 }); if (!r.ok) throw 0;
const h = new History(r.scenario);
let n = 0;
for (let t = 100; t <= 600000; t += 100) { h.runUntil(t); h.perform({ do: 'submit', command: `set k${n%7} ${++n}` }); }
const tr = h.simulation.records as any;
const N = tr.length; console.log('records', N);
// frames of ~ N/6000 records
const per = Math.round(N / 6000);
const kinds = new Map<string, number>();
for (let i = 0; i < N; i++) { const e = tr.at(i); const k = e.kind === 'node' ? 'node:' + e.event.type : e.kind === 'client' ? 'client:'+e.event.type : e.kind === 'sent' || e.kind==='delivered' ? e.kind + ':' + e.message.payload.type : e.kind; kinds.set(k, (kinds.get(k) ?? 0) + 1); }
console.log([...kinds].sort((a,b)=>b[1]-a[1]).map(([k,v])=>`${k} ${v}`).join('\n'));
function time(label: string, f: (from: number) => void) {
  const t = performance.now(); let frames = 0;
  for (let from = N - 2000 * per; from + per <= N; from += per) { f(from); frames++; }
  console.log(label.padEnd(30), ((performance.now() - t) / frames * 1000).toFixed(1), 'µs/frame');
}
for (let rep = 0; rep < 2; rep++) {
time('slice objects', (from) => { tr.slice(from, from + per); });
time('slice + structuredClone', (from) => { structuredClone(tr.slice(from, from + per)); });
time('refs structuredClone', (from) => { const refs = []; for (let i = from; i < from + per; i++) refs.push(tr.chunks[i >>> 12].refs[i & 4095]); structuredClone(refs); });
time('refs JSON', (from) => { const refs = []; for (let i = from; i < from + per; i++) refs.push(tr.chunks[i >>> 12].refs[i & 4095]); structuredClone(JSON.stringify(refs)); });
time('events JSON', (from) => { structuredClone(JSON.stringify(tr.slice(from, from + per))); });
}
