'use strict';
// The transport the fake component.call hands every request to: a test installs one with setTransport().
const state = (globalThis.__fakeBlockletSdk ??= { transport: null, running: true });
exports.setTransport = (transport) => {
  state.transport = transport;
};
exports.setPaymentKitRunning = (running) => {
  state.running = running;
};
exports.state = state;
