// What a valid setting is. Every rule carries its own message, so a bad value is reported as
// "Setting "concurrency" must be …" rather than as a validator's internals. Values are never echoed:
// someone may paste an API key into the wrong box.
import { z } from 'zod';
import { ApiError, parseProxyUrl, PROXY_URL_EXAMPLE, validateUploadPath } from '../api';
import { parseAccelerator } from '../clipboard/accelerator';
import { normalizeBaseUrl } from '../config';
import {
  DEFAULT_SETTINGS,
  MAX_KEEPALIVE_LEAD_HOURS,
  MAX_LINK_LIFETIME_HOURS,
} from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';
import { MAX_CONCURRENCY } from '../queue/defaults';
import { checkTemplates } from '../naming/apply-templates';
import type { NamingTemplates } from '../naming/apply-templates';

// One limit for the app and the command line.
export { MAX_CONCURRENCY };
/** Links live 3 days, so "expiring soon" beyond that would mark every entry. */
export const MAX_EXPIRING_SOON_HOURS = 72;
const MAX_TEMPLATE_LENGTH = 2000;
export const MAX_SHARE_CONFIRM_ABOVE = 100_000;
/** Window positions are screen pixels; anything this far out is a damaged file, not a monitor. */
const MAX_COORDINATE = 1_000_000;
const KEEPALIVE_LEAD_MESSAGE = `"Keep pinned links alive" must be a whole number of hours from 1 to ${MAX_KEEPALIVE_LEAD_HOURS} before expiry.`;
/** 100 GiB: more is a typo, not a cap. */
export const MAX_URL_COPIES_MIB = 102_400;
const URL_COPIES_CAP_MESSAGE = `The space for copies of URL uploads must be a whole number of MiB from 1 to ${MAX_URL_COPIES_MIB}.`;
/** The documented lifetime: a longer one would only promise more than the service says. */
export { MAX_KEEPALIVE_LEAD_HOURS, MAX_LINK_LIFETIME_HOURS };
const LINK_LIFETIME_MESSAGE = `"Links last" must be empty (automatic) or a whole number of hours from 1 to ${MAX_LINK_LIFETIME_HOURS}.`;
const CONFIRM_ABOVE_MESSAGE = `"Ask before sharing more than" must be a whole number from 1 to ${MAX_SHARE_CONFIRM_ABOVE}.`;

// Syntax only (a misspelt variable, a bad length): what a template gives depends on each file, and is
// checked again, with the API's rules, when a file is queued.
function namingTemplate(which: keyof NamingTemplates, label: string) {
  return z
    .string({ error: `The ${label} must be text such as "{date}/{name}.{ext}".` })
    .trim()
    .max(MAX_TEMPLATE_LENGTH, { error: `The ${label} is longer than ${MAX_TEMPLATE_LENGTH} characters.` })
    .superRefine((value, ctx) => {
      try {
        checkTemplates({ [which]: value });
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      }
    });
}

function baseUrl(label: string) {
  return z.string({ error: `${label} must be a URL.` }).transform((value, ctx) => {
    try {
      return normalizeBaseUrl(value, label);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  });
}

// The client's own check, so Settings never saves a proxy the uploads would then refuse (SOCKS, a path).
const proxyUrl = z
  .string({ error: `The proxy URL must be text such as "${PROXY_URL_EXAMPLE}".` })
  .trim()
  .superRefine((value, ctx) => {
    try {
      parseProxyUrl(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof ApiError ? err.message : String(err) });
    }
  });

const IMAGE_QUALITY_MESSAGE = 'The picture quality must be a whole number from 1 to 100.';
const IMAGE_MAX_SIDE_MESSAGE = 'The longest side must be a whole number of pixels from 1 to 65535, or null.';

