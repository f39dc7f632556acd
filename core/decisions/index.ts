export * from './decision.types';
export * from './decision.policy';
export * from './decision.flow';
export * from './decision-store';
export * from './outbox-events';
export { createDecisionsService } from './decisions.service';
