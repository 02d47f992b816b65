import type { SessionState } from '../../../src/domain/model';
import { initialTabView, isLiveSession, isPhoneClient } from '../../../src/ui/tab/tabView';

const LIVE: SessionState[] = ['setup', 'step1', 'revealed', 'step2', 'step3'];

describe('which page the meeting tab opens on', () => {
  it('a session is live from preparation up to and including stap 3, not once closed', () => {
    expect(LIVE.map(isLiveSession)).toEqual([true, true, true, true, true]);
    expect(isLiveSession('closed')).toBe(false);
  });

  it('Android and iOS are phones; Teams on a computer, the web or an iPad is not', () => {
    expect(['android', 'ios', 'desktop', 'web', 'ipados', 'macos'].map(isPhoneClient)).toEqual([true, true, false, false, false, false]);
  });

  it('a phone opens a live session on taking part, a computer on the review page, and everyone a closed session on the review page', () => {
    expect(LIVE.map((s) => initialTabView(s, 'android'))).toEqual(LIVE.map(() => 'answer'));
    expect(LIVE.map((s) => initialTabView(s, 'ios'))).toEqual(LIVE.map(() => 'answer'));
    expect(LIVE.map((s) => initialTabView(s, 'desktop'))).toEqual(LIVE.map(() => 'review'));
    expect(['android', 'web'].map((c) => initialTabView('closed', c))).toEqual(['review', 'review']);
  });
});
