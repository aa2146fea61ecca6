import { spawn } from 'node:child_process';
import { buildApp } from './build-app.js';
import { findElectronBinary } from './electron-binary.js';

/**
 * `npm start`: build, then launch Electron. Where the Electron binary is missing (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on machines that cannot reach GitHub) it says so and points to the
 * preview, which runs the same core and popup in a browser.
 */
const electron = findElectronBinary();
if ('missing' in electron) {
  console.error(
    [
      `Keytray can't start here: Electron's own binary is not installed (${electron.missing}).`,
      '',
      '  • To run Keytray in your browser instead, with the same core and popup:  npm run preview',
      '  • To get Electron on a machine that can reach GitHub:  npm rebuild electron  (or reinstall without',
      '    ELECTRON_SKIP_BINARY_DOWNLOAD)',
    ].join('\n'),
  );
  process.exit(1);
}
await buildApp();
const child = spawn(electron.path, ['.'], { stdio: 'inherit', env: process.env });
child.on('exit', (code) => process.exit(code ?? 0));
