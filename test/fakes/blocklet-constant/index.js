'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.BlockletStatus = { running: 'running' };
exports.BlockletInternalEvents = { componentStarted: 'blocklet.componentStarted' };
