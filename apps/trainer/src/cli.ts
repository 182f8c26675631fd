#!/usr/bin/env node
// The `cce` executable: runs the command line in this process and exits
// with its code. A second Ctrl-C while the first is being handled exits at
// once.
import { processIo } from './cli/io.js';
import { runCli } from './cli/run-cli.js';

const io = processIo();
let interrupts = 0;
const code = await runCli(process.argv.slice(2), {
  ...io,
  onInterrupt(handler) {
    return io.onInterrupt!(() => {
      interrupts += 1;
      if (interrupts > 1) {
        process.stderr.write('cce: interrupted twice; exiting now\n');
        process.exit(130);
      }
      process.stderr.write(
        '\ncce: stopping after this batch to write a checkpoint (Ctrl-C again to quit at once)\n',
      );
      handler();
    });
  },
});
process.exitCode = code;
