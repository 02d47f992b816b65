// Which page the meeting tab shows: answering (the participant's own steps, as in the side panel)
// or the review page. On a phone the meeting tab is the surface people have (the simulator's phone
// clients show only the tab: dev/teams-host/meeting.ts, `ClientType`), so there it is the place to take part.
import type { SessionState } from '../../domain/model';

export type TabView = 'answer' | 'review';

/** A session someone can still answer in: from preparation up to and including stap 3 (not closed). */
export function isLiveSession(state: SessionState): boolean {
  return state !== 'closed';
}

/** teams-js HostClientType values of a phone (https://learn.microsoft.com/javascript/api/@microsoft/teams-js/hostclienttype). */
export function isPhoneClient(hostClientType: string): boolean {
  return hostClientType === 'android' || hostClientType === 'ios';
}

/**
 * What the tab opens on when it first sees a live session. On a phone: answering — the tab is all a
 * phone has, and someone who opens it during the meeting came to take part. On a computer: the
 * review page, as the tab has always been there. Teams puts in-meeting work in the side panel and
 * keeps the tab for before and after the meeting (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/design/designing-apps-in-meetings),
 * so a computer user who opens the tab is looking something up, and answering in the side panel is
 * right beside it; for one without a side panel (the tab opened from the meeting chat) answering is
 * one switch away. The page is never switched under the person afterwards, except to the review
 * page when the session closes, as there is nothing left to answer.
 */
export function initialTabView(state: SessionState, hostClientType: string): TabView {
  if (!isLiveSession(state)) return 'review';
  return isPhoneClient(hostClientType) ? 'answer' : 'review';
}
