/**
 * Everything heavy (zod, undici, jsonc-parser, the emulator), bundled as dist/idenfy-core.js and loaded by
 * the editor layer on first use, so activating the extension parses none of it.
 */
export { OUTCOME_KINDS, OutcomeError, startEmulator } from './emulator/server';
export { JsonFileStorage } from './history/file-storage';
export { HistoryStore, isExpired } from './history/store';
export { dispatcherFor } from './http/dispatcher';
export { findPropertyRange } from './jsonc/request-text';
export { nearestKnownProperty } from './model/property-names';
export { KNOWN_PROPERTIES } from './model/request';
export {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
} from './model/result-vocabulary';
export { sessionPanelModel } from './panel/model';
export { parsePanelMessage, renderGoneSession, renderSessionPanel } from './panel/render';
export { explainFullResult } from './session/explain-result';
export { requestForSession } from './session/lifecycle';
export { prepareRequest } from './session/prepare';
export { sendRequest } from './session/send';
