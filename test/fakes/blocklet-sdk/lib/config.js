'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
// Fake of @blocklet/sdk/lib/config: the components list names Payment Kit as running when the test says so.
const { state } = require('./index');
const PAYMENT_KIT_DID = 'z2qaCNvKMv5GjouKdcDWexv6WqtHbpNPQDnAk';
exports.default = {
  get components() {
    return state.running ? [{ did: PAYMENT_KIT_DID, status: 'running' }] : [];
  },
};
exports.logger = { info() {}, warn() {}, error() {} };
