// Answers slice: the symptom questionnaire's answers (keys and values from src/core/answers.ts).
import type { StateCreator } from 'zustand';
import type { Answers } from '../core/types';
import type { AppState } from './store-types';

export interface AnswersSlice {
  answers: Answers;
  setAnswer: (key: string, value: string | null) => void;
  clearAnswers: () => void;
}

export const createAnswersSlice: StateCreator<AppState, [], [], AnswersSlice> = (set, get) => ({
  answers: {},
  setAnswer(key, value) {
    const next = { ...get().answers };
    if (value === null) delete next[key];
    else next[key] = value;
    set({ answers: next });
  },
  clearAnswers() {
    set({ answers: {} });
  },
});
