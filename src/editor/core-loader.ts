import type * as Core from '../core';

let core: typeof Core | undefined;

/**
 * dist/idenfy-core.js, required on first use. esbuild leaves this require alone (see src/build/esbuild.mjs),
 * so zod, undici and the emulator are neither parsed nor run at activation.
 */
export function loadCore(): typeof Core {
  core ??= require('./idenfy-core.js') as typeof Core;
  return core;
}
