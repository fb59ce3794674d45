// `npx tsx scripts/security-check.ts`: a static check of the Electron hardening in DESIGN §4, run in
// `npm test` through test/unit/security-check.test.ts. It parses the main-process and preload sources with
// the TypeScript compiler and reads the CSP of every renderer page; any finding not listed with a reason in
// scripts/security-allowlist.json fails it.
//
// Why not electronegativity: it drags in a large dependency tree for a few dozen rules, most about APIs
// this app never uses, and it cannot know our own guards (which openExternal calls are safe, which
// handlers deny). These checks are the ones that matter here, are short enough to read, and fail closed:
// anything they cannot verify (an options object built elsewhere, a non-literal flag) is a finding.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const ALLOWLIST_FILE = join(PROJECT_ROOT, 'scripts', 'security-allowlist.json');

export type RuleId =
  | 'window-options-unverifiable'
  | 'window-context-isolation'
  | 'window-sandbox'
  | 'window-node-integration'
  | 'window-web-security'
  | 'window-insecure-content'
  | 'window-experimental-features'
  | 'window-remote-module'
  | 'window-webview-tag'
  | 'app-will-navigate'
  | 'app-window-open-handler'
  | 'app-permission-handler'
  | 'shell-open-external'
  | 'csp-missing'
  | 'csp-default-src'
  | 'csp-unsafe-eval'
  | 'csp-unsafe-inline-script'
  | 'csp-remote-source'
  | 'preload-exposes-ipc-renderer'
  | 'allowlist-stale';

export interface Finding {
  rule: RuleId;
  /** Relative to the project, with forward slashes. */
  file: string;
  line: number;
  message: string;
}

export interface SourceText {
  path: string;
  text: string;
}

/** Functions that return true only for http(s) URLs; a failed check before openExternal must throw or return. */
export const URL_GUARDS = new Set(['isWebUrl', 'isWebLink', 'isHttpUrl', 'isHttpsUrl']);
/** A comment on the line(s) above an openExternal call, for a call site reviewed by hand. */
export const REVIEWED_MARKER = 'security-reviewed:';

function parse(file: SourceText): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function propertyName(prop: ts.ObjectLiteralElementLike): string | null {
  if (!prop.name) return null;
  if (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) return prop.name.text;
  return null;
}

function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | 'missing' {
  for (const prop of obj.properties) {
    if (propertyName(prop) !== name) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  }
  return 'missing';
}

function isLiteral(value: ts.Expression | 'missing', literal: boolean): boolean {
  if (value === 'missing') return false;
  return value.kind === (literal ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword);
}

// ---- window options ---------------------------------------------------------------------------------

/** Settings that must be written out with a literal value: the safe default today may not be tomorrow's. */
const REQUIRED: ReadonlyArray<{ name: string; value: boolean; rule: RuleId }> = [
  { name: 'contextIsolation', value: true, rule: 'window-context-isolation' },
  { name: 'sandbox', value: true, rule: 'window-sandbox' },
  { name: 'nodeIntegration', value: false, rule: 'window-node-integration' },
];

/** Settings that must not be turned on (absent, or literally false). */
const FORBIDDEN: ReadonlyArray<{ name: string; rule: RuleId; why: string }> = [
  { name: 'nodeIntegrationInWorker', rule: 'window-node-integration', why: 'gives workers Node' },
  { name: 'nodeIntegrationInSubFrames', rule: 'window-node-integration', why: 'gives frames Node' },
  {
    name: 'allowRunningInsecureContent',
    rule: 'window-insecure-content',
    why: 'loads http content into the page',
  },
  {
    name: 'experimentalFeatures',
    rule: 'window-experimental-features',
    why: 'enables untested web features',
  },
  { name: 'enableRemoteModule', rule: 'window-remote-module', why: 'exposes main-process objects' },
  {
    name: 'webviewTag',
    rule: 'window-webview-tag',
    why: 'lets the page embed other sites with their own settings',
  },
];

