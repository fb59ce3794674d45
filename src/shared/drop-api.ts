// The floating drop window's own small contract: the few channels it may call (a subset of the main
// contract, answered by the same handlers through the same guard) and the one event it hears. Kept
// apart from ipc-channels.ts so the drop window's preload stays tiny and can reach nothing else.
import type { IpcResult, JobSnapshot, UploadActivity } from './ipc-contract';
import type { InvokeChannel } from './ipc-contract';

/** The only channels the drop window may call; the guard refuses every other one from it. */
export const DROP_INVOKE_CHANNELS = [
  'upload:files',
  'upload:url',
  'activity:get',
  'activity:copy-links',
  'activity:latest-link',
] as const satisfies readonly InvokeChannel[];

export type DropInvokeChannel = (typeof DROP_INVOKE_CHANNELS)[number];

/** Main pushes the activity summary to the drop window on this wire name. */
export const DROP_ACTIVITY_WIRE = 'drop:activity';

export function isDropChannel(channel: string): channel is DropInvokeChannel {
  return (DROP_INVOKE_CHANNELS as readonly string[]).includes(channel);
}

/** window.kiedropDrop, as the drop window's preload exposes it. */
export interface DropWindowApi {
  /** Paths of dropped files (Electron's webUtils.getPathForFile); '' for a file with no path. */
  pathsForFiles(files: readonly File[]): string[];
  uploadFiles(paths: string[]): Promise<IpcResult<JobSnapshot[]>>;
  uploadUrl(url: string): Promise<IpcResult<JobSnapshot>>;
  /** Copies the links of the latest uploads again; answers how many. */
  copyLinks(): Promise<IpcResult<number>>;
  /** The newest of the latest uploads' links (for its QR code), or null. */
  latestLink(): Promise<IpcResult<string | null>>;
  /** The summary now, for the first paint. */
  activity(): Promise<IpcResult<UploadActivity>>;
  /** Every later change; returns the unsubscribe function. */
  onActivity(listener: (activity: UploadActivity) => void): () => void;
}
