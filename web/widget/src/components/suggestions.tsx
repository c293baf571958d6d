import type { Suggestion } from '../api/types.js';
import { useStrings } from '../i18n/index.js';
import { useWidget } from './widget-context.js';

/** Quick replies: tapping one sends its text as the shopper's message. */
export function Suggestions({ suggestions }: { suggestions: readonly Suggestion[] }) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  return (
    <ul className="aisle-chips" aria-label={t.suggestionsLabel}>
      {suggestions.map((suggestion) => (
        <li key={`${suggestion.label}|${suggestion.text}`}>
          <button
            type="button"
            className="aisle-chip"
            disabled={conversation.busy}
            onClick={() => void conversation.send(suggestion.text)}
          >
            {suggestion.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
