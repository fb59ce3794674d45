// The window's side of the "picture with a location" question: read the open one, answer it.
import type { Handlers } from '../../../shared/ipc-contract';
import type { HandlerDeps } from './types';

export function locationHandlers(deps: HandlerDeps): Pick<Handlers, 'location:pending' | 'location:answer'> {
  return {
    'location:pending': () => deps.locationQuestions?.pending() ?? null,
    'location:answer': (id, answer) => deps.locationQuestions?.answer(id, answer) ?? false,
  };
}
