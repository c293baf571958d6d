import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { service: 'aisle' } });
}

export const silentLogger: Logger = pino({ level: 'silent' });
