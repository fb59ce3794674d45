// The upload engine: database + history + queue behind one object. Plain Node: no Electron here.
export { openEngine } from './open-engine';
export { createEventHub } from '../events/event-hub';
export type { EventHub } from '../events/event-hub';
export type { Engine, EngineEvents, EngineOptions } from './types';
