// The facilitator's moves for the step the session is in (start, reveal, to stap 2 with "ieder apart
// of samen?", to stap 3, publish, close, back, lock), one list shown on the stage's bar and at the
// top of the side panel. The domain decides what is allowed (`may`, src/domain/authorization.ts);
// the SessionProvider's commands do the moving. A move first saves any text still being typed on
// this surface (src/ui/session/pendingText.tsx) and does not move when that fails. Moves that
// cannot be undone (start, reveal) are confirmed in a dialog: Fluent's Dialog traps focus, closes
// on Escape and returns focus to the button (https://react.fluentui.dev/?path=/docs/components-dialog--docs).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { may, nextState, previousState, visibleTo } from '../../domain/authorization';
import type { Mode, Session, SessionState, ThemeId } from '../../domain/model';
import { adjacentTheme, currentFocus, focusOn } from '../../domain/stageFocus';
import { focusMessages } from '../stage/focusMessages';
import { useT } from '../i18n';
import { useAppServices, useSession } from '../session';
import { useFlushPendingText } from '../session/pendingText';
import { moveMessages } from './messages';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type ForwardKey = `to_${Exclude<SessionState, 'setup'>}`;
type BackKey = 'back_revealed' | 'back_step2' | 'back_step3';
type Asking = { kind: 'confirm'; to: 'step1' | 'revealed' } | { kind: 'mode' } | null;

/** Forward moves that cannot be undone: the domain has no way back from them (BACKWARD in authorization.ts). */
const IRREVERSIBLE: Partial<Record<SessionState, 'confirmStart' | 'confirmReveal'>> = { step1: 'confirmStart', revealed: 'confirmReveal' };

export interface FacilitatorMovesProps {
  /** Bigger buttons on the stage; compact in the 320 px side panel. */
  size?: 'small' | 'medium' | 'large';
  /** Shown in stap 3 and after closing: "Publiceren naar Planner" calls this (the stage brings its publish panel into view). */
  onPublish?: () => void;
}