export const settingsShape = {
  defaultUploadPath: z
    .string({ error: 'The default upload path must be text such as "images/uploads".' })
    .trim()
    .superRefine((value, ctx) => {
      try {
        validateUploadPath(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof ApiError ? err.message : String(err) });
      }
    }),
  concurrency: z
    .number({ error: `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.` })
    .int({ error: `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.` })
    .min(1, { error: `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.` })
    .max(MAX_CONCURRENCY, { error: `Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.` }),
  notifications: z.boolean({ error: 'Notifications must be on or off (true or false).' }),
  copyFormat: z.enum(['url', 'markdown', 'html', 'bbcode', 'custom'], {
    error: 'The copy format must be one of url, markdown, html, bbcode or custom.',
  }),
  customCopyTemplate: z
    .string({ error: 'The custom copy template must be text containing {url}.' })
    .max(MAX_TEMPLATE_LENGTH, {
      error: `The custom copy template is longer than ${MAX_TEMPLATE_LENGTH} characters.`,
    })
    .refine((value) => value.includes('{url}'), { error: 'The custom copy template must contain {url}.' }),
  copyOnUpload: z.boolean({ error: 'Copy on upload must be on or off (true or false).' }),
  expiringSoonHours: z
    .number({
      error: `"Expiring soon" must be a whole number of hours from 1 to ${MAX_EXPIRING_SOON_HOURS}.`,
    })
    .int({ error: `"Expiring soon" must be a whole number of hours from 1 to ${MAX_EXPIRING_SOON_HOURS}.` })
    .min(1, {
      error: `"Expiring soon" must be a whole number of hours from 1 to ${MAX_EXPIRING_SOON_HOURS}.`,
    })
    .max(MAX_EXPIRING_SOON_HOURS, {
      error: `"Expiring soon" must be a whole number of hours from 1 to ${MAX_EXPIRING_SOON_HOURS}.`,
    }),
  uploadBaseUrl: baseUrl('The upload host'),
  creditsBaseUrl: baseUrl('The credits host'),
  proxy: z.discriminatedUnion(
    'mode',
    [
      z.strictObject({ mode: z.literal('system') }),
      z.strictObject({ mode: z.literal('none') }),
      z.strictObject({ mode: z.literal('manual'), url: proxyUrl }),
    ],
    { error: 'The proxy must be { mode: "system" }, { mode: "none" } or { mode: "manual", url }.' },
  ),
  theme: z.enum(['system', 'light', 'dark'], { error: 'The theme must be system, light or dark.' }),
  language: z.enum(['system', 'en', 'zh-CN'], { error: 'The language must be system, en or zh-CN.' }),
  clipboardShortcut: z
    .string({ error: 'The clipboard shortcut must be text such as "CommandOrControl+Shift+U".' })
    .trim()
    .max(100, { error: 'The clipboard shortcut is too long to be a key combination.' })
    .superRefine((value, ctx) => {
      if (value === '') return; // off
      const parsed = parseAccelerator(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  editorServer: z.strictObject(
    {
      enabled: z.boolean({ error: 'The editor server must be on or off (true or false).' }),
      port: z
        .int({ error: 'The editor server port must be a whole number from 1024 to 65535.' })
        .min(1024, { error: 'The editor server port must be a whole number from 1024 to 65535.' })
        .max(65535, { error: 'The editor server port must be a whole number from 1024 to 65535.' }),
      token: z
        .string({ error: 'The editor server secret must be text (empty for none).' })
        .trim()
        .max(200, { error: 'The editor server secret is longer than 200 characters.' }),
      clients: z.record(
        z.string().max(500, { error: 'An editor name is longer than 500 characters.' }),
        z.boolean({ error: 'Whether an editor may upload must be true or false.' }),
        { error: 'The editors allowed or refused must be a list of names and answers.' },
      ),
    },
    { error: 'The editor server setting must have enabled, port, token and clients.' },
  ),
  dropWindow: z.strictObject(
    {
      enabled: z.boolean({ error: 'The drop window must be on or off (true or false).' }),
      alwaysOnTop: z.boolean({ error: '"Keep the drop window on top" must be true or false.' }),
      x: z
        .int({ error: 'The drop window position must be whole pixels, or null.' })
        .min(-MAX_COORDINATE, { error: 'The drop window position is off every screen.' })
        .max(MAX_COORDINATE, { error: 'The drop window position is off every screen.' })
        .nullable(),
      y: z
        .int({ error: 'The drop window position must be whole pixels, or null.' })
        .min(-MAX_COORDINATE, { error: 'The drop window position is off every screen.' })
        .max(MAX_COORDINATE, { error: 'The drop window position is off every screen.' })
        .nullable(),
    },
    { error: 'The drop window setting must be { enabled, alwaysOnTop, x, y }.' },
  ),
  shareRecurseFolders: z.boolean({ error: 'Sharing sub-folders must be on or off (true or false).' }),
  shareConfirmAbove: z
    .int({ error: CONFIRM_ABOVE_MESSAGE })
    .min(1, { error: CONFIRM_ABOVE_MESSAGE })
    .max(MAX_SHARE_CONFIRM_ABOVE, { error: CONFIRM_ABOVE_MESSAGE }),
  playSound: z.boolean({ error: 'The sound must be on or off (true or false).' }),
  launchAtLogin: z.boolean({ error: '"Start at login" must be on or off (true or false).' }),
  checkForUpdates: z.boolean({ error: '"Check for updates" must be on or off (true or false).' }),
  keepAliveLeadHours: z
    .int({ error: KEEPALIVE_LEAD_MESSAGE })
    .min(1, { error: KEEPALIVE_LEAD_MESSAGE })
    .max(MAX_KEEPALIVE_LEAD_HOURS, { error: KEEPALIVE_LEAD_MESSAGE }),
  expiryReminders: z.boolean({ error: '"Remind me of expiring links" must be on or off (true or false).' }),
  keepUrlUploadCopies: z.boolean({
    error: '"Keep a copy of URL uploads" must be on or off (true or false).',
  }),
  urlUploadCopiesMaxMiB: z
    .int({ error: URL_COPIES_CAP_MESSAGE })
    .min(1, { error: URL_COPIES_CAP_MESSAGE })
    .max(MAX_URL_COPIES_MIB, { error: URL_COPIES_CAP_MESSAGE }),
  linkLifetimeHours: z
    .int({ error: LINK_LIFETIME_MESSAGE })
    .min(1, { error: LINK_LIFETIME_MESSAGE })
    .max(MAX_LINK_LIFETIME_HOURS, { error: LINK_LIFETIME_MESSAGE })
    .nullable(),
  nameTemplate: namingTemplate('nameTemplate', 'name template'),
  uploadPathTemplate: namingTemplate('pathTemplate', 'upload path template'),
  copyLinkFolders: z
    .array(z.string({ error: 'A folder that copies its links must be given as its path.' }), {
      error: 'The folders that copy their links must be a list of folder paths.',
    })
    .max(1000, { error: 'Too many folders copy their links (at most 1000).' }),
  imageOptimize: z.boolean({ error: '"Optimise pictures" must be on or off (true or false).' }),
  imageFormat: z.enum(['webp', 'avif', 'jpeg', 'keep'], {
    error: 'The picture format must be webp, avif, jpeg or keep.',
  }),
  imageQuality: z
    .int({ error: IMAGE_QUALITY_MESSAGE })
    .min(1, { error: IMAGE_QUALITY_MESSAGE })
    .max(100, { error: IMAGE_QUALITY_MESSAGE }),
  imageMaxSide: z
    .int({ error: IMAGE_MAX_SIDE_MESSAGE })
    .min(1, { error: IMAGE_MAX_SIDE_MESSAGE })
    .max(65_535, { error: IMAGE_MAX_SIDE_MESSAGE })
    .nullable(),
  stripMetadata: z.boolean({ error: '"Remove metadata" must be on or off (true or false).' }),
  locationInPictures: z.enum(['ask', 'remove', 'keep'], {
    error: '"Pictures with a location" must be ask, remove or keep.',
  }),
};

export type SettingName = keyof Settings;
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];

export const settingsSchema = z.strictObject(settingsShape);
/** A change from the window: any subset of the settings, and nothing that is not a setting. */
export const settingsPatchSchema = z.strictObject(settingsShape).partial();

// The schema and the shared Settings type must describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_SETTINGS: Same<z.output<typeof settingsSchema>, Settings> = true;

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as string[]).includes(name);
}
