// The choices of an owner picker ("Wie pakt het op?" in the side panel, "Wie" on the stage): nobody
// yet, then the participants by name. The value is the participant's Entra object id, '' for nobody.
import type { Participant } from '../../domain';

export function ParticipantOptions({ participants, noneLabel }: { participants: readonly Pick<Participant, 'id' | 'name'>[]; noneLabel: string }) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {participants.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
