/**
 * 3. Editor validation: what VS Code's JSON language server does on each change of a *.idenfy.json file,
 * with our schema vs the trivial schema `{}`. One language service per schema, created once (VS Code
 * compiles a schema once per service); the figure is steady state after warm-up.
 */
import { performance } from 'node:perf_hooks';
import type { LanguageService, TextDocument } from 'vscode-json-languageservice';
import { createService, doc, loadSchemaText } from '../support/json-service';
import { budgeted, info, ms, type Row } from './lib/format';
import { interleave, median } from './lib/stats';

export const TYPICAL_RATIO_BUDGET = 5;
export const TYPICAL_MS_BUDGET = 0.1;
export const LARGE_MS_BUDGET = 100;
// The settings VS Code's JSON server uses for files whose schema allows comments (as test/support does).
const SETTINGS = { comments: 'ignore', trailingCommas: 'ignore' } as const;

interface Side {
  service: LanguageService;
  document: TextDocument;
}

function side(schemaText: string, text: string): Side {
  return { service: createService(schemaText), document: doc(text) };
}

/** parseJSONDocument + doValidation: the full cost of one change, as the JSON server pays it. */
async function parseAndValidate(s: Side): Promise<number> {
  const t0 = performance.now();
  const parsed = s.service.parseJSONDocument(s.document);
  const diagnostics = await s.service.doValidation(s.document, parsed, SETTINGS);
  const t = performance.now() - t0;
  if (diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${diagnostics[0]?.message}`);
  return t;
}

/**
 * One sample = `n` calls in a row, averaged: a single call of 10-50 µs is too short to time alone (a
 * stray GC or timer tick lands on one call and moves the median), and these figures carry a budget.
 */
function batch(fn: () => Promise<number>, n: number): () => Promise<number> {
  return async () => {
    let total = 0;
    for (let i = 0; i < n; i++) total += await fn();
    return total / n;
  };
}

/** Calls per sample for the small documents. */
const BATCH = 20;

function validateOnly(s: Side): () => Promise<number> {
  const parsed = s.service.parseJSONDocument(s.document);
  return async () => {
    const t0 = performance.now();
    await s.service.doValidation(s.document, parsed, SETTINGS);
    return performance.now() - t0;
  };
}

export async function measureEditorValidation(
  typical: string,
  fullText: string,
  large: string,
  iterations: { typical: number; large: number },
): Promise<Row[]> {
  const schema = loadSchemaText();
  const rows: Row[] = [];

  // First validation on a fresh service: includes fetching and compiling the schema (once per window).
  {
    const ours = side(schema, typical);
    const trivial = side('{}', typical);
    const a = await parseAndValidate(ours);
    const b = await parseAndValidate(trivial);
    rows.push(
      info({
        figure: 'editor: first validation of typical file (schema load + compile)',
        value: ms(a),
        reference: `schema {} ${ms(b)}`,
        ratio: a / b,
      }),
    );
  }

  const ours = side(schema, typical);
  const trivial = side('{}', typical);
  const full = await interleave(
    batch(() => parseAndValidate(ours), BATCH),
    batch(() => parseAndValidate(trivial), BATCH),
    { warmup: 100, iterations: iterations.typical },
  );
  const ratio = median(full.a) / median(full.b);
  rows.push(
    budgeted(
      {
        figure: `editor: typical file, parseJSONDocument + doValidation (median of ${iterations.typical} x ${BATCH})`,
        value: ms(median(full.a)),
        reference: `schema {} ${ms(median(full.b))}`,
        ratio,
        budget: `ratio <= ${TYPICAL_RATIO_BUDGET} and <= ${TYPICAL_MS_BUDGET} ms`,
      },
      ratio <= TYPICAL_RATIO_BUDGET && median(full.a) <= TYPICAL_MS_BUDGET,
    ),
  );
  const only = await interleave(batch(validateOnly(ours), BATCH), batch(validateOnly(trivial), BATCH), {
    warmup: 100,
    iterations: iterations.typical,
  });
  rows.push(
    info({
      figure: 'editor: typical file, doValidation only (pre-parsed)',
      value: ms(median(only.a)),
      reference: `schema {} ${ms(median(only.b))}`,
      ratio: median(only.a) / median(only.b),
    }),
  );

  // Every field of the page at once: the most the schema ever has to check in a normal-sized file.
  {
    const o = side(schema, fullText);
    const t = side('{}', fullText);
    const r = await interleave(
      batch(() => parseAndValidate(o), BATCH),
      batch(() => parseAndValidate(t), BATCH),
      { warmup: 100, iterations: iterations.typical },
    );
    rows.push(
      info({
        figure: `editor: the page's full-control example (all 27 fields), parse + doValidation (median of ${iterations.typical} x ${BATCH})`,
        value: ms(median(r.a)),
        reference: `schema {} ${ms(median(r.b))}`,
        ratio: median(r.a) / median(r.b),
      }),
    );
  }

  const bigOurs = side(schema, large);
  const bigTrivial = side('{}', large);
  const big = await interleave(
    () => parseAndValidate(bigOurs),
    () => parseAndValidate(bigTrivial),
    { warmup: 3, iterations: iterations.large },
  );
  const bigMs = median(big.a);
  rows.push(
    budgeted(
      {
        figure: `editor: ${(large.length / 1024 / 1024).toFixed(2)} MiB file, parseJSONDocument + doValidation (median of ${iterations.large})`,
        value: ms(bigMs),
        reference: `schema {} ${ms(median(big.b))}`,
        ratio: bigMs / median(big.b),
        budget: `< ${LARGE_MS_BUDGET} ms`,
      },
      bigMs < LARGE_MS_BUDGET,
    ),
  );
  const bigOnly = await interleave(validateOnly(bigOurs), validateOnly(bigTrivial), {
    warmup: 3,
    iterations: iterations.large,
  });
  rows.push(
    info({
      figure: 'editor: large file, doValidation only (pre-parsed)',
      value: ms(median(bigOnly.a)),
      reference: `schema {} ${ms(median(bigOnly.b))}`,
      ratio: median(bigOnly.a) / median(bigOnly.b),
    }),
  );
  return rows;
}
