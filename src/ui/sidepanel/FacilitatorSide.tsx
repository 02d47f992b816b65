// What only the facilitator's side panel shows — the moves and sharing (FacilitatorControls with its
// confirmation dialog), the notices about unreadable items and the group view, and answering on
// someone's behalf — as one chunk of its own: most people in a meeting are participants, and their
// side panel does not download any of it (issue 15's side panel budget). SidePanel loads it lazily.
import type { Session } from '../../domain/model';
import type { InvalidItem } from '../../graph/contracts';
import { GroupViewNotice } from '../common/GroupViewNotice';
import { InvalidItemsNotice } from '../common/InvalidItemsNotice';
import { FacilitatorControls } from './FacilitatorControls';

export { OnBehalfPanel } from './OnBehalfPanel';

export interface FacilitatorHeaderProps {
  session: Session;
  progress: { done: number; joined: number } | null;
  invalid: readonly InvalidItem[];
  groupError: string | null;
}

/** The facilitator's part at the top of the side panel, in the order the panel always showed it. */
export function FacilitatorHeader({ session, progress, invalid, groupError }: FacilitatorHeaderProps) {
  return (
    <>
      <FacilitatorControls session={session} progress={progress} />
      <InvalidItemsNotice items={invalid} />
      <GroupViewNotice error={groupError} />
    </>
  );
}
