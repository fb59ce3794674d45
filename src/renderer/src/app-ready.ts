// Tells the app the window is listening, once: events held back until now are then delivered.
import { api, settle } from './api';

let signalled = false;

export function signalAppReady(): void {
  if (signalled) return;
  signalled = true;
  void settle(api.appReady());
}
