// The person's own answers item: found in the session (they joined before, maybe in another frame)
// or created by `join`, then edited through a ResponseSync that keeps a local draft and flushes to
// SharePoint. Other people's answers never pass through here.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Participant, Response } from '../../domain/model';
import type { ResponseSync, SyncState, Versioned } from '../../graph/contracts';
import { draftKey, openResponseSync } from '../../sync';
import { describeErrorText } from '../common/errors';
import { useAppServices } from './AppServices';
import { useSession } from './SessionProvider';

export type OwnResponse =
  | { kind: 'waiting' }
  | { kind: 'notJoined'; join(participant: Participant): Promise<void>; joining: boolean; error: string | null }
  | {
      kind: 'joined';
      response: Response;
      sync: SyncState;
      update(change: (r: Response) => Response): void;
      /** "Opnieuw proberen". */
      retry(): Promise<void>;
      /** Change name, domain or department (the store patches the item). */
      rejoin(participant: Participant): Promise<void>;
      /** Columns of their own hand-edited item that could not be read and were emptied when they joined again. */
      cleared: string[];
      /** A draft on this device from a newer version of the app, left untouched (its version), or null. */
      futureDraft: number | null;
    };

const noSync = { subscribe: () => () => undefined };

/**
 * `participantId` is whose answers: the signed-in person's by default; the facilitator passes the id
 * of someone they enter answers for (src/ui/sidepanel/OnBehalfPanel.tsx), with the item `given`
 * when it was just created and the session read does not carry it yet.
 */
export function useOwnResponse(participantId?: string, given?: Versioned<Response> | null): OwnResponse {
  const { me: signedIn, storage, locale } = useAppServices();
  const me = { id: participantId ?? signedIn.id };
  const { snapshot, store, link } = useSession();
  const [initial, setInitial] = useState<Versioned<Response> | null>(null);
  const [sync, setSync] = useState<ResponseSync | null>(null);
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cleared, setCleared] = useState<string[]>([]);

  const sessionKey = link?.key ?? null;
  // Someone else's answers are the ones the signed-in person entered for them, not an item another person made with that id.
  const existing = snapshot?.responses.find((r) => r.value.participant.id === me.id && (participantId === undefined || participantId === signedIn.id || r.value.participant.enteredBy?.id === signedIn.id)) ?? null;
  if (initial === null && (existing ?? given ?? null) !== null) setInitial(existing ?? given ?? null);

  useEffect(() => {
    if (!initial || !store || !sessionKey) return;
    // The draft is read first (IndexedDB is asynchronous): until then nothing is shown, so neither an
    // older copy nor "Opgeslagen" appears before unsent changes are back.
    let created: ResponseSync | null = null;
    let cancelled = false;
    void openResponseSync({ store, initial, storage, key: draftKey(sessionKey, me.id) }).then((opened) => {
      if (cancelled) opened.dispose();
      else {
        created = opened;
        setSync(opened);
      }
    });
    return () => {
      cancelled = true;
      created?.dispose();
      setSync(null);
    };
  }, [initial, store, storage, sessionKey, me.id]);

  // Another device of this person (a phone, a second window) saved: show its answers here too.
  useEffect(() => {
    if (sync && existing) sync.adopt(existing);
  }, [sync, existing]);

  const source = sync ?? noSync;
  const response = useSyncExternalStore(source.subscribe, () => sync?.current() ?? null);
  const syncState = useSyncExternalStore(source.subscribe, () => sync?.state() ?? null);

  const join = useCallback(
    async (participant: Participant) => {
      if (!store || !sessionKey) return;
      setJoining(true);
      setError(null);
      try {
        const joined = await store.join(sessionKey, participant);
        setCleared(joined.cleared ?? []);
        setInitial(joined);
      } catch (err) {
        setError(describeErrorText(err, locale));
      } finally {
        setJoining(false);
      }
    },
    [store, sessionKey, locale],
  );

  const rejoin = useCallback(
    async (participant: Participant) => {
      if (!store || !sessionKey || !sync) return;
      await sync.flushNow();
      const joined = await store.join(sessionKey, participant);
      setInitial(joined);
    },
    [store, sessionKey, sync],
  );

  if (!snapshot || !store) return { kind: 'waiting' };
  if (!initial) return { kind: 'notJoined', join, joining, error };
  if (!sync || !response || !syncState) return { kind: 'waiting' };
  return {
    kind: 'joined',
    response,
    sync: syncState,
    update: (change) => sync.update(change),
    retry: () => sync.flushNow(),
    rejoin,
    cleared,
    futureDraft: sync.futureDraft(),
  };
}
