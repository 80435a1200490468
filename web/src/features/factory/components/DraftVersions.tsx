import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { Draft } from '../api/factory.ts';

/** Every version of a draft; the chosen one is shown against the one before it, changed scenes marked. */
export function DraftVersions({ versions }: { versions: Draft['versions'] }) {
  const { t, formatDate } = useI18n();
  const [number, setNumber] = useState(versions.at(-1)!.number);
  const index = versions.findIndex((v) => v.number === number);
  const version = versions[index]!;
  const previous = versions[index - 1];
  return (
    <details className="draft__versions">
      <summary>{t('factory.versions', { n: versions.length })}</summary>
      <div className="row">
        {versions.map((v) => (
          <button key={v.number} type="button" className={`btn btn--small ${v.number === number ? 'btn--primary' : 'btn--ghost'}`} onClick={() => setNumber(v.number)}>
            {v.number}
          </button>
        ))}
      </div>
      <p className="muted small">
        {t(`factory.versionKind.${version.kind}` as MessageKey)} · {formatDate(version.at, true)}
        {version.notes ? ` · ${version.notes}` : ''}
      </p>
      <ol className="stack-sm">
        {version.scenes.map((scene, i) => {
          const before = previous?.scenes[i]?.text;
          const changed = previous !== undefined && before !== scene.text;
          return (
            <li key={scene.id} data-changed={changed} className="draft__scene">
              {changed && <del className="muted small">{before}</del>}
              <p>{scene.text}</p>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
