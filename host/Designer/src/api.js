/**
 * Every server route the designer and the instance viewer use, in one place.
 *
 * All requests are same-origin, send cookies (the host's login) and expect JSON
 * unless noted. Errors: any non-2xx answer becomes an ApiError carrying the status
 * and the parsed body (for 422 the body is { errors: [ { elementId, code, message } ] }).
 */

export const routes = {

  /** GET → Camunda 7 element templates (array) of every custom activity. */
  elementTemplates: () => '/api/element-templates',

  /** GET → [ { code, name, kind, kindName } ]. */
  departments: () => '/api/departments',

  /** GET → [ { code, name } ]: the roles a task can be offered to, with their Chinese names. */
  roles: () => '/api/roles',

  /** POST text/xml → { errors: [ { elementId, code, message } ] }. */
  validate: () => '/api/definitions/validate',

  /** POST { xml, with: [xml...], vars: {}, answers: { tasks: {}, services: {} } } → { completed, counters, trace, waiting, incidents }. */
  simulate: () => '/api/definitions/simulate',

  /** POST text/xml → { id, key, version, deployedAt, deployedBy }; 422 → { errors: [...] }. */
  publish: () => '/api/definitions',

  /** GET → [ { id, key, version, deployedAt, deployedBy, deployedByName, running } ] (running: active instances of that version). */
  versions: (key) => `/api/definitions?key=${ encodeURIComponent(key) }`,

  /** GET → BPMN XML (text) of one deployed version. */
  definitionXml: (id) => `/api/definitions/${ encodeURIComponent(id) }/xml`,

  /** GET → BPMN XML (text) of the latest version of a process key. */
  latestXml: (key) => `/api/definitions/latest/${ encodeURIComponent(key) }/xml`,

  /** GET → { xml, completed: { elementId: count }, active: [id], overdue: [id], incidents: [ { elementId, message } ] }. */
  instanceDiagram: (id) => `/api/instances/${ encodeURIComponent(id) }/diagram`
};

export class ApiError extends Error {
  constructor(status, body, url) {
    super(describe(status, body));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.url = url;
  }

  /** Validation errors of the answer, if the server sent any. */
  get errors() {
    return (this.body && Array.isArray(this.body.errors)) ? this.body.errors : [];
  }
}

function describe(status, body) {
  if (body && typeof body === 'object') {
    if (body.detail || body.title) {
      return body.detail || body.title;
    }
    if (Array.isArray(body.errors) && body.errors.length) {
      return body.errors.map(e => e.message).join('；');
    }
  }

  if (typeof body === 'string' && body && body.length < 300) {
    return body;
  }

  if (status === 401 || status === 403) {
    return '没有权限，请先登录';
  }

  if (status === 404) {
    return '未找到';
  }

  return status ? `服务器返回错误（${ status }）` : '无法连接服务器';
}

async function request(url, { method = 'GET', body, contentType, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };

  if (contentType) {
    headers['Content-Type'] = contentType;
  }

  let response;

  try {
    response = await fetch(url, { method, body, headers, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, null, url);
  }

  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();

  if (!response.ok) {
    throw new ApiError(response.status, payload, url);
  }

  return payload;
}

export const api = {
  elementTemplates: () => request(routes.elementTemplates()),

  departments: () => request(routes.departments()),

  roles: () => request(routes.roles()),

  validate: (xml) => request(routes.validate(), { method: 'POST', body: xml, contentType: 'text/xml' }),

  simulate: (payload) => request(routes.simulate(), {
    method: 'POST',
    body: JSON.stringify(payload),
    contentType: 'application/json'
  }),

  publish: (xml) => request(routes.publish(), { method: 'POST', body: xml, contentType: 'text/xml' }),

  versions: (key) => request(routes.versions(key)),

  definitionXml: (id) => request(routes.definitionXml(id), { accept: 'application/xml, text/xml, text/plain' }),

  latestXml: (key) => request(routes.latestXml(key), { accept: 'application/xml, text/xml, text/plain' }),

  instanceDiagram: (id) => request(routes.instanceDiagram(id))
};
