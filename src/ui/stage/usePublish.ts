// Publishing from a surface: the Planner group, the plan title and the link back all come from the
// session, so the stage and the tab publish the same plan (one plan per municipality programme).
import { useCallback, useEffect, useState } from 'react';
import type { Instrument, ThemeId } from '../../domain';
import type { PublishProgress, PublishResult, PublishTheme } from '../../graph/contracts';
import { sessionUrl, useAppServices, useSession } from '../session';

export interface PublishAccess {
  groupId: string | null;
  groupName: string | null;
  publish: (onProgress: (p: PublishProgress) => void) => Promise<PublishResult>;
}

export function usePublish(instrument: Pick<Instrument, 'themes'>, wanted: boolean): PublishAccess {
  const { graph, config, me } = useAppServices();
  const { snapshot, link, refresh } = useSession();
  const groupId = snapshot?.session.value.plannerGroupId ?? link?.location.plannerGroupId ?? null;
  const [groupName, setGroupName] = useState<string | null>(null);

  useEffect(() => {
    if (!wanted || !groupId) return;
    let cancelled = false;
    // The name only makes the non-member message clearer; without it the message still stands.
    graph.directory.myGroups().then(
      (groups) => {
        if (!cancelled) setGroupName(groups.find((g) => g.id === groupId)?.displayName ?? null);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [graph, groupId, wanted]);

  const publish = useCallback(
    async (onProgress: (p: PublishProgress) => void) => {
      if (!snapshot || !link || !groupId) throw Object.assign(new Error('no session or Planner group'), { code: 'notFound' });
      const session = snapshot.session.value;
      // The publisher puts the letter in front itself ("B. …" labels, "Thema B. …" descriptions).
      const themes = Object.fromEntries(instrument.themes.map((th) => [th.id, { title: th.title, statement: th.statement }])) as Record<ThemeId, PublishTheme>;
      try {
        return await graph.publisher.publish(
          snapshot,
          { groupId, planTitle: `Gesprekstool ${session.municipality}`, themes, linkBack: sessionUrl(config.appOrigin, link), location: link.location, by: { id: me.id, name: me.displayName } },
          onProgress,
        );
      } finally {
        await refresh();
      }
    },
    [snapshot, link, groupId, instrument, graph, config, me, refresh],
  );

  return { groupId, groupName, publish };
}
