/**
 * What one request to iDenfy is for. The failure mappers word their messages from it and decide from
 * its effect whether a lost answer leaves the user not knowing what happened on iDenfy's side: a lost
 * "create" may have made a billable session, a lost "delete" may have removed the data, a lost "read"
 * changed nothing.
 */
export interface Operation {
  method: 'POST' | 'GET';
  /** The endpoint's path as iDenfy documents it, for messages ("no /api/v2/status endpoint"). */
  path: string;
  effect: 'create' | 'read' | 'delete';
  /** The verification asked about: an iDenfy error saying "not found" is then about it, not the URL. */
  scanRef?: string;
  /** The page asked of a paginated listing: a 404 "Invalid page." is then about it, not the URL. */
  page?: number;
}

/** Create Session: the operation every mapper assumed before the lifecycle endpoints existed. */
export const CREATE_SESSION: Operation = { method: 'POST', path: '/api/v2/token', effect: 'create' };
