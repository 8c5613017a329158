/**
 * 4. Pre-send validation: the zod model (validateRequest, on an already parsed object) and the whole
 * prepareRequest (size and depth checks, JSONC parse, duplicate keys, zod), on the typical file.
 */
import { parse } from 'jsonc-parser';
import { validateRequest } from '../../src/model/validate';
import { prepareRequest } from '../../src/session/prepare';
import { info, ms, type Row, us } from './lib/format';
import { microsPerCall } from './lib/stats';

export function measurePreSend(typical: string, large: string): Row[] {
  // The typical file has a comment: parse it as the editor does.
  const parsed = parse(typical) as unknown;
  if (!validateRequest(parsed).ok || !prepareRequest(typical).ok)
    throw new Error('the typical request is not valid');
  const options = { warmupMs: 500, batches: 30, perBatch: 200 };
  // The typical file first: the 1 MiB file's thousands of distinct keys leave the shared code's inline
  // caches megamorphic, which would slow the typical figures measured after it.
  const zod = microsPerCall(() => validateRequest(parsed), options);
  const prepare = microsPerCall(() => prepareRequest(typical), options);
  if (!prepareRequest(large).ok) throw new Error('the 1 MiB request is not valid');
  const prepareLarge = microsPerCall(() => prepareRequest(large), { warmupMs: 0, batches: 7, perBatch: 1 });
  return [
    info({
      figure: 'pre-send: validateRequest (zod safeParse) typical file',
      value: us(zod.median),
      reference: `p90 ${us(zod.p90)}; ${options.batches} batches x ${options.perBatch}`,
    }),
    info({
      figure: 'pre-send: prepareRequest (JSONC parse + zod) typical file',
      value: us(prepare.median),
      reference: `p90 ${us(prepare.p90)}; ${options.batches} batches x ${options.perBatch}`,
    }),
    info({
      figure: 'pre-send: prepareRequest, 1 MiB file',
      value: ms(prepareLarge.median / 1000),
      reference: `p90 ${ms(prepareLarge.p90 / 1000)}; ${prepareLarge.samples} runs`,
    }),
  ];
}
