// A static server for host/wwwroot with a fake API, to look at the designer without the host:
//   node test/dev-server.mjs [port]   → http://127.0.0.1:5090/designer/index.html?key=item-review
// The fake answers follow the shapes in src/api.js; nothing is stored beyond the process.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../wwwroot');
const port = Number(process.argv[2] || 5090);

const sample = await readFile(path.join(here, 'fixtures/item-review.bpmn'), 'utf8');

const versions = [
  { id: 'v1', key: 'item-review', version: 1, deployedAt: '2026-01-05T09:00:00+08:00', deployedBy: 'admin', deployedByName: '领导小组办公室', running: 2, xml: sample.replace('name="主管单位审核"', 'name="审核"') },
  { id: 'v2', key: 'item-review', version: 2, deployedAt: '2026-02-10T15:30:00+08:00', deployedBy: 'admin', deployedByName: '领导小组办公室', running: 1, xml: sample }
];

const templates = [
  {
    $schema: 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json',
    id: 'decoupling.checklist.verify',
    name: '清单材料检查',
    version: 1,
    appliesTo: [ 'bpmn:ServiceTask' ],
    properties: [
      { type: 'Hidden', value: 'external', binding: { type: 'property', name: 'camunda:type' } },
      { type: 'Hidden', value: 'checklist.verify', binding: { type: 'property', name: 'camunda:topic' } },
      { label: '清单事项', type: 'String', value: '${itemId}', binding: { type: 'camunda:inputParameter', name: 'itemId' }, constraints: { notEmpty: true } }
    ]
  }
];

const departments = [
  { code: 'mzj', name: '民政局', kind: 'FunctionalDepartment', kindName: '职能部门' },
  { code: 'czj', name: '财政局', kind: 'FunctionalDepartment', kindName: '职能部门' },
  { code: 'fgw', name: '发展改革委', kind: 'SupervisoryUnit', kindName: '业务主管单位' }
];

const roles = [
  { code: 'LeadingGroup', name: '领导小组办公室' },
  { code: 'Reviewer', name: '职能部门审核人' }
];

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

async function body(req) {
  const chunks = [];

  for await (const chunk of req) {
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString('utf8');
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname;

  try {
    if (p === '/api/element-templates') return send(res, 200, templates);
    if (p === '/api/departments') return send(res, 200, departments);
    if (p === '/api/roles') return send(res, 200, roles);
    if (p === '/api/definitions/validate') {
      const xml = await body(req);
      return send(res, 200, { errors: xml.includes('Review') ? [] : [ { elementId: null, code: 'DEMO', message: '示例错误' } ] });
    }
    if (p === '/api/definitions/simulate') {
      const request = JSON.parse(await body(req));
      const rejects = (request.answers.tasks.Review || []).filter(a => a.outcome === 'reject').length;
      return send(res, 200, {
        completed: !!request.answers.tasks.Review,
        counters: { Start: 1, Check: 1, Review: rejects + 1, Decide: rejects + 1, End: 1 },
        trace: [ { process: 'item-review', event: 'completed', element: 'Start', at: '2026-01-01T08:00:00+08:00' } ],
        waiting: request.answers.tasks.Review ? [] : [ 'Review' ],
        incidents: []
      });
    }
    if (p === '/api/definitions' && req.method === 'POST') {
      const xml = await body(req);
      const version = { id: 'v' + (versions.length + 1), key: 'item-review', version: versions.length + 1, deployedAt: new Date().toISOString(), deployedBy: 'demo', deployedByName: '演示用户', running: 0, xml };
      versions.push(version);
      return send(res, 201, { ...version, xml: undefined });
    }
    if (p === '/api/definitions') return send(res, 200, versions.filter(v => v.key === url.searchParams.get('key')).map(({ xml, ...v }) => v));
    let m = p.match(/^\/api\/definitions\/latest\/([^/]+)\/xml$/);
    if (m) {
      const list = versions.filter(v => v.key === decodeURIComponent(m[1]));
      return list.length ? send(res, 200, list[list.length - 1].xml, 'application/xml') : send(res, 404, { title: '未找到流程' });
    }
    m = p.match(/^\/api\/definitions\/([^/]+)\/xml$/);
    if (m) {
      const version = versions.find(v => v.id === decodeURIComponent(m[1]));
      return version ? send(res, 200, version.xml, 'application/xml') : send(res, 404, { title: '未找到版本' });
    }
    m = p.match(/^\/api\/instances\/([^/]+)\/diagram$/);
    if (m) {
      return send(res, 200, {
        instanceId: m[1], definitionKey: 'item-review', version: 2, xml: sample,
        completed: { Start: 1, Check: 1, Review: 2, Decide: 1 }, active: [ 'Review' ], overdue: [ 'Review' ],
        incidents: [ { elementId: 'Check', message: '材料服务不可用（示例）' } ]
      });
    }

    const file = path.join(root, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
    const content = await readFile(file);
    return send(res, 200, content, types[path.extname(file)] || 'application/octet-stream');
  } catch (err) {
    return send(res, err.code === 'ENOENT' ? 404 : 500, { title: err.message });
  }
}).listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${ port }/designer/index.html?key=item-review`));
