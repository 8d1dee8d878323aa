/**
 * The platform-neutral bot core: the public entry for adapters, features and the app.
 */
export * from './adapter.ts';
export * from './bot.ts';
export * from './calendar.ts';
export * from './cards.ts';
export * from './dates.ts';
export * from './clock.ts';
export * from './cron.ts';
export * from './errors.ts';
export * from './feature.ts';
export * from './i18n.ts';
export * from './keys.ts';
export * from './logger.ts';
export * from './message.ts';
export * from './messenger.ts';
export * from './paths.ts';
export * from './platform.ts';
export * from './ports.ts';
export * from './records.ts';
export * from './rights.ts';
export * from './seal.ts';
export * from './router.ts';
export * from './services.ts';
export * from './tenancy.ts';
export * from './text.ts';
export * from './turn.ts';
export * from './time-zone.ts';
export * from './entra-link.ts';
export * from './data-cache.ts';
export * from './yaml.ts';
