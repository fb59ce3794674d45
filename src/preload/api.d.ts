// The shape of window.kiedrop, shared by the preload (which builds it) and the renderer (which calls it).
export interface KieDropApi {
  readonly platform: string;
}

declare global {
  interface Window {
    kiedrop: KieDropApi;
  }
}