export function FacilitatorMoves({ size = 'medium', onPublish }: FacilitatorMovesProps) {
  const t = useT(moveMessages);
  const tf = useT(focusMessages);
  const styles = useStyles();
  const { me } = useAppServices();
  const { snapshot, commands } = useSession();
  const flushPending = useFlushPendingText();
  const [asking, setAsking] = useState<Asking>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [moving, setMoving] = useState(false);
  const [unsaved, setUnsaved] = useState(false);

  if (!snapshot) return null;
  const session: Session = snapshot.session.value;
  const actor = { id: me.id };
  if (!visibleTo(actor, session).facilitatorControls) return null;

  const allowedTo = (to: SessionState | null): to is SessionState => to !== null && may(actor, { kind: 'transition', to }, session).ok;
  const next = nextState(session.state);
  const previous = previousState(session.state);
  const mayLock = may(actor, { kind: 'lock', locked: !session.locked }, session).ok;
  const mayPublish = onPublish !== undefined && may(actor, { kind: 'publish' }, session).ok;
  // Not disabled while an autosave runs (the move waits for it anyway): only while this move is under way.
  const disabled = moving;

  /** Saves what is typed, then runs `step`; nothing moves while text could not be saved. */
  const perform = async (step: () => Promise<boolean>) => {
    setMoving(true);
    setUnsaved(false);
    try {
      if (!(await flushPending())) {
        setUnsaved(true);
        return;
      }
      await step();
    } finally {
      setMoving(false);
    }
  };

  const move = (to: SessionState) => perform(() => commands.transition(to));
  const pressNext = (to: SessionState) => {
    const confirm = IRREVERSIBLE[to];
    if (confirm) setAsking({ kind: 'confirm', to: to as 'step1' | 'revealed' });
    else if (to === 'step2') {
      setMode(session.mode);
      setAsking({ kind: 'mode' });
    } else void move(to);
  };
  const toStep2 = (chosen: Mode) =>
    perform(async () => {
      if (chosen !== session.mode && !(await commands.setMode(chosen))) return false;
      return commands.transition('step2');
    });

  const confirmKey = asking?.kind === 'confirm' ? IRREVERSIBLE[asking.to] : undefined;

  // What everyone's stage shows (src/domain/stageFocus.ts): one statement (stap 1 after the reveal) or
  // theme (stap 2, 3) at a time, or the overview. The same moves on the stage's bar and in the side panel.
  const focus = currentFocus(session);
  const mayFocus = focus.step !== null && may(actor, { kind: 'stageFocus', part: 'theme' }, session).ok;
  const inStep1 = focus.step === 'step1';
  const nextTheme = adjacentTheme(focus.theme, 'next');
  const previousTheme = adjacentTheme(focus.theme, 'previous');
  const showTheme = (theme: ThemeId | null) => perform(() => commands.setStageFocus('theme', (s) => focusOn(s, theme)));
  const onStage = focus.theme === null ? tf('onStageOverview') : tf(inStep1 ? 'onStageStatement' : 'onStageTheme', { theme: focus.theme });

  return (
    <>
      <div className={styles.row}>
        {allowedTo(next) ? (
          <Button appearance="primary" size={size} disabled={disabled} onClick={() => pressNext(next)}>
            {t(`to_${next}` as ForwardKey)}
          </Button>
        ) : null}
        {mayPublish ? (
          <Button size={size} onClick={onPublish}>
            {t('publish')}
          </Button>
        ) : null}
        {allowedTo(previous) ? (
          <Button size={size} disabled={disabled} onClick={() => void move(previous)}>
            {t(`back_${previous}` as BackKey)}
          </Button>
        ) : null}
        {mayLock ? (
          <Button size={size} disabled={disabled} onClick={() => void perform(() => commands.setLocked(!session.locked))}>
            {session.locked ? t('unlock') : t('lock')}
          </Button>
        ) : null}
      </div>
      {mayFocus ? (
        <div role="group" aria-label={tf(inStep1 ? 'focusGroupStep1' : 'focusGroupTheme')} className={styles.row}>
          <span role="status">{onStage}</span>
          <Button size={size} disabledFocusable={disabled || previousTheme === null} onClick={() => previousTheme !== null && void showTheme(previousTheme)}>
            {tf(inStep1 ? 'previousStatement' : 'previousTheme')}
          </Button>
          <Button size={size} disabledFocusable={disabled || nextTheme === null} onClick={() => nextTheme !== null && void showTheme(nextTheme)}>
            {tf(inStep1 ? 'nextStatement' : 'nextTheme')}
          </Button>
          {/* Always there (unavailable on the overview), so the focus is not lost when pressing it. */}
          <Button size={size} disabledFocusable={disabled || focus.theme === null} onClick={() => focus.theme !== null && void showTheme(null)}>
            {tf('toOverview')}
          </Button>
        </div>
      ) : null}
      {unsaved ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('flushFailed')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Dialog open={asking !== null} modalType="modal" onOpenChange={(_, data) => !data.open && setAsking(null)}>
        <DialogSurface>
          {asking?.kind === 'mode' ? (
            <DialogBody>
                <DialogTitle>{t('modeTitle')}</DialogTitle>
                <DialogContent>
                  <Field label={t('modeQuestion')}>
                    <RadioGroup value={mode ?? session.mode} onChange={(_, d) => setMode(d.value === 'joint' ? 'joint' : 'separate')}>
                      <Radio value="separate" label={t('modeSeparate')} />
                      <Radio value="joint" label={t('modeJoint')} />
                    </RadioGroup>
                  </Field>
                </DialogContent>
                <DialogActions>
                  <Button
                    appearance="primary"
                    autoFocus
                    onClick={() => {
                      setAsking(null);
                      void toStep2(mode ?? session.mode);
                    }}
                  >
                    {t('to_step2')}
                  </Button>
                  <Button onClick={() => setAsking(null)}>{t('cancel')}</Button>
                </DialogActions>
              </DialogBody>
          ) : asking?.kind === 'confirm' && confirmKey ? (
            <DialogBody>
              <DialogTitle>{t(`${confirmKey}Title`)}</DialogTitle>
              <DialogContent>{t(`${confirmKey}Body`)}</DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  autoFocus
                  onClick={() => {
                    const to = asking.to;
                    setAsking(null);
                    void move(to);
                  }}
                >
                  {t(`to_${asking.to}`)}
                </Button>
                <Button onClick={() => setAsking(null)}>{t('cancel')}</Button>
              </DialogActions>
            </DialogBody>
          ) : null}
        </DialogSurface>
      </Dialog>
    </>
  );
}
