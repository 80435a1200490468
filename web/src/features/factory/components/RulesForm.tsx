import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { FORMAT_IDS } from '../../../lib/formats.ts';
import type { FactoryRules, FactorySettings } from '../api/factory.ts';
import { useFeedChoices, useSaveRules } from '../hooks/useFactory.ts';

const words = (text: string) => text.split(',').map((w) => w.trim()).filter(Boolean);
const toggled = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The factory's rules as one form, saved together. */
export function RulesForm({ settings }: { settings: FactorySettings }) {
  const { t } = useI18n();
  const save = useSaveRules();
  const feeds = useFeedChoices();
  const [rules, setRules] = useState<FactoryRules>(settings.rules);
  const [include, setInclude] = useState(settings.rules.includeKeywords.join(', '));
  const [exclude, setExclude] = useState(settings.rules.excludeKeywords.join(', '));
  const [budget, setBudget] = useState(settings.rules.monthlyBudget === null ? '' : String(settings.rules.monthlyBudget));
  const set = (change: Partial<FactoryRules>) => setRules((current) => ({ ...current, ...change }));
  const number = (key: keyof FactoryRules, label: MessageKey, min: number, max: number) => (
    <TextField label={t(label)} type="number" min={min} max={max} value={String(rules[key])} onChange={(e) => set({ [key]: Number(e.target.value) })} />
  );

  return (
    <form
      className="panel stack factory-rules"
      data-testid="factory-rules"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...rules, includeKeywords: words(include), excludeKeywords: words(exclude), monthlyBudget: budget.trim() === '' ? null : Number(budget) });
      }}
    >
      <h2 className="panel__title">{t('factory.rules')}</h2>
      <label className="row">
        <input type="checkbox" checked={rules.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> {t('factory.rules.enabled')}
      </label>
      <fieldset className="stack-sm">
        <legend className="field__label">{t('factory.rules.feeds')}</legend>
        {feeds.data?.length === 0 && <p className="muted small">{t('factory.rules.noFeeds')}</p>}
        {feeds.data?.map((feed) => (
          <label key={feed.id} className="row small">
            <input type="checkbox" checked={rules.feedIds.includes(feed.id)} onChange={() => set({ feedIds: toggled(rules.feedIds, feed.id) })} /> {feed.title ?? feed.url}
          </label>
        ))}
        <p className="field__hint">{t('factory.rules.feedsHint')}</p>
      </fieldset>
      <TextField label={t('factory.rules.include')} hint={t('factory.rules.keywordsHint')} value={include} onChange={(e) => setInclude(e.target.value)} />
      <TextField label={t('factory.rules.exclude')} value={exclude} onChange={(e) => setExclude(e.target.value)} />
      {number('maxItemAgeHours', 'factory.rules.maxAge', 1, 1440)}
      {number('minScore', 'factory.rules.minScore', 0, 100)}
      <fieldset className="stack-sm">
        <legend className="field__label">{t('factory.rules.formats')}</legend>
        {FORMAT_IDS.map((format) => (
          <label key={format} className="row small">
            <input type="checkbox" checked={rules.formats.includes(format)} onChange={() => set({ formats: toggled(rules.formats, format) })} /> {t(`format.${format}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {number('minLengthSec', 'factory.rules.minLength', 10, 180)}
      {number('maxLengthSec', 'factory.rules.maxLength', 10, 180)}
      <div className="field">
        <label className="field__label" htmlFor="factory-language">
          {t('factory.rules.language')}
        </label>
        <select id="factory-language" className="input" value={rules.language} onChange={(e) => set({ language: e.target.value as FactoryRules['language'] })}>
          <option value="any">{t('factory.rules.anyLanguage')}</option>
          <option value="en">{t('language.en')}</option>
          <option value="ru">{t('language.ru')}</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="factory-tone">
          {t('factory.rules.tone')}
        </label>
        <textarea id="factory-tone" className="input" rows={2} value={rules.toneNotes} onChange={(e) => set({ toneNotes: e.target.value })} />
      </div>
      {number('draftsPerDay', 'factory.rules.perDay', 0, 100)}
      <TextField label={t('factory.rules.budget')} hint={t('factory.rules.budgetHint', { spent: settings.usage.spentThisMonth.toFixed(2) })} type="number" min={0} step="0.01" value={budget} onChange={(e) => setBudget(e.target.value)} />
      {save.isError && <ErrorNotice error={save.error} />}
      {save.isSuccess && <Notice tone="success">{t('factory.rules.saved')}</Notice>}
      <Button type="submit" variant="primary" busy={save.isPending} data-testid="factory-save-rules">
        {t('factory.rules.save')}
      </Button>
    </form>
  );
}
