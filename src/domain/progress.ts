// Progress for the stage: who joined and who is done, so the facilitator knows when to reveal or
// move on. It reports how many items someone filled in, never what they chose.
import { THEME_IDS, type Response, type StepId } from './model';

export interface ParticipantProgress {
  participantId: string;
  name: string;
  /** Statements (step 1) or questions (step 2) with an answer; 0 for step 3. */
  answered: number;
  done: boolean;
  /** When they said they were done, ISO. */
  doneAt: string | null;
  /** Name of who entered their answers for them (src/domain/onBehalf.ts); absent for one's own. */
  enteredBy?: string;
}

export interface StepProgress {
  step: StepId;
  joined: number;
  done: number;
  participants: ParticipantProgress[];
}

function answeredCount(response: Pick<Response, 'scores' | 'step2'>, step: StepId): number {
  if (step === 'step1') return THEME_IDS.filter((theme) => response.scores[theme] !== undefined).length;
  if (step === 'step2') return Object.values(response.step2.questions).filter((a) => a.selected.length > 0).length;
  return 0;
}

/** Everyone with a response has joined; order follows the responses (join order from the store). */
export function stepProgress(responses: readonly Pick<Response, 'participant' | 'scores' | 'step2' | 'done'>[], step: StepId): StepProgress {
  const participants = responses.map((response): ParticipantProgress => {
    const doneAt = response.done[step] ?? null;
    return {
      participantId: response.participant.id,
      name: response.participant.name,
      answered: answeredCount(response, step),
      done: doneAt !== null,
      doneAt,
      ...(response.participant.enteredBy ? { enteredBy: response.participant.enteredBy.name } : {}),
    };
  });
  return { step, joined: participants.length, done: participants.filter((p) => p.done).length, participants };
}
