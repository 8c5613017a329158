/**
 * Everything heavy (zod, undici, jsonc-parser, the emulator), bundled as dist/idenfy-core.js and loaded by
 * the editor layer on first use, so activating the extension parses none of it.
 */
export { startEmulator } from './emulator/server';
export { JsonFileStorage } from './history/file-storage';
export { HistoryStore, isExpired } from './history/store';
export { dispatcherFor } from './http/dispatcher';
export { findPropertyRange } from './jsonc/request-text';
export { nearestKnownProperty } from './model/property-names';
export { KNOWN_PROPERTIES } from './model/request';
export { requestForSession } from './session/lifecycle';
export { prepareRequest } from './session/prepare';
export { sendRequest } from './session/send';
