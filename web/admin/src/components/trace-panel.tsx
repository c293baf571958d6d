/**
 * Under each assistant reply: which brain wrote it and why, the tools it called with their
 * inputs and the facts they returned, and what the grounding guard changed. Closed by default;
 * opened when the guard intervened, because that is what staff should look at.
 */
import { useMemo, useState } from 'react';
import type { Intervention, ToolCall, TurnTrace } from '../api/types.js';
import { formatNumber } from '../format.js';
import { useLanguage } from '../i18n/index.js';
import { FactSummary, type VariantNames, variantNamesOf } from './fact-summary.js';

function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function TracePanel({ trace }: { trace: TurnTrace }) {
  const { t, language } = useLanguage();
  const intervened = trace.interventions.length > 0;
  const variants = useMemo(() => variantNamesOf(trace.tools.flatMap((tool) => tool.facts)), [trace]);
  return (
    <details className="trace" open={intervened}>
      <summary>
        <span>{t('trace.summary')}</span>
        <span className={`chip chip-${trace.brain}`}>{t(`trace.brain.${trace.brain}`)}</span>
        {trace.tools.length > 0 && (
          <span className="chip">{trace.tools.map((tool) => tool.name).join(', ')}</span>
        )}
        {intervened && (
          <span className="chip chip-warn">
            {t('trace.interventions')} · {trace.interventions.length}
          </span>
        )}
      </summary>
      <dl className="trace-facts">
        <dt>{t('trace.brain')}</dt>
        <dd>{t(`trace.brain.${trace.brain}`)}</dd>
        <dt>{t('trace.route')}</dt>
        <dd>{trace.route}</dd>
        {trace.intent && (
          <>
            <dt>{t('trace.intent')}</dt>
            <dd>
              {trace.intent}
              {trace.confidence !== null && ` (${trace.confidence.toFixed(2)})`}
            </dd>
          </>
        )}
        <dt>{t('trace.latency')}</dt>
        <dd>{formatNumber(trace.latencyMs, language)} ms</dd>
        {trace.usage && (
          <>
            <dt>{t('trace.tokens')}</dt>
            <dd>
              {t('trace.tokensValue', {
                input: formatNumber(trace.usage.inputTokens, language),
                output: formatNumber(trace.usage.outputTokens, language),
              })}
            </dd>
          </>
        )}
      </dl>

      <h4>{t('trace.tools')}</h4>
      {trace.tools.length === 0 ? (
        <p className="muted small">{t('trace.noTools')}</p>
      ) : (
        <ol className="tools">
          {trace.tools.map((tool, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tool calls have no ids (a tool may run twice), and a recorded trace never changes or reorders.
            <ToolCallView key={index} tool={tool} variants={variants} />
          ))}
        </ol>
      )}

      <h4>{t('trace.interventions')}</h4>
      {intervened ? (
        <ul className="interventions">
          {trace.interventions.map((intervention, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: interventions have no ids, and a recorded trace never changes or reorders.
            <InterventionView key={index} intervention={intervention} />
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('trace.noInterventions')}</p>
      )}
    </details>
  );
}

// A search can return dozens of facts; the first few show what kind they are.
const FACTS_SHOWN = 5;

function ToolCallView({ tool, variants }: { tool: ToolCall; variants: VariantNames }) {
  const { t } = useLanguage();
  const [allFacts, setAllFacts] = useState(false);
  const facts = allFacts ? tool.facts : tool.facts.slice(0, FACTS_SHOWN);
  return (
    <li className={`tool${tool.ok ? '' : ' tool-failed'}`}>
      <div className="tool-head">
        <code>{tool.name}</code>
        {!tool.ok && <span className="chip chip-warn">{t('trace.failed', { error: tool.error ?? '' })}</span>}
      </div>
      <div className="tool-input">
        <span className="muted small">{t('trace.input')}</span>
        <code>{JSON.stringify(tool.input)}</code>
      </div>
      {tool.facts.length === 0 ? (
        <p className="muted small">{t('trace.noFacts')}</p>
      ) : (
        <div className="tool-facts">
          <span className="muted small">{t('trace.facts', { count: tool.facts.length })}</span>
          <ul className="facts">
            {facts.map((fact, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: facts have no ids, and the shown ones are a prefix of a recorded list that never changes.
              <FactSummary key={index} fact={fact} variants={variants} />
            ))}
          </ul>
          {tool.facts.length > FACTS_SHOWN && (
            <button
              type="button"
              className="button button-small button-quiet"
              aria-expanded={allFacts}
              onClick={() => setAllFacts(!allFacts)}
            >
              {allFacts ? t('trace.fewerFacts') : t('trace.allFacts', { count: tool.facts.length })}
            </button>
          )}
          <details>
            <summary>{t('trace.raw')}</summary>
            <Json value={tool.facts} />
          </details>
        </div>
      )}
    </li>
  );
}

function InterventionView({ intervention }: { intervention: Intervention }) {
  const { t } = useLanguage();
  const action =
    intervention.action === 'replace'
      ? t('trace.action.replace', { replacement: intervention.replacement ?? '' })
      : t(`trace.action.${intervention.action}`);
  return (
    <li className="intervention">
      <dl>
        <dt>{t('trace.claim')}</dt>
        <dd>
          <q>{intervention.claim.text}</q> <span className="chip">{intervention.claim.type}</span>{' '}
          <span className="chip chip-warn">{intervention.status}</span>
        </dd>
        <dt>{t('trace.reasonLabel')}</dt>
        <dd>{intervention.reason}</dd>
        <dt>{t('trace.action')}</dt>
        <dd>{action}</dd>
      </dl>
    </li>
  );
}
