// One loaded mediasoup-client Device per room (each room is one router with its own capabilities).
import { Device, version } from 'mediasoup-client';

const loadedDevices = new Map();

/** Returns a Device loaded with the room's router capabilities, loading it on first use. */
export function deviceForRoom(api, room, onLog = () => {}) {
  if (!loadedDevices.has(room)) {
    const loading = loadDevice(api, room).then(device => {
      onLog(`mediasoup-client ${version} loaded for room ${room} (handler ${device.handlerName})`);
      return device;
    });
    loadedDevices.set(room, loading);
    loading.catch(() => loadedDevices.delete(room)); // let a later attempt retry
  }
  return loadedDevices.get(room);
}

async function loadDevice(api, room) {
  const routerRtpCapabilities = await api.routerRtpCapabilities(room);
  const device = await createDevice();
  await device.load({ routerRtpCapabilities });
  return device;
}

/**
 * Detection looks at the user agent; headless Chromium ("HeadlessChrome/...") can be reported as unsupported
 * although its WebRTC stack is the normal Chromium one, so we fall back to the modern Chromium handler.
 */
async function createDevice() {
  try {
    return typeof Device.factory === 'function' ? await Device.factory() : new Device();
  } catch (error) {
    if (error.name !== 'UnsupportedError') throw error;
    return new Device({ handlerName: 'Chrome111' });
  }
}

/** The capabilities a consumer needs; `rtpCapabilities` is the older name of the same thing. */
export function receiveCapabilities(device) {
  return device.recvRtpCapabilities ?? device.rtpCapabilities;
}
