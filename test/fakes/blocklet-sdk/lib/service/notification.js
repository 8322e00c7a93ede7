'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
// Fake of @blocklet/sdk/lib/service/notification: nothing is ever announced.
exports.default = { on: async () => {}, off: () => {} };
