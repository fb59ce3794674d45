// The page's view of the preload: window.kiedrop is exactly the contract's KieDropApi.
import type { KieDropApi } from './ipc-contract';

declare global {
  interface Window {
    kiedrop: KieDropApi;
  }
}

export {};
