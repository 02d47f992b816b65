// Where the data lives, for people who want to check or reuse it in SharePoint and Planner.
import { Link } from '@fluentui/react-components';
import type { SessionSnapshot } from '../../graph/contracts';
import { useT } from '../i18n';
import { tabMessages } from './messages';

export function LinksPanel({ links }: { links: SessionSnapshot['links'] }) {
  const t = useT(tabMessages);
  const items = [
    { label: t('linkSessions'), href: links.sessionsList },
    { label: t('linkAnswers'), href: links.answersList },
    { label: t('linkActions'), href: links.actionsList },
  ];
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('linksTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <Link href={item.href} target="_blank" rel="noreferrer">
              {item.label}
            </Link>
          </li>
        ))}
        <li>
          {links.plannerPlan ? (
            <Link href={links.plannerPlan} target="_blank" rel="noreferrer">
              {t('linkPlan')}
            </Link>
          ) : (
            t('noPlanYet')
          )}
        </li>
      </ul>
    </section>
  );
}
