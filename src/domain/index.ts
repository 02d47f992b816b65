// The public domain API: surfaces import from here, not from the files behind it.
export * from './model';
export * from './instrument';
export * from './scores';
export * from './divergence';
export * from './step2';
export * from './agenda';
export * from './calendarDate';
export * from './freeText';
export * from './randomSource';
export * from './sessionKey';
export * from './sessionState';
export * from './authorization';
export * from './comparison';
export * from './progress';
export * from './responseMerge';
export * from './groupView';
export * from './onBehalf';
