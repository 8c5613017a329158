/** The shape of `additionalSteps`: country (or ALL), then document type (or ALL), then step name. */
import * as z from 'zod';
import { described, matching } from './field-helpers';
import { STEP_COUNTRY_PATTERN, STEP_NAME_PATTERN } from './patterns';
import { documentTypeValues, STEP_TYPES, stepTypeValues } from './vocabulary';

const DOCUMENT_KEY_PATTERN = new RegExp(`^(?:ALL|${documentTypeValues.join('|')})$`);
const LANGUAGE_KEY_PATTERN = /^[a-z]{2}$/;

const stepText = z.strictObject({
  name: z.string().min(1).meta({ description: 'Title of the step shown to the client.' }),
  description: z.string().meta({ description: 'Explanation of the step shown to the client.' }),
});

const additionalStep = z
  .looseObject({
    type: described(STEP_TYPES, stepTypeValues, 'step type'),
    fields: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Fields to read from the uploaded document (EXTRACT and COMPARE).' }),
    texts: z
      .record(
        matching(LANGUAGE_KEY_PATTERN, 'Use a two-letter lower-case language code, such as "en".'),
        stepText,
      )
      .optional()
      .meta({ description: 'Texts shown to the client for this step, per language code.' }),
  })
  .meta({ description: 'One additional step: what the client must provide and what iDenfy does with it.' });

export const additionalSteps = z.record(
  matching(STEP_COUNTRY_PATTERN, 'Use an alpha-2 country code or ALL.'),
  z.record(
    matching(DOCUMENT_KEY_PATTERN, 'Use a document type (such as ID_CARD) or ALL.'),
    z.record(matching(STEP_NAME_PATTERN, 'Step names are upper-case, such as UTILITY_BILL.'), additionalStep),
  ),
);
