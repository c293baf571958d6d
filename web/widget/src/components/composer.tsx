import { type FormEvent, forwardRef, type KeyboardEvent, useState } from 'react';
import { useStrings } from '../i18n/index.js';
import { SendIcon } from './icons.js';
import { useWidget } from './widget-context.js';

export const Composer = forwardRef<HTMLTextAreaElement>(function Composer(_props, ref) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  const [text, setText] = useState('');
  const disabled = conversation.phase !== 'ready' || conversation.status === 'closed';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || conversation.busy || text.trim() === '') return;
    void conversation.send(text);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter breaks the line; an IME still composing (Chinese input) keeps Enter.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  return (
    <form className="aisle-composer" onSubmit={submit}>
      <label className="aisle-visually-hidden" htmlFor="aisle-input">
        {t.composerLabel}
      </label>
      <textarea
        id="aisle-input"
        ref={ref}
        rows={1}
        value={text}
        placeholder={conversation.phase === 'connecting' ? t.connecting : t.composerPlaceholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        maxLength={2000}
        enterKeyHint="send"
      />
      <button
        type="submit"
        className="aisle-send"
        aria-label={t.send}
        disabled={disabled || conversation.busy || text.trim() === ''}
      >
        <SendIcon />
      </button>
    </form>
  );
});
