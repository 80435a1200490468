import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { FactorySettings } from '../api/factory.ts';
import { useAddRule, useDeleteRule, useEditRule } from '../hooks/useFactory.ts';

type Rule = FactorySettings['profile'][number];

function RuleRow({ rule }: { rule: Rule }) {
  const { t } = useI18n();
  const edit = useEditRule();
  const remove = useDeleteRule();
  const [text, setText] = useState<string | null>(null);
  return (
    <li className="stack-sm" data-testid="profile-rule">
      {text === null ? (
        <div className="row">
          <span className="grow">{rule.text}</span>
          <span className="muted small">{t(rule.kind ? (`factory.kind.${rule.kind}` as MessageKey) : 'factory.kind.free')} · {t(`factory.ruleSource.${rule.source}` as MessageKey)}</span>
          <Button small variant="ghost" onClick={() => setText(rule.text)}>
            {t('factory.profile.edit')}
          </Button>
          <Button small variant="danger" busy={remove.isPending} onClick={() => remove.mutate(rule.id)} aria-label={t('factory.profile.deleteRule', { rule: rule.text })}>
            ✕
          </Button>
        </div>
      ) : (
        <form className="row" onSubmit={(e) => (e.preventDefault(), edit.mutate({ id: rule.id, text }, { onSuccess: () => setText(null) }))}>
          <input className="input grow" aria-label={t('factory.profile.ruleText')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button small type="submit" variant="primary" busy={edit.isPending}>
            {t('factory.profile.save')}
          </Button>
        </form>
      )}
      {(edit.isError || remove.isError) && <ErrorNotice error={edit.error ?? remove.error} />}
    </li>
  );
}

/** The writing profile: rules the writers follow, learned from revision notes or written by the author. */
export function ProfilePanel({ profile }: { profile: Rule[] }) {
  const { t } = useI18n();
  const add = useAddRule();
  const [text, setText] = useState('');
  return (
    <section className="panel stack" data-testid="factory-profile" aria-label={t('factory.profile')}>
      <h2 className="panel__title">{t('factory.profile')}</h2>
      <p className="muted small">{t('factory.profileLead')}</p>
      {profile.length === 0 && <p className="empty">{t('factory.profile.empty')}</p>}
      <ul className="stack-sm plain-list">
        {profile.map((rule) => (
          <RuleRow key={rule.id} rule={rule} />
        ))}
      </ul>
      <form className="row" onSubmit={(e) => (e.preventDefault(), add.mutate(text, { onSuccess: () => setText('') }))}>
        <input className="input grow" aria-label={t('factory.profile.newRule')} placeholder={t('factory.profile.example')} value={text} onChange={(e) => setText(e.target.value)} />
        <Button small type="submit" busy={add.isPending} disabled={text.trim().length < 3}>
          {t('factory.profile.add')}
        </Button>
      </form>
      {add.isError && <ErrorNotice error={add.error} />}
    </section>
  );
}
