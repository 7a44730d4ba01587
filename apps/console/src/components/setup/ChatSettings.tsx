import { secondLanguage } from '@hotline/chat-protocol';
import { useI18n } from '../../i18n';
import type { HotlineForm } from '../../setup';
import { InputField, type Sending, TextAreaField } from './SetupParts';

/** Each language by its own name, as a language menu shows it whatever the console's. */
export const LANGUAGE_NAMES: Record<HotlineForm['locale'], string> = {
  'zh-CN': '中文',
  en: 'English',
};

/**
 * The live chat: replies a volunteer may start from, a list for each language a chat may be
 * written in (the hotline's first), and how long a silent writer is waited for.
 */
export function ChatSettings({
  form,
  sending,
  onChat,
}: {
  form: HotlineForm;
  sending: Sending;
  onChat: (chat: HotlineForm['chat']) => void;
}) {
  const { t } = useI18n();
  const timer = (key: 'idleCheckSeconds' | 'idleEndSeconds') => (
    <InputField
      label={t(`setup.hotline.chat.${key}`)}
      path={`chat.${key}`}
      type="number"
      inputMode="numeric"
      sending={sending}
      value={form.chat[key]}
      onValue={(value) => onChat({ ...form.chat, [key]: value })}
    />
  );
  return (
    <fieldset className="card setup__group">
      <legend>{t('setup.hotline.chatGroup')}</legend>
      {([form.locale, secondLanguage(form.locale)] as const).map((language, index) => (
        <TextAreaField
          key={language}
          label={t('setup.hotline.chat.cannedReplies', { language: LANGUAGE_NAMES[language] })}
          path={index === 0 ? 'chat.cannedReplies' : 'chat.secondLanguageCannedReplies'}
          sending={sending}
          hint={t('setup.hotline.chat.cannedRepliesHint')}
          rows={4}
          lang={language}
          value={form.chat.cannedReplies[language]}
          onValue={(text) =>
            onChat({
              ...form.chat,
              cannedReplies: { ...form.chat.cannedReplies, [language]: text },
            })
          }
        />
      ))}
      <div className="setup__fields">
        {timer('idleCheckSeconds')}
        {timer('idleEndSeconds')}
      </div>
    </fieldset>
  );
}
