// Shared by the bench's child processes (cold-send-child.cjs, warm-send-child.cjs), which run in plain
// node: the input arrives as JSON on stdin, the result leaves as one JSON line on stdout.
'use strict';

async function readInput() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Runs `main(input)`, prints what it returns as one JSON line and exits 0, or prints the error and exits 1. */
function runChild(main) {
  readInput()
    .then(main)
    .then(
      (result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        process.exit(0);
      },
      (err) => {
        process.stderr.write(`${err?.stack ?? err}\n`);
        process.exit(1);
      },
    );
}

module.exports = { runChild };
