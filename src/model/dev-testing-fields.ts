/** The field for testing without real verifications (iDenfy's DEV environment only). */
import { described, documented } from './field-helpers';
import { DUMMY_STATUSES, dummyStatusValues } from './vocabulary';

export const devTestingFields = {
  // Testing without real verifications (iDenfy's notes; not on the page).
  dummyStatus: documented(
    'dummyStatus',
    described(DUMMY_STATUSES, dummyStatusValues, 'dummy status').optional(),
    {
      origin: 'dev-testing',
      description:
        'Create a dummy verification that is already finished with this status, for testing result handling without a real client.',
      constraints: [
        "Works only for partners in iDenfy's DEV environment",
        'TEST and PROD partners get `PERMISSIONS_ERROR` ("This endpoint is not available for ... partners")',
        "iDenfy sends the verification's webhook as for a real one",
        'The answer\'s message is "Dummy token and verification created successfully"',
      ],
      note: '`ACTIVE` is listed by older iDenfy pages only.',
      examples: ['APPROVED'],
    },
  ),
};
