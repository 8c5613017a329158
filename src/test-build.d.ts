/**
 * True in the development build (integration tests, npm run build), false in the production bundle:
 * esbuild replaces it (see src/build/esbuild.mjs), so code behind `if (__IDENFY_TEST_BUILD__)` is
 * dropped from what ships. Plain tsx runs define it in test/support/test-build.ts.
 */
declare const __IDENFY_TEST_BUILD__: boolean;
