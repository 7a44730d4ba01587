import { useEffect, useRef, useState } from 'react';
import { loadDraft, saveDraft } from './api';
import { type ContactDraft, draftFromSaved, draftToSave, emptyDraft } from './contact-form';

/** Typing pauses this long before the draft goes to the server. */
export const DRAFT_SAVE_MS = 600;
/** A save that failed (a dropped connection) is tried again after this long. */
export const DRAFT_RETRY_MS = 3000;

export type DraftSaving = 'loading' | 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The call's contact form, kept on the server as the volunteer types: read back when the form
 * opens (after a reload, in wrap-up), saved a moment after each change, and saved again after
 * a failure, so a reload or a dropped connection loses nothing.
 */
export function useDraft(
  accessToken: string,
  callId: string | null,
  callerType: string | null,
  isTopic: (key: string) => boolean,
): {
  draft: ContactDraft;
  setDraft: (update: (current: ContactDraft) => ContactDraft) => void;
  saving: DraftSaving;
} {
  const [draft, setDraftState] = useState<ContactDraft>(() => emptyDraft(callerType));
  const [saving, setSaving] = useState<DraftSaving>(callId ? 'loading' : 'idle');
  const changed = useRef(false);
  const isTopicRef = useRef(isTopic);
  isTopicRef.current = isTopic;

  useEffect(() => {
    if (!callId) return;
    const controller = new AbortController();
    loadDraft(accessToken, callId, controller.signal).then(
      (answer) => {
        // What the volunteer typed meanwhile wins over what was saved before.
        if (answer.ok && answer.value.savedAt && !changed.current)
          setDraftState(draftFromSaved(answer.value, callerType));
        setSaving((current) => (current === 'loading' ? 'idle' : current));
      },
      () => undefined,
    );
    return () => controller.abort();
    // Read once per call (not again for a new caller type): the form then holds the truth.
  }, [accessToken, callId]);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!callId || !changed.current) return;
    const timer = window.setTimeout(() => {
      setSaving('saving');
      void saveDraft(accessToken, callId, draftToSave(draft, isTopicRef.current)).then((answer) => {
        setSaving(answer.ok ? 'saved' : 'failed');
        if (!answer.ok && answer.status !== 409)
          window.setTimeout(() => setAttempt((n) => n + 1), DRAFT_RETRY_MS);
      });
    }, DRAFT_SAVE_MS);
    return () => window.clearTimeout(timer);
  }, [accessToken, callId, draft, attempt]);

  return {
    draft,
    setDraft: (update) => {
      changed.current = true;
      setDraftState(update);
    },
    saving,
  };
}
