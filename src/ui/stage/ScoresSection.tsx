// Step-1 results for the room: chart, table and the conversation order, only once the facilitator
// has revealed them. The stage is nobody's own screen (viewer null), so before the reveal it shows
// no score at all, not even a count per score.
import { conversationOrder, scoresVisibleTo, type Instrument, type Response, type Session } from '../../domain';
import { ScoreTable, SpiderChart } from '../charts';
import type { Ref } from 'react';
import { useT } from '../i18n';
import { OnBehalfNote, useMarkedName } from '../common/OnBehalf';
import { ConversationOrder } from './ConversationOrder';
import { stageMessages } from './messages';

export interface ScoresSectionProps {
  instrument: Pick<Instrument, 'themes' | 'step1'>;
  session: Pick<Session, 'state'>;
  responses: readonly Pick<Response, 'participant' | 'scores'>[];
  /** null on the stage; the tab passes the signed-in person. */
  viewerId: string | null;
  svgRef?: Ref<SVGSVGElement>;
}

export function ScoresSection({ instrument, session, responses, viewerId, svgRef }: ScoresSectionProps) {
  const t = useT(stageMessages);
  const marked = useMarkedName();
  // The domain decides who may see which score; a group view shows results only when it may see
  // everyone's, so one person's own score never appears as if it were the group.
  const visible = responses.filter((r) => scoresVisibleTo(session, viewerId, r.participant.id));
  if (visible.length < responses.length || session.state === 'setup' || session.state === 'step1') {
    return <p role="status">{t('hiddenUntilReveal')}</p>;
  }
  // Scores someone else entered on a person's behalf are marked "(namens)" in the chart and table, and said in full below.
  const participants = visible.map((r) => ({ id: r.participant.id, name: marked(r.participant), scores: r.scores }));
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem', alignItems: 'flex-start' }}>
        <div style={{ flex: '3 1 36rem', minWidth: 0 }}>
          <SpiderChart instrument={instrument} participants={participants} svgRef={svgRef} maxWidth="100%" />
        </div>
        <div style={{ flex: '2 1 22rem', minWidth: 0 }}>
          <ConversationOrder instrument={instrument} divergences={conversationOrder(participants)} />
        </div>
      </div>
      <ScoreTable instrument={instrument} participants={participants} />
      <OnBehalfNote participants={visible.map((r) => r.participant)} />
    </>
  );
}
