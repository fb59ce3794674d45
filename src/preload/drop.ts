// The drop window's only door to the app: a few named functions over the upload channels it is allowed
// (the guard in main refuses everything else from this window), never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DROP_ACTIVITY_WIRE } from '../shared/drop-api';
import type { DropInvokeChannel, DropWindowApi } from '../shared/drop-api';
import type { UploadActivity } from '../shared/ipc-contract';

const invoke = (channel: DropInvokeChannel, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args);

const api: DropWindowApi = {
  pathsForFiles: (files) => Array.from(files, (file) => webUtils.getPathForFile(file)),
  uploadFiles: (paths) => invoke('upload:files', paths, {}),
  uploadUrl: (url) => invoke('upload:url', url, {}),
  activity: () => invoke('activity:get'),
  copyLinks: () => invoke('activity:copy-links'),
  latestLink: () => invoke('activity:latest-link'),
  onActivity(listener) {
    // The Electron event stays here: it carries the sender, which the page has no business holding.
    const forward = (_event: IpcRendererEvent, activity: UploadActivity): void => listener(activity);
    ipcRenderer.on(DROP_ACTIVITY_WIRE, forward);
    return () => {
      ipcRenderer.removeListener(DROP_ACTIVITY_WIRE, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kiedropDrop', api);
