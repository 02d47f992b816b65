import * as domain from '../../../src/domain';

describe('the domain API', () => {
  it('offers the contracts and the rules from one place', () => {
    for (const name of [
      'SessionSchema', 'InstrumentSchema', 'LIMITS', 'WEET_NIET',
      'summariseScores', 'conversationOrder', 'toggleOption', 'setFreeText', 'validateAnswer', 'aggregateStep2',
      'validateAction', 'suggestDepartments', 'groupActionsByTheme', 'newActionId',
      'nextState', 'canTransition', 'transition', 'isEditable', 'scoresVisibleTo',
      'compareSessions', 'stepProgress', 'newSessionKey', 'isSessionKey',
    ]) {
      expect(domain).toHaveProperty(name);
    }
  });
});
