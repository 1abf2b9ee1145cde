// The simulation request built from the panel's choices.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildRequest } from '../src/simulation/answers.js';

test('Reject twice then approve gives three entries, the last repeating on the server', () => {
  const request = buildRequest({
    xml: '<x/>',
    tasks: {
      Review: { wait: false, rows: [ { outcome: 'reject', times: 2, vars: '' }, { outcome: 'approve', times: 1, vars: '{"comment":"好"}' } ] },
      Sign: { wait: true, rows: [] }
    },
    services: {
      Check: { mode: 'error', error: 'MATERIAL_MISSING' },
      Number: { mode: 'complete', vars: '{"docNo": "民社〔2026〕1号"}' }
    },
    startVars: '{"itemId": 7}'
  });

  assert.deepEqual(request, {
    xml: '<x/>',
    with: [],
    vars: { itemId: 7 },
    answers: {
      tasks: { Review: [ { outcome: 'reject' }, { outcome: 'reject' }, { comment: '好', outcome: 'approve' } ] },
      services: { Check: { error: 'MATERIAL_MISSING' }, Number: { docNo: '民社〔2026〕1号' } }
    }
  });
});

test('Variables that are not a JSON object are refused with a Chinese message naming the task', () => {
  assert.throws(() => buildRequest({ xml: '', tasks: { Review: { rows: [ { outcome: 'approve', times: 1, vars: '[1]' } ] } } }),
    /用户任务 Review 第 1 条/);
});
