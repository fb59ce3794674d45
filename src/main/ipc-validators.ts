// Runtime shapes of every channel's arguments. They live in main (zod must not reach the renderer
// bundle) and are typed against the contract, so a channel whose arguments change fails to compile
// until its validator changes too. Messages name the argument and never repeat its value.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { ApiError, validateFileName, validateHttpUrl, validateUploadPath } from './core/api';
import { IMAGE_TARGET_FORMATS } from './core/images/types';
import { describeSettingsIssues, settingsPatchSchema } from './core/settings';
import { MAX_IMAGE_SIDE as MAX_WATCH_IMAGE_SIDE, MAX_QUIET_MS, MIN_QUIET_MS } from './core/watch';
import type { ArgsOf, InvokeChannel } from '../shared/ipc-contract';
import type { ArgsCheck } from './ipc-guard';

interface ChannelArgs<T> {
  names: readonly string[];
  schema: z.ZodType<T>;
}

const MAX_PATHS = 10_000;
const MAX_IDS = 10_000;
const MAX_KEY_LENGTH = 4096;
const MAX_URL_LENGTH = 8192;
const MAX_SEARCH_LENGTH = 500;
const MAX_PAGE = 1000;
/** The largest longest side a picture may be shrunk to, as in Settings and the CLI (libvips' own limit is far above). */
const MAX_IMAGE_SIDE = 65_535;
/** Links checked in one go (a selection): each is a request to its host. */
const MAX_CHECK_IDS = 1000;

function fromCoreCheck(check: (value: string) => unknown) {
  return (value: string, ctx: z.RefinementCtx) => {
    try {
      check(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof ApiError ? err.message : String(err) });
    }
  };
}

const id = z
  .number({ error: 'must be an id (a positive whole number)' })
  .int({ error: 'must be an id (a positive whole number)' })
  .positive({ error: 'must be an id (a positive whole number)' });
const ids = z
  .array(id, { error: 'must be a list of ids' })
  .max(MAX_IDS, { error: `may list at most ${MAX_IDS} ids` });
