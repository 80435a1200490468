import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/i18n.tsx';
import { countWords, speakingSeconds, type Language } from '../../../lib/formats.ts';
import type { ScriptScene } from '../script-sync.ts';

interface ScriptEditorProps {
  scenes: ScriptScene[];
  language: Language;
  editable: boolean;
  outdated: string[];
  onEdit: (sceneId: string, text: string) => void;
}

export const roleKey = (role: string | undefined): MessageKey | null =>
  role === 'hook' || role === 'body' || role === 'cta' ? (`voice.role.${role}` as MessageKey) : null;

/** One text box per scene, with its length in words and seconds. */
export function ScriptEditor({ scenes, language, editable, outdated, onEdit }: ScriptEditorProps) {
  const { t } = useI18n();
  return (
    <ol className="voice-scenes" data-testid="voice-script">
      {scenes.map((scene, index) => {
        const words = countWords(scene.text);
        const role = roleKey(scene.role);
        return (
          <li key={scene.id} className="voice-scene" data-scene-id={scene.id}>
            <div className="voice-scene__head">
              <span className="voice-scene__label">{t('voice.script.sceneLabel', { n: index + 1 })}</span>
              {role && <span className="badge badge--muted">{t(role)}</span>}
              {outdated.includes(scene.id) && <span className="badge badge--warning">{t('voice.script.outdated')}</span>}
              <span className="voice-scene__stats muted small">{t('voice.script.stats', { words, seconds: speakingSeconds(words, language) })}</span>
            </div>
            <textarea
              className="input voice-scene__text"
              aria-label={t('voice.script.textLabel', { n: index + 1 })}
              value={scene.text}
              readOnly={!editable}
              rows={Math.min(6, Math.max(2, Math.ceil(scene.text.length / 80)))}
              onChange={(event) => onEdit(scene.id, event.target.value)}
            />
            {!countWords(scene.text) && <p className="field__error">{t('voice.script.empty')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
