import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

/** A configuration that cannot run: names every offending setting, never its value. */
export class ConfigError extends Error {
  constructor(readonly settings: { name: string; problems: string[] }[]) {
    super(
      'invalid configuration:\n' +
        settings.map((s) => `  ${s.name}: ${s.problems.join('; ')}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Reads a settings class from the environment. Unset values keep the class's defaults;
 * numbers and booleans are converted; the first bad value stops the service with a message
 * naming the setting.
 */
export function loadConfig<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const instance = plainToInstance(cls, { ...defaults, ...pick(plain, Object.keys(defaults), cls) }, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return instance;
}

function pick(source: Record<string, unknown>, known: string[], cls: ConfigClass<unknown>): Record<string, unknown> {
  // Settings without a default are still declared on the class through their validators.
  const declared = new Set([...known, ...declaredSettings(cls)]);
  return Object.fromEntries(Object.entries(source).filter(([key]) => declared.has(key)));
}

function declaredSettings(cls: ConfigClass<unknown>): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .map((meta) => meta.propertyName);
}

function describe(error: ValidationError): { name: string; problems: string[] } {
  return { name: error.property, problems: Object.values(error.constraints ?? { invalid: 'is invalid' }) };
}

/** For a service's main: a bad configuration stops it at once, naming the settings. */
export function loadConfigOrExit<T extends object>(service: string, cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  try {
    return loadConfig(cls, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`casework ${service}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** What loadConfig would refuse in `env`, by setting name (empty when it loads): for checks and tests of settings. */
export function settingProblemsOf<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv): Record<string, string[]> {
  try {
    loadConfig(cls, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.settings.map((setting) => [setting.name, setting.problems]));
  }
  return {};
}
