import { Errors } from 'moleculer';
import { CategoryOutcome, HubError, HubErrorCode } from '../../contracts/hub';

/**
 * docs/architecture.md, "Reliability": every category ends in exactly one outcome. Transient failures (breaker open,
 * timeout, provider down, no node on the bus) are `unavailable`: the judge may ask again later.
 * Everything else that is not data is `error` with its code — never an empty result (docs/conventions.md
 * §4: an upstream failure is never turned into "nothing found").
 */
export function outcomeFromError(section: string, provider: string, err: unknown, durationMs: number): CategoryOutcome {
  const hub = toHubError(err);
  return {
    section,
    provider,
    status: hub.category === 'transient' ? 'unavailable' : 'error',
    error: { code: hub.code, message: hub.message },
    durationMs,
  };
}

export function toHubError(err: unknown): HubError {
  if (err instanceof HubError) return err;
  if (err instanceof Errors.RequestTimeoutError) return new HubError('HUB_ERR_DEADLINE_EXCEEDED');
  // No adapters node on the bus, or the one that had the call died (or restarted) under it.
  if (err instanceof Errors.ServiceNotFoundError || err instanceof Errors.ServiceNotAvailableError
    || err instanceof Errors.RequestRejectedError || err instanceof Errors.RequestSkippedError || err instanceof Errors.QueueIsFullError) {
    return new HubError('HUB_ERR_BUS_UNAVAILABLE');
  }
  return new HubError('HUB_ERR_SYSTEM_INTERNAL', { cause: err });
}

export function refusedOutcome(section: string, code: HubErrorCode, provider?: string): CategoryOutcome {
  const e = new HubError(code);
  return { section, provider, status: e.category === 'authorization' ? 'refused' : 'error', error: { code, message: e.message }, durationMs: 0 };
}
