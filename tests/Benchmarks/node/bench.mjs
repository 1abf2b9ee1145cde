// bpmn-engine (Node) on the same model as the C# engine: one Engine per instance from the same XML, as its docs do.
import { Engine } from 'bpmn-engine';
import { readFileSync } from 'node:fs';

const source = readFileSync(process.argv[2], 'utf8');
const seconds = Number(process.argv[3] ?? 5);
const services = { bench: (_ctx, next) => next(null, { done: true }) };

async function one(n) {
  const engine = new Engine({ name: 'b' + n, source, services,
    extensions: { svc: (activity) => {
      if (activity.type === 'bpmn:ServiceTask') {
        activity.behaviour.Service = function () { return { execute: (_m, cb) => cb(null, { done: true }) }; };
      }
    } } });
  const api = await new Promise((resolve, reject) => {
    engine.once('wait', (elementApi) => resolve(elementApi));
    engine.once('error', reject);
    engine.execute().catch(reject);
  });
  const ended = new Promise((resolve) => engine.once('end', resolve));
  api.signal({ approved: true });
  await ended;
}

for (let i = 0; i < 200; i++) await one(i);
const start = process.hrtime.bigint();
let count = 0;
while (Number(process.hrtime.bigint() - start) / 1e9 < seconds) { await one(count++); }
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ instancesPerSecond: count / elapsed }));
