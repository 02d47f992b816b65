// Words of the chart and the score table; the divergence reasons come from domain codes.
import { defineMessages } from '../i18n';

export const chartMessages = defineMessages({
  nl: {
    chartTitle: 'Spindiagram: scores per stelling',
    chartDescription:
      'Scores van {count} {count|deelnemer|deelnemers} en het groepsgemiddelde op de zes stellingen A tot en met F, op een schaal van 1 tot 5. Weet niet en geen antwoord staan niet in het diagram; de tabel geeft dezelfde gegevens.',
    chartEmpty: 'Nog geen scores om te tonen.',
    legend: 'Legenda',
    groupMean: 'Gemiddelde van de groep',
    statement: 'Stelling',
    mean: 'Gemiddelde',
    median: 'Mediaan',
    spread: 'Spreiding',
    weetNietCount: 'Aantal weet niet',
    noAnswer: 'geen antwoord',
    notApplicable: 'n.v.t.',
    tableCaption: 'Scores per stelling (1 = helemaal niet, 5 = helemaal wel)',
    conversationPoint: 'Gesprekspunt',
    reasonSpread: 'scores liggen {spread} punten uit elkaar',
    reasonWeetNietAmongScores: '{count} keer weet niet naast scores',
    reasonWeetNietCluster: 'veel deelnemers weten het niet ({count})',
    reasonsJoin: '; ',
  },
  en: {
    chartTitle: 'Radar chart: scores per statement',
    chartDescription:
      'Scores of {count} {count|participant|participants} and the group mean on the six statements A to F, on a scale of 1 to 5. Don’t know and no answer are left out of the chart; the table gives the same data.',
    chartEmpty: 'No scores to show yet.',
    legend: 'Legend',
    groupMean: 'Group mean',
    statement: 'Statement',
    mean: 'Mean',
    median: 'Median',
    spread: 'Spread',
    weetNietCount: 'Number of don’t know',
    noAnswer: 'no answer',
    notApplicable: 'n/a',
    tableCaption: 'Scores per statement (1 = not at all, 5 = fully)',
    conversationPoint: 'Conversation point',
    reasonSpread: 'scores are {spread} points apart',
    reasonWeetNietAmongScores: '{count} × don’t know next to scores',
    reasonWeetNietCluster: 'many participants don’t know ({count})',
    reasonsJoin: '; ',
  },
});

export type ChartMessageKey = keyof (typeof chartMessages)['nl'];
export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;
