// The window's words for each stable error code (src/main/core/app-service/error-codes.ts), keyed
// `error.<code>`. A code missing here is shown by its English message from the app.
export const errorMessagesEn = {
  'error.auth.invalid-key': 'kie.ai refused the API key. Copy the whole key again from kie.ai/api-key.',
  'error.key.malformed':
    'That is not an API key: a key has no spaces, line breaks or other such characters. Copy it again from kie.ai/api-key.',
  'error.api.insufficient-credits':
    'Your kie.ai account has no credits left. Top up at kie.ai, then try again.',
  'error.api.rate-limited': 'kie.ai received too many requests. Try again in a moment.',
  'error.api.maintenance': 'kie.ai is under maintenance. Try again later.',
  'error.api.server': 'kie.ai had a problem of its own (error {status}). Try again later.',
  'error.api.server-said':
    'kie.ai had a problem of its own (error {status}). It said: “{detail}”. Try again later.',
  'error.api.refused': 'kie.ai refused the request (error {status}): {detail}',
  'error.api.invalid-response': 'kie.ai sent an answer the app cannot use. Try again later.',
  'error.network.refused': 'Could not connect to {host}: connection refused.',
  'error.network.dns': 'Could not find the server {host} (the name lookup failed).',
  'error.network.reset': 'The connection to {host} was closed by the other side.',
  'error.network.tls': 'The secure connection to {host} failed.',
  'error.network.unreachable': 'Could not reach {host}.',
  'error.network.failed': 'The network connection failed.',
  'error.network.timeout': 'The server did not answer in time.',
  'error.proxy.refused':
    'Could not connect to the proxy {host}: connection refused. Check the proxy address in Settings and that the proxy is running.',
  'error.proxy.dns':
    'Could not find the proxy {host} (the name lookup failed). Check the proxy address in Settings.',
  'error.proxy.reset': 'The proxy {host} closed the connection. Check the proxy address in Settings.',
  'error.proxy.tls':
    'The secure connection to the proxy {host} failed. An https:// proxy address needs a proxy that speaks TLS.',
  'error.proxy.unreachable':
    'Could not reach the proxy {host}. Check the proxy address in Settings and your network connection.',
  'error.proxy.said-no':
    'The proxy {host} did not let the connection through. Check its address, user name and password in Settings, or ask whoever runs it.',
  'error.upload.cancelled': 'The upload was cancelled.',
  'error.file.not-found': 'File not found: {name}. It was moved or deleted.',
  'error.file.is-folder': '{name} is a folder; choose files inside it.',
  'error.file.permission': 'Cannot read {name}: permission denied.',
  'error.file.unreadable': 'Cannot read {name}.',
  'error.file.changed': '{name} changed while it was being uploaded. Upload it again once it is saved.',
  'error.file.resending': '{name} changed while it was being uploaded; it is sent again from the start.',
  'error.base64.too-large': '{name} is {size}; Base64 upload takes at most {limit}. Use Stream instead.',
  'error.name.collision':
    '“{name}” is already a live link. Upload anyway to make that link serve the new file, or choose another name.',
  'error.settings.invalid': 'That value cannot be used for this setting.',
  'error.settings.write-failed': 'The settings could not be saved to disk.',
  'error.db.locked': 'The history is busy (another KieDrop is writing to it). Try again in a moment.',
  'error.db.full': 'The disk is full: the history could not be saved.',
  'error.db.corrupt': 'The history database is damaged.',
  'error.db.readonly': 'The history cannot be written to (the file is read-only).',
  'error.db.io': 'The history could not be read or written (a disk error).',
  'error.keychain.unavailable': 'The system keychain is not available.',
  'error.keychain.write-failed': 'The system keychain did not keep the key.',
  'error.keychain.read-failed': 'The system keychain could not be read.',
  'error.clipboard.empty': 'The clipboard holds nothing to upload.',
  'error.clipboard.unsupported':
    'The clipboard holds nothing that can be uploaded (an image, files or a link).',
  'error.history.duplicate': 'That entry is already in the history.',
  'error.history.link-gone':
    'The link of “{name}” no longer works: its host says the file is gone (first seen gone {since}). Nothing was copied. Renew it for a fresh link.',
  'error.history.save-copy-failed': '“{name}” was not saved to {path}: {reason}',
  'error.history.save-copy-not-live':
    '“{name}” was not saved: its link no longer works. Renew it for a fresh link.',
  // Keep-alive of pinned links (notices from the app's passes, and refused pins).
  'error.keepalive.url-changed':
    'The link of “{name}” changed when it was kept alive. Share the new one: {url}',
  'error.keepalive.unsupported':
    '“{name}” died at its first expiry although it was uploaded again: keep-alive does not work for links at {scope}, so it is off there. Renew the link from History.',
  'error.keepalive.blocked': '“{name}” was not kept alive: keep-alive does not work for links at {scope}.',
  'error.keepalive.failed': '“{name}” could not be kept alive: {reason}',
  'error.keepalive.missed':
    'Pinned links that died while KieDrop was not running: {count}. Renew them for new links.',
  'error.keepalive.pin-expired':
    '“{name}” has expired, so its link cannot be kept alive. Renew it, then pin the new link.',
  'error.keepalive.pin-replaced': '“{name}” was replaced by a later upload; pin that one instead.',
  'error.keepalive.pin-unsupported':
    'Keep-alive does not work where “{name}” is stored: a link kept alive there still died at its first expiry. It was not pinned.',
  'error.keepalive.pin-no-entry': 'That history entry no longer exists.',
  // Follows the reason directly: the space belongs to English only.
  'error.job.gaveUp': ' (Gave up after {count} attempts.)',
  'error.upload-path.empty': 'The folder name is empty. Enter one such as "images/uploads".',
  'error.upload-path.control-char': 'It contains a control character (a line break or tab?); remove it.',
  'error.upload-path.backslash': '"{path}" contains a backslash; separate folders with "/".',
  'error.upload-path.slash-ends': '"{path}" must not start or end with "/"; use "{trimmed}".',
  'error.upload-path.empty-folder': '"{path}" has an empty folder name ("//"); remove the extra "/".',
  'error.upload-path.dot-folder': '"{path}" must not contain "." or ".." folders.',
  'error.settings.not-applied': 'The new settings could not be applied: {reason}',
  'error.db.recovered':
    'The history database could not be read; it was moved to {movedTo} and a new one was started.',
  'error.database-damaged':
    'The daily check of the history database ({file}) found damage. Nothing was deleted. Quit and restart KieDrop: it then moves the damaged file aside (keep it: your history may be recoverable from it) and starts a fresh one.',
  'error.shell.menu-repaired':
    'The right-click menu started an older or moved copy of KieDrop; it now starts this one.',
  'error.shell.menu-not-repaired': 'The right-click menu could not be brought up to date: {reason}',
  'error.watch.not-started': 'Watched folders could not be started: {reason}',
  'error.editor-server.not-started':
    'The upload server for editors could not start on port {port}: {reason}. Choose another port in Settings → Editor integration.',
  'error.clipboard.links-not-copied':
    'The finished uploads’ links ({count}) could not be put on the clipboard. They are in your history.',
  // Notices from the app's start and the tray, and a watched folder's latest problem.
  'error.settings.unreadable':
    'The settings file {file} could not be read ({reason}), so the default settings are in use. Check the file’s permissions.',
  'error.settings.damaged':
    'The settings file was damaged; it was moved to {movedTo}. The default settings are in use.',
  'error.settings.damaged-kept':
    'The settings file {file} was damaged and could not be moved aside ({reason}); it will be replaced on the next change. The default settings are in use.',
  'error.settings.reset':
    'Some settings had values KieDrop cannot use and were reset to their defaults: {names}.',
  'error.settings.not-saved':
    'The settings file {file} cannot be used ({reason}); changes will last only until KieDrop quits.',
  'error.key.env-unusable': '{variable} is set but is not a usable API key, so it is ignored.',
  'error.shortcut.unavailable': 'Global shortcuts are not available here.',
  'error.login-item.failed': 'Starting at login could not be changed: {reason}',
  'error.shortcut.refused':
    '{accelerator} is already used by another app (or by the system), so it could not be set. {kept} still works.',
  'error.shortcut.refused-none-kept':
    '{accelerator} is already used by another app (or by the system), so it could not be set. No shortcut is set.',
  'error.shortcut.taken':
    '{accelerator} is taken by another app (or by the system), so the Upload clipboard shortcut is off. Choose another one in Settings.',
  'error.watch.pause-failed': 'Watching could not be paused: {reason}',
  'error.watch.resume-failed': 'Watching could not be resumed: {reason}',
  'error.watch.file-permission':
    'Cannot read {path}: permission denied. Give your user read access to it; it is uploaded when it changes next or KieDrop restarts.',
  'error.watch.file-loop': '{path} is a symbolic link that points to itself (a loop); it is skipped.',
  'error.watch.file-name-too-long': 'The path {path} is too long for the system; it is skipped.',
  'error.watch.file-failed': 'Cannot watch {path}: {reason}',
  'error.watch.link-outside':
    '{path} leads outside the watched folder (to {target}); nothing reached through it is uploaded. Move or copy the files into the folder to upload them.',
  'error.watch.upload-failed':
    '{path} could not be uploaded: {reason}. It is tried again when it changes or when KieDrop restarts.',
  'error.watch.upload-failed-unknown':
    '{path} could not be uploaded. It is tried again when it changes or when KieDrop restarts.',
  'error.watch.not-regular': '{path} is not a regular file (a pipe, socket or device); it is not uploaded.',
  'error.watch.refused': '{path} cannot be uploaded: {reason}',
  'error.watch.more-problems':
    '{count} more files in watched folders were skipped or could not be uploaded ({failed} failed); each folder’s last problem shows on the Watch screen.',
  'error.watch.all-paused': 'All watching is paused.',
  'error.watch.folder-paused': 'Paused: new files in this folder are not uploaded until you resume it.',
  'error.watch.folder-missing':
    'Folder not found: {folder}. It may have been deleted or renamed, or be on a drive that is not connected; KieDrop checks again every {every} and resumes when it is back.',
  'error.watch.folder-permission':
    'Cannot read the folder {folder}: permission denied. Give your user read access to it; KieDrop checks again every {every}.',
  'error.watch.folder-not-folder':
    '{folder} is a file, not a folder. Choose the folder that holds the files; KieDrop checks again every {every}.',
  'error.watch.folder-failed':
    'The folder {folder} cannot be watched ({reason}); KieDrop checks again every {every}.',
  // A naming template the app refused at upload time (a misspelt variable, or a result the API refuses).
  // The reasons (`naming.result.*`) follow "cannot be used:" without their own full stop.
  'error.naming.unknown-variable':
    'The naming template “{template}” uses {variable}, which is not a variable. Use {variables}.',
  'error.naming.unclosed-brace': 'In the naming template “{template}”, a {open} is not closed by {close}.',
  'error.naming.unopened-brace': 'In the naming template “{template}”, a {close} has no {open} before it.',
  'error.naming.bad-length':
    'In the naming template “{template}”, the length in {variable} must be a whole number from 1 to {max}.',
  'error.naming.empty-date':
    'In the naming template “{template}”, {variable} needs a date pattern, for example {example}.',
  'error.naming.no-argument':
    'In the naming template “{template}”, {variable}: {plain} takes nothing after the colon.',
  'error.naming.needs-hash':
    'The naming template “{template}” uses {variable}, which needs a local file to read.',
  'error.naming.needs-counter':
    'The naming template “{template}” uses {variable}, which is not available here.',
  'error.naming.needs-folder':
    'The naming template “{template}” uses {variable}, the watched folder’s name, but this upload is not from a watched folder.',
  'error.naming.invalid-result':
    'The naming template “{template}” gives “{result}”, which cannot be used: {reason}.',
  'error.naming.result.empty': 'a file name cannot be empty.',
  'error.naming.result.dot': 'a file name cannot be “.” or “..”.',
  'error.naming.result.slash':
    'a file name cannot contain “/” or “\\”; put folders in the upload path template instead.',
  'error.naming.result.control-char': 'it contains a control character (a line break or tab?).',
  'error.naming.result.too-long': 'it is {bytes} bytes long in UTF-8, and a file name takes at most {max}.',
} as const;
