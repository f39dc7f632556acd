export * from './outbox.types';
export * from './outbox-store';
export { deliverOne, failureReason, type DeliveryDeps, type DeliveryOutcome, type EventSender } from './delivery';
export { retryDelayMs } from './backoff';
