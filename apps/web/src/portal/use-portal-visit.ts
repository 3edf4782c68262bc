import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, type DeflectionEventType } from './portal-api';

/**
 * One portal visit, for the deflection count: an id made in the page (no cookie, no account), and a
 * report of each thing the visit did with the suggestions. Reports are best effort: a lost one only
 * makes the statistics a little less complete, so the customer never sees an error for it.
 */
export function usePortalVisit() {
  const { i18n } = useTranslation();
  const visitId = useRef(crypto.randomUUID()).current;
  const reported = useRef(new Set<string>());
  return useCallback(
    (type: DeflectionEventType, articleId?: string) => {
      const key = `${type}:${articleId ?? ''}`;
      if (reported.current.has(key)) return;
      reported.current.add(key);
      portalApi.recordDeflection({ visitId, type, articleId, language: i18n.resolvedLanguage }).catch(() => reported.current.delete(key));
    },
    [visitId, i18n.resolvedLanguage],
  );
}
