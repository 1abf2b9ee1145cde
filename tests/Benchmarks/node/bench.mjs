// bpmn-engine (Node) on the same model as the C# engine: one Engine per instance from the same XML, as its docs do.
// bpmn-engine does not read camunda:type="external", so the service task is pointed at a service function instead.
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

const source = readFileSync(process.argv[2], 'utf8')
  .replace(/<bpmn:serviceTask id="service"[^>]*\/>/, '<bpmn:serviceTask id="service" implementation="${environment.services.bench}" />');
const seconds = Number(process.argv[3] ?? 5);
const services = { bench: (_ctx, next) => next(null, { done: true }) };

async function one(n) {
  const listener = new EventEmitter();
  const waiting = new Promise((resolve) => listener.once('wait', (api) => resolve(api)));
  const engine = new Engine({ name: 'b' + n, source, services });
  const execution = await engine.execute({ listener });
  const ended = new Promise((resolve) => engine.once('end', resolve));
  const api = await waiting;
  api.signal({ approved: true });
  await ended;
  return execution;
}

for (let i = 0; i < 200; i++) await one(i);
const start = process.hrtime.bigint();
let count = 0;
while (Number(process.hrtime.bigint() - start) / 1e9 < seconds) { await one(count++); }
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ instancesPerSecond: count / elapsed }));
