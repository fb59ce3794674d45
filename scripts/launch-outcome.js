// Turns the way Electron ended (exit code or signal, and the tail of its stderr) into one sentence saying what
// happened and what to do. The patterns are Chromium's own log lines, which Electron prints unchanged.
import { chromeSandboxPath } from './linux-sandbox.js';

// The SUID helper is there but not root-owned with mode 4755, or no sandbox at all could be set up.
const SANDBOX_ABORT =
  /The SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/;
const HELPER_IN_MESSAGE = /You need to make sure that (.+?) is owned by root and has mode 4755/;
const ROOT_REFUSED = /Running as root without --no-sandbox is not supported/;
const NO_DISPLAY =
  /Missing X server or \$DISPLAY|cannot open display|Failed to connect to Wayland display|The platform failed to initialize/i;
// Signals a user sends to stop the app: its ending then needs no explanation.
const STOPPED_BY_USER = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** `word` as one shell word: unchanged when it is safe, else in single quotes. */
export function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * One sentence for an Electron that did not run to a normal quit, or null when it did.
 * `command` is what the user ran (`npm start`), `launcher` what start.js ran ('Electron' or 'electron-vite dev'),
 * `sandboxWillAbort` the Linux preflight, asked only when Electron died by SIGTRAP without saying why.
 */
export function explainLaunchFailure({
  code,
  signal,
  stderr,
  runtime,
  command,
  launcher = 'Electron',
  noSandbox,
  sandboxWillAbort,
}) {
  if (code === 0 && !signal) return null;
  const optIn = `run \`KIEDROP_NO_SANDBOX=1 ${command}\` to start with Chromium's sandbox turned off`;
  if (!noSandbox && ROOT_REFUSED.test(stderr)) {
    return (
      'KieDrop could not start: Electron refuses to run as root with its sandbox on; ' +
      `run \`${command}\` as your own user, or ${optIn}.`
    );
  }
  const said = !noSandbox && SANDBOX_ABORT.test(stderr);
  if (said || (!noSandbox && signal === 'SIGTRAP' && sandboxWillAbort())) {
    const helper = stderr.match(HELPER_IN_MESSAGE)?.[1] ?? chromeSandboxPath(runtime);
    const quoted = shellQuote(helper);
    const what = said
      ? "Electron aborted because Chromium's sandbox cannot start here"
      : "Electron was killed by SIGTRAP, which is how Chromium's sandbox aborts here";
    return (
      `KieDrop could not start: ${what} (this system blocks unprivileged user namespaces, as Ubuntu 23.10 and ` +
      `later do through AppArmor, and ${helper} is not owned by root with mode 4755); run ` +
      `\`sudo chown root:root ${quoted} && sudo chmod 4755 ${quoted}\` and start again, or ${optIn}.`
    );
  }
  if (NO_DISPLAY.test(stderr)) {
    return (
      'KieDrop could not start: Electron found no graphical session to open its window in (it could not ' +
      `connect to an X server or a Wayland display); run \`${command}\` from a terminal in your desktop ` +
      `session, or \`xvfb-run ${command}\` on a machine without a display.`
    );
  }
  if (signal && STOPPED_BY_USER.includes(signal)) return null;
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  return `KieDrop stopped: ${launcher} ${how} (anything it printed is above).`;
}
