/**
 * Rules that tie two properties together, each written once as data. `request.ts` evaluates them
 * in zod; `schema/` turns the same data into JSON Schema `if`/`then`, so the editor shows them live.
 */
import { isPlainObject } from '../util/is-plain-object';

export type Condition =
  | { field: string; is: 'true' }
  | { field: string; is: 'object' }
  | { field: string; is: 'absentOrNull' }
  | { field: string; is: 'above'; limit: number };

export interface CrossFieldRule {
  id: string;
  /** All must hold for the rule to fire. */
  when: readonly Condition[];
  /** The property whose value carries the diagnostic; always one that `when` requires present. */
  report: string;
  message: string;
}

/** The page's default `expiryTime`, which is also the longest a mobile digit code may live. */
const DIGIT_STRING_MAX_EXPIRY = 86400;

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    id: 'utility-bill-with-additional-steps',
    when: [
      { field: 'utilityBill', is: 'true' },
      { field: 'additionalSteps', is: 'object' },
    ],
    report: 'additionalSteps',
    message:
      '`utilityBill: true` cannot be combined with `additionalSteps`. Remove `additionalSteps`, or set `utilityBill` to false and ask for the bill as a `UTILITY_BILL` step.',
  },
  {
    id: 'additional-data-without-steps',
    when: [
      { field: 'additionalData', is: 'object' },
      { field: 'additionalSteps', is: 'absentOrNull' },
    ],
    report: 'additionalData',
    message:
      '`additionalData` is only read together with `additionalSteps`. Add the step it belongs to (for example a `COMPARE` step), or remove `additionalData`.',
  },
  {
    id: 'digit-string-expiry',
    when: [
      { field: 'generateDigitString', is: 'true' },
      { field: 'expiryTime', is: 'above', limit: DIGIT_STRING_MAX_EXPIRY },
    ],
    report: 'expiryTime',
    message: `With \`generateDigitString: true\`, \`expiryTime\` may not exceed ${DIGIT_STRING_MAX_EXPIRY} seconds (24 hours, the default): an 8-digit code is easy to guess, so iDenfy limits how long it stays valid. Lower \`expiryTime\`, or ask iDenfy to raise the limit for your account.`,
  },
];

function conditionHolds(condition: Condition, request: Record<string, unknown>): boolean {
  const value = request[condition.field];
  switch (condition.is) {
    case 'true':
      return value === true;
    case 'object':
      return isPlainObject(value);
    case 'absentOrNull':
      return value === undefined || value === null;
    case 'above':
      return typeof value === 'number' && value > condition.limit;
  }
}

export function brokenRules(request: Record<string, unknown>): CrossFieldRule[] {
  return CROSS_FIELD_RULES.filter((rule) => rule.when.every((c) => conditionHolds(c, request)));
}