function checkWebPreferences(source: ts.SourceFile, prefs: ts.ObjectLiteralExpression): Finding[] {
  const findings: Finding[] = [];
  const at = (rule: RuleId, message: string): void => {
    findings.push({ rule, file: source.fileName, line: lineOf(source, prefs), message });
  };
  for (const { name, value, rule } of REQUIRED) {
    const actual = propertyValue(prefs, name);
    if (!isLiteral(actual, value)) {
      at(
        rule,
        actual === 'missing'
          ? `webPreferences must set ${name}: ${value} explicitly.`
          : `webPreferences sets ${name} to ${actual.getText(source)}; it must be the literal ${value}.`,
      );
    }
  }
  const webSecurity = propertyValue(prefs, 'webSecurity');
  if (webSecurity !== 'missing' && !isLiteral(webSecurity, true)) {
    at(
      'window-web-security',
      `webPreferences sets webSecurity to ${webSecurity.getText(source)}; never disable it.`,
    );
  }
  for (const { name, rule, why } of FORBIDDEN) {
    const actual = propertyValue(prefs, name);
    if (actual !== 'missing' && !isLiteral(actual, false)) {
      at(rule, `webPreferences sets ${name} to ${actual.getText(source)}: it ${why}. Remove it.`);
    }
  }
  return findings;
}

function isBrowserWindowConstructor(node: ts.Node): node is ts.NewExpression {
  if (!ts.isNewExpression(node)) return false;
  const callee = node.expression;
  return (
    (ts.isIdentifier(callee) && callee.text === 'BrowserWindow') ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 'BrowserWindow')
  );
}

export function checkWindowOptions(file: SourceText): Finding[] {
  const source = parse(file);
  const findings: Finding[] = [];
  const checked = new Set<ts.Node>();
  walk(source, (node) => {
    if (isBrowserWindowConstructor(node)) {
      const options = node.arguments?.[0];
      const prefs =
        options && ts.isObjectLiteralExpression(options) ? propertyValue(options, 'webPreferences') : null;
      if (!options || !ts.isObjectLiteralExpression(options) || prefs === null) {
        findings.push({
          rule: 'window-options-unverifiable',
          file: file.path,
          line: lineOf(source, node),
          message: 'new BrowserWindow() needs its options as an object literal here, so they can be checked.',
        });
      } else if (prefs === 'missing' || !ts.isObjectLiteralExpression(prefs)) {
        findings.push({
          rule: 'window-options-unverifiable',
          file: file.path,
          line: lineOf(source, node),
          message:
            prefs === 'missing'
              ? 'new BrowserWindow() has no webPreferences: set contextIsolation, sandbox and nodeIntegration explicitly.'
              : 'webPreferences must be an object literal here, so its settings can be checked.',
        });
      }
    }
    // Every webPreferences object, wherever it appears (windows, overrideBrowserWindowOptions…).
    if (ts.isPropertyAssignment(node) && propertyName(node) === 'webPreferences') {
      if (ts.isObjectLiteralExpression(node.initializer) && !checked.has(node.initializer)) {
        checked.add(node.initializer);
        findings.push(...checkWebPreferences(source, node.initializer));
      }
    }
  });
  return findings;
}

// ---- app-wide handlers -------------------------------------------------------------------------------

function calls(source: ts.SourceFile, method: string): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  walk(source, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      if (node.expression.name.text === method) found.push(node);
    }
  });
  return found;
}

function isFunction(node: ts.Node | undefined): node is ts.ArrowFunction | ts.FunctionExpression {
  return node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}

function callsMethod(node: ts.Node, method: string): boolean {
  let found = false;
  walk(node, (n) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === method
    )
      found = true;
  });
  return found;
}

/** Object literals a handler can return: an arrow's expression body, or any `return {…}` in it. */
function returnedObjects(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression[] {
  if (!ts.isBlock(fn.body)) {
    let body: ts.Expression = fn.body;
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    return [body];
  }
  const out: ts.Expression[] = [];
  walk(fn.body, (n) => {
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
  });
  return out;
}

function deniesEveryWindow(fn: ts.ArrowFunction | ts.FunctionExpression, source: ts.SourceFile): boolean {
  const results = returnedObjects(fn);
  return (
    results.length > 0 &&
    results.every((result) => {
      if (!ts.isObjectLiteralExpression(result)) return false;
      const action = propertyValue(result, 'action');
      return action !== 'missing' && action.getText(source) === "'deny'";
    })
  );
}

/** A permission handler passing a literal `true` to its callback grants something. */
function grantsPermission(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const callback = fn.parameters[2]?.name;
  if (!callback || !ts.isIdentifier(callback)) return false;
  let grants = false;
  walk(fn.body, (n) => {
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === callback.text &&
      n.arguments.some((a) => a.kind !== ts.SyntaxKind.FalseKeyword)
    )
      grants = true;
  });
  return grants;
}