/** An absolute path on this machine; `kind` names it in the messages. */
function absolutePath(kind: 'file' | 'folder') {
  return z
    .string({ error: `must be a ${kind} path` })
    .min(1, { error: 'must not be an empty path' })
    .refine((p) => !p.includes('\0'), { error: 'must not contain a NUL character' })
    .refine((p) => isAbsolute(p), { error: `must be an absolute ${kind} path` });
}
const localPath = absolutePath('file');
const uploadOptionFields = {
  uploadPath: z.string({ error: 'must be text' }).superRefine(fromCoreCheck(validateUploadPath)).optional(),
  fileName: z.string({ error: 'must be text' }).superRefine(fromCoreCheck(validateFileName)).optional(),
  method: z.enum(['stream', 'base64'], { error: 'must be "stream" or "base64"' }).optional(),
  overwrite: z.boolean({ error: 'must be true or false' }).optional(),
};
const MAX_UPLOAD_TEMPLATE_LENGTH = 2000;
const uploadTemplate = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_UPLOAD_TEMPLATE_LENGTH, { error: `must be at most ${MAX_UPLOAD_TEMPLATE_LENGTH} characters` });
/** ['a', 'b', 'c'] → "a, b or c". */
function oneOf(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
const qualityText = 'must be a whole number from 1 to 100';
const maxSideText = `must be a whole number of pixels from 1 to ${MAX_IMAGE_SIDE}, or null`;
/** The Upload screen's picture choice; a link is never processed, so only files carry one. */
const uploadImageChoice = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('as-is') }, { error: 'must be a picture choice' }),
    z.strictObject(
      {
        mode: z.literal('optimise'),
        format: z.enum(IMAGE_TARGET_FORMATS, { error: `must be ${oneOf(IMAGE_TARGET_FORMATS)}` }),
        quality: z
          .int({ error: qualityText })
          .min(1, { error: qualityText })
          .max(100, { error: qualityText }),
        maxSide: z
          .int({ error: maxSideText })
          .min(1, { error: maxSideText })
          .max(MAX_IMAGE_SIDE, { error: maxSideText })
          .nullable(),
        stripMetadata: z.boolean({ error: 'must be true or false' }),
      },
      { error: 'must be a picture choice' },
    ),
  ],
  { error: 'must be { mode: "as-is" } or { mode: "optimise", format, quality, maxSide, stripMetadata }' },
);
const fileUploadOptions = z.strictObject(
  {
    ...uploadOptionFields,
    images: uploadImageChoice.optional(),
    // Checked for what they mean when the files are queued, which refuses them with a naming.* code.
    nameTemplate: uploadTemplate.optional(),
    pathTemplate: uploadTemplate.optional(),
  },
  { error: 'must be an options object' },
);
const urlUploadOptions = z.strictObject(uploadOptionFields, { error: 'must be an options object' });
const pageFields = {
  limit: z
    .int({ error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .min(1, { error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .max(MAX_PAGE, { error: `must be a whole number from 1 to ${MAX_PAGE}` })
    .optional(),
  offset: z
    .int({ error: 'must be a whole number, 0 or more' })
    .min(0, { error: 'must be a whole number, 0 or more' })
    .optional(),
};
const historyQuery = z.strictObject(
  {
    search: z
      .string({ error: 'must be text' })
      .max(MAX_SEARCH_LENGTH, { error: `must be at most ${MAX_SEARCH_LENGTH} characters` })
      .optional(),
    status: z
      .enum(['all', 'active', 'expiring', 'expired'], { error: 'must be all, active, expiring or expired' })
      .optional(),
    pinned: z.boolean({ error: 'must be true or false' }).optional(),
    ...pageFields,
  },
  { error: 'must be a query object' },
);

const MAX_GLOBS = 100;
const MAX_GLOB_LENGTH = 500;
const globs = z
  .array(
    z
      .string({ error: 'must be a list of patterns such as "*.png"' })
      .max(MAX_GLOB_LENGTH, { error: `has a pattern longer than ${MAX_GLOB_LENGTH} characters` }),
    { error: 'must be a list of patterns such as "*.png"' },
  )
  .max(MAX_GLOBS, { error: `may list at most ${MAX_GLOBS} patterns` });
const onOff = z.boolean({ error: 'must be true or false' });
const quietText = `must be a whole number of milliseconds from ${MIN_QUIET_MS} to ${MAX_QUIET_MS}`;
const watchQualityText = 'must be a whole number from 1 to 100';
const watchSideText = `must be a whole number of pixels from 1 to ${MAX_WATCH_IMAGE_SIDE}, or null`;
// Only shapes here: the watch service checks the values themselves (globs, path) in its own words.
const watchSettingsFields = {
  uploadPath: z.string({ error: 'must be text' }).superRefine(fromCoreCheck(validateUploadPath)).optional(),
  include: globs.optional(),
  exclude: globs.optional(),
  recursive: onOff.optional(),
  uploadChanged: onOff.optional(),
  polling: onOff.optional(),
  quietMs: z
    .int({ error: quietText })
    .min(MIN_QUIET_MS, { error: quietText })
    .max(MAX_QUIET_MS, { error: quietText })
    .optional(),
  ignoreDotfiles: onOff.optional(),
  nameTemplate: z.string({ error: 'must be text' }).max(2000, { error: 'is too long' }).optional(),
  pathTemplate: z.string({ error: 'must be text' }).max(2000, { error: 'is too long' }).optional(),
  imageMode: z
    .enum(['settings', 'optimize', 'original'], { error: 'must be "settings", "optimize" or "original"' })
    .optional(),
  imageFormat: z
    .enum(['webp', 'avif', 'jpeg', 'keep'], { error: 'must be "webp", "avif", "jpeg" or "keep"' })
    .optional(),
  imageQuality: z
    .int({ error: watchQualityText })
    .min(1, { error: watchQualityText })
    .max(100, { error: watchQualityText })
    .optional(),
  imageMaxSide: z
    .int({ error: watchSideText })
    .min(1, { error: watchSideText })
    .max(MAX_WATCH_IMAGE_SIDE, { error: watchSideText })
    .nullable()
    .optional(),
  imageStrip: z
    .enum(['settings', 'always', 'never'], { error: 'must be "settings", "always" or "never"' })
    .optional(),
};
const watchPatch = z.strictObject(watchSettingsFields, { error: 'must be a settings object' });
const folderPath = absolutePath('folder');
const watchAdd = z.strictObject(
  {
    path: folderPath.optional(),
    ...watchSettingsFields,
    existingFiles: z.enum(['skip', 'upload'], { error: 'must be "skip" or "upload"' }).optional(),
  },
  { error: 'must be a folder object (an empty one opens the folder picker)' },
);
/** A folder's id, or null for every folder. */
const folderOrAll = id.nullable();

function channel<T extends unknown[]>(names: readonly string[], schema: z.ZodType<T>): ChannelArgs<T> {
  return { names, schema };
}

const none = channel([], z.tuple([]));

export const CHANNEL_ARGS: { [C in InvokeChannel]: ChannelArgs<ArgsOf<C>> } = {
  'app:info': none,
  'app:ready': none,
  'key:state': none,
  'key:save': channel(
    ['key', 'options'],
    z.tuple([
      z
        .string({ error: 'must be text' })
        .min(1, { error: 'is empty' })
        .max(MAX_KEY_LENGTH, { error: `is longer than ${MAX_KEY_LENGTH} characters` }),
      z.strictObject(
        { sessionOnly: z.boolean({ error: 'must be true or false' }) },
        { error: 'must be { sessionOnly }' },
      ),
    ]),
  ),
  'key:clear': none,
  'key:open-page': none,
  'credits:get': none,
  'upload:files': channel(
    ['paths', 'options'],
    z.tuple([
      z
        .array(localPath, { error: 'must be a list of file paths' })
        .min(1, { error: 'must list at least one file' })
        .max(MAX_PATHS, { error: `may list at most ${MAX_PATHS} files` }),
      fileUploadOptions,
    ]),
  ),
  'upload:url': channel(
    ['url', 'options'],
    z.tuple([
      z
        .string({ error: 'must be a link' })
        .max(MAX_URL_LENGTH, { error: `is longer than ${MAX_URL_LENGTH} characters` })
        .superRefine(fromCoreCheck(validateHttpUrl)),
      urlUploadOptions,
    ]),
  ),
  'upload:pick': none,
  'jobs:list': none,
  'jobs:cancel': channel(['id'], z.tuple([id])),
  'jobs:cancel-all': none,
  'jobs:retry': channel(['ids'], z.tuple([ids])),
  'jobs:dismiss': channel(['ids'], z.tuple([ids])),
  'queue:pause': none,
  'queue:resume': none,
  'queue:state': none,
  'history:list': channel(['query'], z.tuple([historyQuery])),
  'history:failed': channel(
    ['query'],
    z.tuple([z.strictObject(pageFields, { error: 'must be a query object' })]),
  ),
  'history:delete': channel(['id'], z.tuple([id])),
  'history:clear-expired': none,
  'history:renew': channel(['id'], z.tuple([id])),
  'history:export': channel(
    ['format'],
    z.tuple([z.enum(['json', 'csv'], { error: 'must be "json" or "csv"' })]),
  ),
  'history:copy-link': channel(
    ['ids', 'format'],
    z.tuple([
      ids.min(1, { error: 'must list at least one id' }),
      z.enum(['url', 'markdown', 'html', 'bbcode', 'custom'], {
        error: 'must be url, markdown, html, bbcode or custom',
      }),
    ]),
  ),
  'history:open-link': channel(['id'], z.tuple([id])),
  'history:reveal-file': channel(['id'], z.tuple([id])),
  'history:thumbnail': channel(['id'], z.tuple([id])),
  'history:file-present': channel(['id'], z.tuple([id])),
  'history:start-drag': channel(['id'], z.tuple([id])),
  'history:pin': channel(
    ['id', 'options'],
    z.tuple([
      id,
      z.strictObject(
        { followFile: z.boolean({ error: 'must be true or false' }) },
        { error: 'must be { followFile }' },
      ),
    ]),
  ),
  'history:unpin': channel(['id'], z.tuple([id])),
  'history:pin-state': channel(['id'], z.tuple([id])),
  'history:save-copy': channel(['id'], z.tuple([id])),
  'history:lifetime': none,
  'history:check': channel(
    ['ids'],
    z.tuple([
      ids
        .min(1, { error: 'must list at least one id' })
        .max(MAX_CHECK_IDS, { error: `may list at most ${MAX_CHECK_IDS} ids` }),
    ]),
  ),
  'history:preview': channel(['id'], z.tuple([id])),
  'settings:get': none,
  'settings:set': channel(['patch'], z.tuple([settingsPatchSchema])),
  'clipboard:upload': channel(
    ['options'],
    z.tuple([
      z.strictObject({ images: uploadImageChoice.optional() }, { error: 'must be an options object' }),
    ]),
  ),
  'integration:status': none,
  'integration:install': none,
  'integration:uninstall': none,
  'cli:status': none,
  'cli:install': none,
  'cli:uninstall': none,
  'shortcut:state': none,
  // Only the type and size here: the shortcut service explains a malformed shortcut in its own words.
  'shortcut:set': channel(
    ['accelerator'],
    z.tuple([
      z
        .string({ error: 'must be text such as "CommandOrControl+Shift+U", or "" to turn it off' })
        .max(100, { error: 'is too long to be a key combination' }),
    ]),
  ),
  'activity:get': none,
  'activity:copy-links': none,
  'update:status': none,
  'update:open': none,
  'update:install-status': none,
  'update:download': none,
  'update:restart': none,
  'watch:list': none,
  'watch:preview': channel(['folder'], z.tuple([watchAdd])),
  'watch:add': channel(['folder'], z.tuple([watchAdd])),
  'watch:update': channel(['id', 'patch'], z.tuple([id, watchPatch])),
  'watch:remove': channel(['id'], z.tuple([id])),
  'watch:pause': channel(['id'], z.tuple([folderOrAll])),
  'watch:resume': channel(['id'], z.tuple([folderOrAll])),
  'watch:screenshots': none,
  'activity:latest-link': none,
  'location:pending': none,
  'location:answer': channel(
    ['id', 'answer'],
    z.tuple([id, z.enum(['remove', 'keep'], { error: 'must be "remove" or "keep"' })]),
  ),
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeIssue(
  channelName: InvokeChannel,
  names: readonly string[],
  issue: z.core.$ZodIssue,
): string {
  const [index, ...rest] = issue.path;
  const argName = typeof index === 'number' ? (names[index] ?? `#${index + 1}`) : 'arguments';
  if (channelName === 'settings:set' && index === 0) {
    // Settings messages already name the setting; a prefix would only repeat it.
    const [described] = describeSettingsIssues([{ ...issue, path: rest }]);
    return described?.message ?? issue.message;
  }
  const where = [argName, ...rest.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return `Argument "${where}" of ${channelName} has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  }
  // Our own messages read on from the argument ("must be …"); zod's own start a sentence.
  const text = /^[a-z]/.test(issue.message) ? ` ${issue.message}` : `: ${issue.message}`;
  return `Argument "${where}" of ${channelName}${text}${/[.!?]$/.test(issue.message) ? '' : '.'}`;
}

/** Checks the arguments of one call; on success gives them back as parsed (URLs normalized etc.). */
export function validateArgs(channelName: InvokeChannel, args: readonly unknown[]): ArgsCheck {
  const spec = CHANNEL_ARGS[channelName] as ChannelArgs<unknown[]> | undefined;
  if (!spec) return { ok: false, message: `"${String(channelName)}" is not a KieDrop channel.` };
  if (args.length > spec.names.length) {
    return {
      ok: false,
      message: `${channelName} takes ${plural(spec.names.length, 'argument')}; it was given ${args.length}.`,
    };
  }
  if (args.length < spec.names.length) {
    const missing = spec.names
      .slice(args.length)
      .map((n) => `"${n}"`)
      .join(', ');
    return { ok: false, message: `${channelName} is missing its argument ${missing}.` };
  }
  const parsed = spec.schema.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  return {
    ok: false,
    message: parsed.error.issues.map((i) => describeIssue(channelName, spec.names, i)).join(' '),
  };
}
