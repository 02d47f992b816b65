// Step-1 results for the room: chart, table and the conversation order, only once the facilitator
// has revealed them. The stage is nobody's own screen (viewer null), so before the reveal it shows
// no score at all, not even a count per score. People are shown as the session's display setting
// says (src/domain/display.ts): by name with their domain, per domain, or numbered without names;
// each domain keeps its colour and marker in every session (src/ui/charts/seriesStyle.ts).
import { conversationOrder, displaySeries, domainMeans, scoresVisibleTo, type DisplayMode, type Instrument, type Response, type Session, type ThemeId } from '../../domain';
import { DisplayControl, displayedResponses, displayLabelText, domainMeanStyle, domainPersonStyle, ScoreTable, SpiderChart } from '../charts';
import type { Ref } from 'react';
import { useLocale, useT } from '../i18n';
import { OnBehalfNote, useMarkedName } from '../common/OnBehalf';
import { ConversationOrder } from './ConversationOrder';
import { stageMessages } from './messages';

export interface ScoresSectionProps {
  instrument: Pick<Instrument, 'themes' | 'step1'>;
  session: Pick<Session, 'state' | 'display'>;
  /** In join order (the group view's order): anonymous numbers follow it. */
  responses: readonly Pick<Response, 'participant' | 'scores'>[];
  /** null on the stage; the tab passes the signed-in person. */
  viewerId: string | null;
  svgRef?: Ref<SVGSVGElement>;
  /** Given only in the facilitator's own client: the control for the display setting. */
  onDisplayChange?: (display: DisplayMode) => unknown;
  /** Statements marked "besproken" on the stage (src/domain/stageFocus.ts). */
  discussed?: readonly ThemeId[];
  /** Given only in the facilitator's own client on the stage: put a statement of the conversation order on the stage. */
  onOpenStatement?: (theme: ThemeId) => unknown;
}

export function ScoresSection({ instrument, session, responses, viewerId, svgRef, onDisplayChange, discussed, onOpenStatement }: ScoresSectionProps) {
  const t = useT(stageMessages);
  const locale = useLocale();
  const marked = useMarkedName();
  const mode: DisplayMode = session.display ?? 'perPerson';
  const control = onDisplayChange ? <DisplayControl value={mode} onChange={onDisplayChange} /> : null;
  // The domain decides who may see which score; a group view shows results only when it may see
  // everyone's, so one person's own score never appears as if it were the group.
  const visible = responses.filter((r) => scoresVisibleTo(session, viewerId, r.participant.id));
  if (visible.length < responses.length || session.state === 'setup' || session.state === 'step1') {
    return (
      <>
        {control}
        <p role="status">{t('hiddenUntilReveal')}</p>
      </>
    );
  }
  const byId = new Map(visible.map((r) => [r.participant.id, r.participant]));
  // Scores someone else entered on a person's behalf are marked "(namens)" in the chart and table, and said in full below.
  const series = displaySeries(visible, mode).map((s) => {
    const label = displayLabelText(s.label, locale);
    const participant = s.participantId === undefined ? undefined : byId.get(s.participantId);
    return { ...s, name: participant ? marked({ name: label, enteredBy: participant.enteredBy }) : label };
  });
  const lines = series.map((s) => ({ id: s.key, name: s.name, values: s.values, style: s.kind === 'domainMean' ? domainMeanStyle(s.domain) : domainPersonStyle(s.domain, s.indexInDomain) }));
  const columns = series.flatMap((s) => (s.scores ? [{ id: s.key, name: s.name, scores: s.scores }] : []));
  // The group mean and the conversation order are over everyone; names never enter them.
  const participants = visible.map((r) => ({ id: r.participant.id, name: '', scores: r.scores }));
  const perDomain = domainMeans(visible);
  // With one domain at the table its mean is the group mean: no second column saying the same.
  const domainColumns =
    perDomain.length < 2 ? [] : perDomain.map((d) => ({
          id: d.domain,
          // Anonymous: a partner's organisation would name the person, so the column says "Partner".
          name: displayLabelText({ kind: 'domain', domain: d.domain, organisations: mode === 'anonymous' ? [] : d.organisations, count: d.count }, locale),
          means: d.means,
        }));
  return (
    <>
      {control}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem', alignItems: 'flex-start' }}>
        <div style={{ flex: '3 1 36rem', minWidth: 0 }}>
          <SpiderChart instrument={instrument} participants={participants} lines={lines} svgRef={svgRef} maxWidth="100%" />
        </div>
        <div style={{ flex: '2 1 22rem', minWidth: 0 }}>
          <ConversationOrder instrument={instrument} divergences={conversationOrder(participants)} discussed={discussed} onOpen={onOpenStatement} />
        </div>
      </div>
      <ScoreTable instrument={instrument} participants={participants} columns={mode === 'perDomain' ? [] : columns} domainMeans={domainColumns} />
      <OnBehalfNote participants={displayedResponses(visible, mode, locale).map((r) => r.participant)} />
    </>
  );
}
