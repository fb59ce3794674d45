// The window's question "This picture says where it was taken — remove the location?": one at a time,
// its answer shared by every upload waiting on it. The question goes out as an event and stays readable
// (location:pending) until answered, so a window opened or reloaded meanwhile shows it too.
import type { LocationAnswer, LocationFile } from '../images/location-gate';
import type { LocationQuestion } from '../../../shared/ipc-contract';

export interface LocationQuestions {
  /** Shows the question (bringing the window up) and resolves with the answer. */
  ask(file: LocationFile): Promise<LocationAnswer>;
  /** The open question, or null. */
  pending(): LocationQuestion | null;
  /** False when `id` is not the open question (answered already, or from an older window). */
  answer(id: number, answer: LocationAnswer): boolean;
}

export interface LocationQuestionsOptions {
  /** Tells the window of a new question, or null once it is answered. */
  emit: (question: LocationQuestion | null) => void;
  /** Brings the main window up (opening it if it was closed). */
  showWindow: () => void;
}

export function createLocationQuestions(opts: LocationQuestionsOptions): LocationQuestions {
  let open: {
    question: LocationQuestion;
    answers: Promise<LocationAnswer>;
    settle: (a: LocationAnswer) => void;
  } | null = null;
  let nextId = 1;

  return {
    ask(file) {
      if (open) return open.answers;
      let settle: (a: LocationAnswer) => void = () => undefined;
      const answers = new Promise<LocationAnswer>((resolve) => {
        settle = resolve;
      });
      const question: LocationQuestion = { id: nextId++, fileName: file.fileName };
      open = { question, answers, settle };
      opts.emit(question);
      opts.showWindow();
      return answers;
    },
    pending: () => open?.question ?? null,
    answer(id, answer) {
      if (open?.question.id !== id) return false;
      const { settle } = open;
      open = null;
      settle(answer);
      opts.emit(null);
      return true;
    },
  };
}