/** The handlers must exist somewhere in the main process; each one found must deny. */
export function checkAppHandlers(files: readonly SourceText[]): Finding[] {
  const findings: Finding[] = [];
  let navigationDenied = false;
  let windowOpenHandled = false;
  let permissionHandled = false;
  for (const file of files) {
    const source = parse(file);
    for (const call of calls(source, 'on')) {
      const [event, handler] = call.arguments;
      if (!event || !ts.isStringLiteral(event) || event.text !== 'will-navigate') continue;
      if (isFunction(handler) && callsMethod(handler, 'preventDefault')) navigationDenied = true;
      else
        findings.push({
          rule: 'app-will-navigate',
          file: file.path,
          line: lineOf(source, call),
          message:
            "This 'will-navigate' handler never calls event.preventDefault(), so it cannot stop navigation.",
        });
    }
    for (const call of calls(source, 'setWindowOpenHandler')) {
      const handler = call.arguments[0];
      if (isFunction(handler) && deniesEveryWindow(handler, source)) windowOpenHandled = true;
      else
        findings.push({
          rule: 'app-window-open-handler',
          file: file.path,
          line: lineOf(source, call),
          message: "setWindowOpenHandler must return { action: 'deny' } on every path.",
        });
    }
    for (const call of calls(source, 'setPermissionRequestHandler')) {
      const handler = call.arguments[0];
      if (isFunction(handler) && !grantsPermission(handler)) permissionHandled = true;
      else
        findings.push({
          rule: 'app-permission-handler',
          file: file.path,
          line: lineOf(source, call),
          message: 'The permission request handler must answer callback(false) to every request.',
        });
    }
  }
  const missing = (rule: RuleId, message: string): void => {
    findings.push({ rule, file: 'src/main', line: 0, message });
  };
  if (!navigationDenied)
    missing('app-will-navigate', "No 'will-navigate' handler that calls event.preventDefault() was found.");
  if (!windowOpenHandled)
    missing('app-window-open-handler', "No setWindowOpenHandler returning { action: 'deny' } was found.");
  if (!permissionHandled)
    missing('app-permission-handler', 'No setPermissionRequestHandler that denies requests was found.');
  return findings;
}

// ---- shell.openExternal --------------------------------------------------------------------------------

function enclosingStatement(node: ts.Node): ts.Statement | null {
  let current: ts.Node | undefined = node;
  while (current && !(ts.isBlock(current.parent) || ts.isSourceFile(current.parent)))
    current = current.parent;
  return current ? (current as ts.Statement) : null;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement) || ts.isReturnStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

/** `if (!isWebUrl(x)) throw …` (or return) earlier in the same block, for the same argument. */
function guardedBefore(statement: ts.Statement, argText: string, source: ts.SourceFile): boolean {
  const block = statement.parent;
  if (!ts.isBlock(block) && !ts.isSourceFile(block)) return false;
  const before = block.statements.slice(0, block.statements.indexOf(statement));
  return before.some((s) => {
    if (!ts.isIfStatement(s) || !exits(s.thenStatement)) return false;
    const condition = s.expression;
    if (!ts.isPrefixUnaryExpression(condition) || condition.operator !== ts.SyntaxKind.ExclamationToken)
      return false;
    const guard = condition.operand;
    return (
      ts.isCallExpression(guard) &&
      ts.isIdentifier(guard.expression) &&
      URL_GUARDS.has(guard.expression.text) &&
      guard.arguments[0]?.getText(source) === argText
    );
  });
}

function reviewedByComment(statement: ts.Statement, source: ts.SourceFile): boolean {
  const comments = ts.getLeadingCommentRanges(source.text, statement.getFullStart()) ?? [];
  return comments.some((c) => source.text.slice(c.pos, c.end).includes(REVIEWED_MARKER));
}

export function checkOpenExternal(file: SourceText): Finding[] {
  const source = parse(file);
  const findings: Finding[] = [];
  for (const call of calls(source, 'openExternal')) {
    // The ShellAdapter's own declaration (openExternal(url) {…}) is a method, not a call; only calls land here.
    const arg = call.arguments[0];
    const statement = enclosingStatement(call);
    const guarded =
      arg !== undefined &&
      statement !== null &&
      (guardedBefore(statement, arg.getText(source), source) || reviewedByComment(statement, source));
    if (!guarded) {
      findings.push({
        rule: 'shell-open-external',
        file: file.path,
        line: lineOf(source, call),
        message: `openExternal(${arg?.getText(source) ?? ''}) is not guarded: check the URL first with one of ${[...URL_GUARDS].join(', ')} (if (!guard(url)) throw/return), or mark the reviewed call with a "// ${REVIEWED_MARKER} <why>" comment.`,
      });
    }
  }
  return findings;
}

