/** A problem found in a request body, independent of zod's own issue format. */
export interface RequestIssue {
  /** JSON path to the offending value; [] for the document itself. */
  path: (string | number)[];
  /** One sentence that says what is wrong and what to do. */
  message: string;
  /**
   * missing: a required property is absent (iDenfy: MISSING_VALUE).
   * unknown_property: the property is not part of the model (typo?).
   * cross_field: a rule that ties two properties together.
   * bad_value: anything else (iDenfy: BAD_VALUE).
   */
  kind: 'missing' | 'bad_value' | 'unknown_property' | 'cross_field';
}

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; issues: RequestIssue[] };
