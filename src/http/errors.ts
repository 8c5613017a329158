/**
 * What went wrong talking to iDenfy, as the editor shows it. The mappings that produce an
 * IdenfyFailure live by concern: idenfy-error-body.ts (iDenfy's error JSON), status-failures.ts
 * (HTTP statuses and unusable answers), network-failures.ts (failures on the wire). All pure.
 */

type FailureAction = 'setCredentials' | 'showProblems' | 'openSettings' | 'openOutput' | 'none';

export type FailureCause =
  | 'baseUrlRefused'
  | 'unauthorized'
  | 'missingValue'
  | 'badValue'
  | 'validationError'
  | 'jsonError'
  | 'encodingError'
  | 'contractError'
  | 'permissionDenied'
  | 'notFound'
  | 'scanRefNotFound'
  | 'tokenNotExpired'
  | 'dataDeleted'
  | 'pageNotFound'
  | 'credentialsMissing'
  | 'credentialsChanged'
  | 'profileRemoved'
  | 'methodNotAllowed'
  | 'duplicateClientId'
  | 'requestTooLarge'
  | 'rateLimited'
  | 'serverError'
  | 'unexpectedStatus'
  | 'invalidSuccessBody'
  | 'responseTooLarge'
  | 'dnsNotFound'
  | 'connectionRefused'
  | 'connectionReset'
  | 'tlsCertificate'
  | 'proxyError'
  | 'timeout'
  | 'cancelled'
  | 'network';

export interface IdenfyFailure {
  cause: FailureCause;
  /** One sentence that says what happened and what to do; never contains the secret. */
  message: string;
  action: FailureAction;
  /** Request property the failure is about, when iDenfy named one ("Field 'country' ..."). */
  field?: string;
  retryAfterSeconds?: number;
  /**
   * True when a session may have been created although we cannot show it. POSTs are never
   * retried automatically, and the UI must tell the user to check before sending again.
   */
  outcomeUnknown: boolean;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** iDenfy's error identifier or the network error code, for the output log. */
  code?: string;
  /** iDenfy's error identifier, when the body was iDenfy's error JSON. */
  identifier?: string;
  /**
   * For the output log: iDenfy's `message`, or the start of an error body that is not iDenfy's
   * (a proxy's or a gateway's page). Redacted, on one line, at most 200 characters.
   */
  serverText?: string;
}

/** The advice for every outcome in which a session may exist although none can be shown. */
export const CHECK_DASHBOARD = 'check the iDenfy dashboard before sending again';
/** The advice when a delete may have happened although no answer says so. */
export const CHECK_STATUS_FIRST = 'check the status before deleting again';
