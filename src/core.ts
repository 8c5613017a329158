/**
 * Everything heavy (zod, undici, jsonc-parser, the emulator), bundled as dist/idenfy-core.js and loaded by
 * the editor layer on first use, so activating the extension parses none of it.
 */
export { OUTCOME_KINDS, OutcomeError, startEmulator } from './emulator/server';
export { EXPORT_FORMATS, exportRequest } from './export/formats';
export { DeliveryLog } from './history/deliveries';
export { JsonFileStorage } from './history/file-storage';
export { HistoryStore, isExpired } from './history/store';
export { dispatcherFor } from './http/dispatcher';
export { idenfyUrl } from './http/idenfy-urls';
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
export { deliverWebhook } from './webhooks/deliver';
export {
  eventTypeFor,
  parseEventType,
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_EVENT_TYPES,
} from './webhooks/event-types';
export { prepareWebhook } from './webhooks/prepare-webhook';
export { checkWebhookTarget } from './webhooks/target-url';
