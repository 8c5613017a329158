/**
 * Set by esbuild's `define` (src/build/esbuild.mjs): false in the production bundle, so code behind
 * it (test hooks, emulator fault modes) is dropped; true in test builds. Undefined when tests run
 * the sources directly (tsx), which counts as a test build: read it with `typeof` first.
 */
declare const __IDENFY_TEST_BUILD__: boolean | undefined;
