/**
 * The simulation request (POST /api/definitions/simulate) from what the user chose:
 *
 *   { xml, with: [ xml... ], vars: {}, answers: { tasks: { id: [ {outcome,...} ] }, services: { id: {...} | { error } } } }
 *
 * A task's list is used in order and its last entry repeats; a task that is not in
 * `tasks` stays waiting (its timers fire). Service tasks complete with the given
 * variables or throw the named BPMN error.
 */

export const OUTCOMES = [
  { value: 'approve', label: '通过' },
  { value: 'reject', label: '驳回' },
  { value: 'return', label: '退回' },
  { value: 'custom', label: '其他结果…' }
];

/** The default choice for a user task: approve every time. */
export function defaultTaskChoice() {
  return { wait: false, rows: [ { outcome: 'approve', custom: '', times: 1, vars: '' } ] };
}

/** The default choice for a service task: complete without variables. */
export function defaultServiceChoice() {
  return { mode: 'complete', error: '', vars: '' };
}

/**
 * Parses a JSON object typed by the user; '' is {}.
 *
 * @throws {Error} with a Chinese message naming `what`
 */
export function parseVars(text, what) {
  if (!text || !String(text).trim()) {
    return {};
  }

  let value;

  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${ what }：变量不是合法的 JSON（${ err.message }）`);
  }

  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${ what }：变量必须是 JSON 对象，例如 {"amount": 100}`);
  }

  return value;
}

/**
 * @param {Object} options
 * @param {string} options.xml the diagram
 * @param {string[]} [options.with] called processes
 * @param {string} [options.startVars] JSON text
 * @param {Object<string, {wait, rows}>} options.tasks choices per user task id
 * @param {Object<string, {mode, error, vars}>} options.services choices per service task id
 *
 * @return {Object} the request body
 */
export function buildRequest({ xml, with: others = [], startVars = '', tasks = {}, services = {} }) {
  const answers = { tasks: {}, services: {} };

  Object.entries(tasks).forEach(([ id, choice ]) => {
    if (!choice || choice.wait) {
      return;
    }

    const list = [];

    (choice.rows || []).forEach((row, index) => {
      const outcome = row.outcome === 'custom' ? String(row.custom || '').trim() : row.outcome;

      if (!outcome) {
        throw new Error(`用户任务 ${ id } 第 ${ index + 1 } 条：请填写结果`);
      }

      const vars = parseVars(row.vars, `用户任务 ${ id } 第 ${ index + 1 } 条`);
      const times = Math.max(1, Math.min(100, parseInt(row.times, 10) || 1));

      for (let i = 0; i < times; i++) {
        list.push({ ...vars, outcome });
      }
    });

    if (list.length) {
      answers.tasks[id] = list;
    }
  });

  Object.entries(services).forEach(([ id, choice ]) => {
    if (!choice) {
      return;
    }

    if (choice.mode === 'error') {
      const code = String(choice.error || '').trim();

      if (!code) {
        throw new Error(`服务任务 ${ id }：请填写错误代码`);
      }

      answers.services[id] = { error: code };
    } else {
      answers.services[id] = parseVars(choice.vars, `服务任务 ${ id }`);
    }
  });

  return {
    xml,
    with: others,
    vars: parseVars(startVars, '启动变量'),
    answers
  };
}
