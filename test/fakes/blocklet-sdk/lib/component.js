'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
// Fake of @blocklet/sdk/lib/component: call() is what the real one does after resolving the Payment Kit
// component's endpoint and signing the request: { name, method, path, params, data } -> an axios-like
// response ({ data }), or a thrown error carrying `response.status` and `response.data`.
const { state } = require('./index');
async function call({ name, method, path, params, data }) {
  if (!state.transport) throw new Error(`can not find component ${name}`);
  const { status, body } = await state.transport({ name, method, path, params: params ?? {}, data });
  if (status >= 400) {
    const error = new Error(`Request failed with status code ${status}`);
    error.response = { status, data: body };
    throw error;
  }
  return { status, data: body };
}
async function waitForComponentRunning() {
  if (!state.running) throw new Error('component is not running');
}
exports.default = { call, waitForComponentRunning };