// ---- preload -------------------------------------------------------------------------------------------

function isRawIpc(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr)) return expr.text === 'ipcRenderer';
  // `ipcRenderer.send` handed over uncalled is ipcRenderer's power with another name.
  return (
    ts.isPropertyAccessExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'ipcRenderer'
  );
}

function objectLeaksIpc(obj: ts.ObjectLiteralExpression): boolean {
  return obj.properties.some((prop) => {
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name.text === 'ipcRenderer';
    if (ts.isSpreadAssignment(prop)) return isRawIpc(prop.expression);
    if (ts.isPropertyAssignment(prop)) {
      const value = prop.initializer;
      return isRawIpc(value) || (ts.isObjectLiteralExpression(value) && objectLeaksIpc(value));
    }
    return false;
  });
}

export function checkPreload(file: SourceText): Finding[] {
  const source = parse(file);
  const findings: Finding[] = [];
  const leak = (node: ts.Node, message: string): void => {
    findings.push({
      rule: 'preload-exposes-ipc-renderer',
      file: file.path,
      line: lineOf(source, node),
      message,
    });
  };
  for (const call of calls(source, 'exposeInMainWorld')) {
    let value = call.arguments[1];
    while (
      value &&
      (ts.isAsExpression(value) || ts.isParenthesizedExpression(value) || ts.isSatisfiesExpression(value))
    )
      value = value.expression;
    if (!value) continue;
    if (isRawIpc(value)) {
      leak(call, 'exposeInMainWorld hands the page ipcRenderer itself: expose named functions instead.');
      continue;
    }
    if (ts.isObjectLiteralExpression(value) && objectLeaksIpc(value)) {
      leak(
        call,
        'The exposed object carries ipcRenderer (or one of its methods): expose named functions instead.',
      );
      continue;
    }
    if (!ts.isIdentifier(value)) continue;
    // An object built in a variable: check its initializer and everything later assigned onto it.
    const name = value.text;
    walk(source, (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) {
        const init = node.initializer;
        if (init && (isRawIpc(init) || (ts.isObjectLiteralExpression(init) && objectLeaksIpc(init))))
          leak(
            node,
            `"${name}" is exposed to the page and carries ipcRenderer: expose named functions instead.`,
          );
      }
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
        ts.isIdentifier(node.left.expression) &&
        node.left.expression.text === name &&
        isRawIpc(node.right)
      )
        leak(node, `"${name}" is exposed to the page and gets ipcRenderer assigned onto it.`);
    });
  }
  return findings;
}

// ---- renderer CSP --------------------------------------------------------------------------------------

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? '');
  return out;
}

export function cspOf(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag);
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      return attrs.get('content') ?? '';
  }
  return null;
}

const KEYWORDS = new Set([
  "'self'",
  "'none'",
  "'unsafe-inline'",
  "'unsafe-eval'",
  "'strict-dynamic'",
  "'unsafe-hashes'",
  "'wasm-unsafe-eval'",
]);
/** Local data the page makes itself (thumbnails, blobs); never allowed for scripts. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:']);
const SCRIPT_DIRECTIVES = new Set(['script-src', 'script-src-elem', 'script-src-attr']);

export function checkCsp(file: SourceText): Finding[] {
  const findings: Finding[] = [];
  const at = (rule: RuleId, message: string): void => {
    findings.push({ rule, file: file.path, line: 1, message });
  };
  const csp = cspOf(file.text);
  if (csp === null) {
    at('csp-missing', 'This page has no Content-Security-Policy meta tag.');
    return findings;
  }
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const defaults = directives.get('default-src');
  if (!defaults?.includes("'self'"))
    at(
      'csp-default-src',
      `The CSP must start from default-src 'self' (it has ${defaults ? defaults.join(' ') : 'none'}).`,
    );
  const scripts = directives.get('script-src') ?? defaults ?? [];
  if (scripts.includes("'unsafe-inline'"))
    at('csp-unsafe-inline-script', "script-src allows 'unsafe-inline'.");
  for (const [name, sources] of directives) {
    if (sources.includes("'unsafe-eval'")) at('csp-unsafe-eval', `${name} allows 'unsafe-eval'.`);
    if (SCRIPT_DIRECTIVES.has(name) && sources.includes("'unsafe-inline'") && name !== 'script-src')
      at('csp-unsafe-inline-script', `${name} allows 'unsafe-inline'.`);
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (KEYWORDS.has(lower) || lower.startsWith("'nonce-") || lower.startsWith("'sha")) continue;
      const scriptish = name === 'default-src' || SCRIPT_DIRECTIVES.has(name);
      if (LOCAL_SCHEMES.has(lower) && !scriptish) continue;
      at('csp-remote-source', `${name} allows "${source}": the page may load only its own files.`);
    }
  }
  return findings;
}

// ---- the whole project ---------------------------------------------------------------------------------

export interface AllowlistEntry {
  rule: string;
  file: string;
  /** Optional: only findings whose message contains this text. */
  match?: string;
  reason: string;
}

