/**
 * True in the development build (integration tests, npm run build), false in the production bundle:
 * esbuild replaces it (see src/build/esbuild.mjs), so code behind it (test hooks, emulator fault
 * modes) is dropped from what ships. Plain tsx runs define it in test/support/test-build.ts; code that
 * may run from source without that module reads it with `typeof` first.
 */
declare const __IDENFY_TEST_BUILD__: boolean;
