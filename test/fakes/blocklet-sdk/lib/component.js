'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
// Fake of @blocklet/sdk/lib/component: call() is what the real one does after resolving the Payment Kit
// component's endpoint and signing the request: { name, method, path, params, data } -> an axios-like
// response ({ data }), or a thrown error carrying `response.status` and `response.data`.
const { state } = require('./index');
async function call({ name, method, path, params, data }) {
  const transport = state.transport ?? (process.env.FAKE_PAYMENT_KIT_URL ? overHttp(process.env.FAKE_PAYMENT_KIT_URL) : null);
  if (!transport) throw new Error(`can not find component ${name}`);
  const { status, body } = await transport({ name, method, path, params: params ?? {}, data });
  if (status >= 400) {
    const error = new Error(`Request failed with status code ${status}`);
    error.response = { status, data: body };
    throw error;
  }
  return { status, data: body };
}
// A booted app (another process) reaches the test's fake component over HTTP: POST {url}/call.
function overHttp(url) {
  return async (request) => {
    const response = await fetch(`${url}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    return response.json();
  };
}
async function waitForComponentRunning() {
  if (!state.running) throw new Error('component is not running');
}
exports.default = { call, waitForComponentRunning };