export interface SecurityReport {
  unreviewed: Finding[];
  reviewed: { finding: Finding; reason: string }[];
  scanned: { main: number; preload: number; html: number };
}

export function readAllowlist(text: string, path = 'the allowlist'): AllowlistEntry[] {
  const parsed = JSON.parse(text) as { exceptions?: unknown };
  if (!Array.isArray(parsed.exceptions)) throw new Error(`${path} must be {"exceptions": [...]}.`);
  return parsed.exceptions.map((raw, i) => {
    const entry = raw as Partial<AllowlistEntry>;
    if (typeof entry.rule !== 'string' || typeof entry.file !== 'string')
      throw new Error(`${path}: exception ${i + 1} needs "rule" and "file".`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 10)
      throw new Error(
        `${path}: exception ${i + 1} (${entry.rule} in ${entry.file}) needs a "reason" saying why it is safe.`,
      );
    return entry as AllowlistEntry;
  });
}

/** Splits findings into reviewed (an allowlist entry covers them) and not; an entry that covers nothing is
 * itself a finding, so the list cannot quietly outlive what it excused. */
export function applyAllowlist(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
): Pick<SecurityReport, 'unreviewed' | 'reviewed'> {
  const used = new Set<AllowlistEntry>();
  const unreviewed: Finding[] = [];
  const reviewed: SecurityReport['reviewed'] = [];
  for (const finding of findings) {
    const entry = allowlist.find(
      (e) =>
        e.rule === finding.rule &&
        e.file === finding.file &&
        (e.match === undefined || finding.message.includes(e.match)),
    );
    if (entry) {
      used.add(entry);
      reviewed.push({ finding, reason: entry.reason });
    } else unreviewed.push(finding);
  }
  for (const entry of allowlist) {
    if (!used.has(entry))
      unreviewed.push({
        rule: 'allowlist-stale',
        file: entry.file,
        line: 0,
        message: `The allowlist excuses ${entry.rule} in ${entry.file}, but there is no such finding: remove the entry.`,
      });
  }
  return { unreviewed, reviewed };
}

function filesUnder(root: string, dir: string, ends: string): SourceText[] {
  const out: SourceText[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(ends) && !entry.name.endsWith('.d.ts'))
        out.push({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  visit(join(root, dir));
  return out;
}

export function runSecurityCheck(
  root = PROJECT_ROOT,
  allowlistFile = join(root, 'scripts', 'security-allowlist.json'),
): SecurityReport {
  const main = filesUnder(root, 'src/main', '.ts');
  const preload = filesUnder(root, 'src/preload', '.ts');
  const html = filesUnder(root, 'src/renderer', '.html');
  const findings = [
    ...main.flatMap(checkWindowOptions),
    ...checkAppHandlers(main),
    ...main.flatMap(checkOpenExternal),
    ...preload.flatMap(checkPreload),
    ...html.flatMap(checkCsp),
  ];
  let allowlist: AllowlistEntry[] = [];
  try {
    allowlist = readAllowlist(readFileSync(allowlistFile, 'utf8'), relative(root, allowlistFile));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return {
    ...applyAllowlist(findings, allowlist),
    scanned: { main: main.length, preload: preload.length, html: html.length },
  };
}

function main(): void {
  const report = runSecurityCheck();
  const { main: m, preload, html } = report.scanned;
  console.log(`Security check: ${m} main-process files, ${preload} preload files, ${html} renderer pages.`);
  for (const { finding, reason } of report.reviewed)
    console.log(`  reviewed  ${finding.rule}  ${finding.file}:${finding.line}  (${reason})`);
  for (const f of report.unreviewed) console.log(`  FINDING   ${f.rule}  ${f.file}:${f.line}  ${f.message}`);
  if (report.unreviewed.length > 0) {
    console.log(
      `${report.unreviewed.length} unreviewed finding(s): fix them, or add a reviewed exception with a reason to scripts/security-allowlist.json.`,
    );
    process.exitCode = 1;
  } else console.log('No unreviewed findings.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
