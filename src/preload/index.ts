// The page's only door to the app: one object of named functions, never ipcRenderer itself.
import { contextBridge } from 'electron';
import type { KieDropApi } from './api';

const api: KieDropApi = {
  platform: process.platform,
};

contextBridge.exposeInMainWorld('kiedrop', api);
