import type { Command } from 'commander';
import {
  type BrainUnderTest,
  formatReport,
  formatTranscript,
  parseScenarioFile,
  reportJson,
  runEvaluation,
} from '../../assistant/evaluation/index.js';
import { createLanguageModel, llmConfigFromEnv } from '../../assistant/index.js';
import { loadConfig, ValidationError } from '../../core/index.js';
import { printJson, readJsonFile } from './command-output.js';

const LANGUAGES = ['en', 'zh-TW'] as const;

interface EvalOptions {
  trials: string;
  lang?: string;
  scenario?: string[];
  llm?: boolean;
  json?: boolean;
  transcripts?: boolean;
  minSuccessRate?: string;
}

function wholeNumber(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new ValidationError(`${name} must be a whole number from 1 to 100, got "${text}"`);
  return value;
}

function rate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new ValidationError(`--min-success-rate must be a number from 0 to 1, got "${text}"`);
  return value;
}

/** The model the AISLE_LLM variables name, a fresh client per trial. */
function configuredModel(): BrainUnderTest {
  const llm = llmConfigFromEnv(loadConfig().assistant.llm);
  if (llm === undefined) throw new ValidationError('--llm needs AISLE_LLM and the model variables (README)');
  return {
    kind: 'model',
    name: `${llm.provider}:${llm.model}`,
    languageModel: () => createLanguageModel(llm),
  };
}

export function registerEvalCommand(program: Command): void {
  const evaluate = program.command('eval').description('evaluate the assistant');
  evaluate
    .command('conversations')
    .description(
      'play scripted shopper conversations (eval/conversations.json) on fresh copies of the demo store and report success rate and pass^k',
    )
    .argument('<file>', 'scenario file (docs/evaluation.md)')
    .option('--trials <k>', 'trials per scenario; pass^k needs every one to pass', '1')
    .option('--lang <locale>', `only scenarios in this language: ${LANGUAGES.join(' or ')}`)
    .option('--scenario <id...>', 'only these scenarios')
    .option(
      '--llm',
      'let the model the AISLE_LLM variables name answer every turn (default: the rules brain)',
    )
    .option('--json', 'print the results as JSON')
    .option('--transcripts', 'print the conversation of every failed trial, with tools and guard changes')
    .option('--min-success-rate <rate>', 'exit with status 1 when fewer trials pass (0 to 1)')
    .action(async (file: string, options: EvalOptions) => {
      const trials = wholeNumber(options.trials, '--trials');
      const minimum = rate(options.minSuccessRate);
      if (options.lang !== undefined && !LANGUAGES.includes(options.lang as (typeof LANGUAGES)[number]))
        throw new ValidationError(`--lang must be ${LANGUAGES.join(' or ')}, got "${options.lang}"`);
      let scenarios = parseScenarioFile(readJsonFile(file), file);
      if (options.lang !== undefined) scenarios = scenarios.filter((s) => s.language === options.lang);
      if (options.scenario !== undefined) {
        const wanted = new Set(options.scenario);
        const unknown = [...wanted].filter((id) => !scenarios.some((s) => s.id === id));
        if (unknown.length > 0) throw new ValidationError(`no scenario ${unknown.join(', ')} in ${file}`);
        scenarios = scenarios.filter((s) => wanted.has(s.id));
      }
      if (scenarios.length === 0) throw new ValidationError(`no scenarios to run in ${file}`);

      const { results, summary } = await runEvaluation(scenarios, {
        trials,
        ...(options.llm === true && { brain: configuredModel() }),
        onTrial: (_scenario, trial) => {
          if (options.json !== true && process.stderr.isTTY)
            process.stderr.write(`${trial.failures.length === 0 ? '.' : 'F'}`);
        },
      });
      if (options.json !== true && process.stderr.isTTY) process.stderr.write('\n');
      if (options.json === true) printJson(reportJson(results, summary));
      else {
        if (options.transcripts === true) {
          for (const result of results)
            for (const trial of result.trials)
              if (trial.failures.length > 0) console.log(`${formatTranscript(result, trial)}\n`);
        }
        console.log(formatReport(results, summary));
      }
      if (minimum !== undefined && summary.successRate < minimum) {
        console.error(`success rate ${summary.successRate.toFixed(3)} is below ${minimum}`);
        process.exitCode = 1;
      }
    });
}
