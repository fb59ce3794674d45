// The File Upload API emulator: a real HTTP server for tests, benchmarks and local development.
export type {
  Emulator,
  EmulatorOptions,
  Fault,
  FaultController,
  LinkBehaviour,
  RequestLogEntry,
} from './types';
export { DEFAULT_TEST_KEY, startEmulator } from './emulator';
