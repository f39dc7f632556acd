import { deadlineState, publicationDueAt } from '../../../../core/publication/deadlines';

describe('Publication due date (statute 12.6: no later than one month after adoption)', () => {
  it('A decision adopted on 15 March. Result: due on 15 April at the same time', () => {
    expect(publicationDueAt(new Date('2026-03-15T10:00:00Z')).toISOString()).toBe('2026-04-15T10:00:00.000Z');
  });
  it('Adopted on 31 January, or on 31 December. Result: due on the last day of February, on 31 January of the next year', () => {
    expect(publicationDueAt(new Date('2026-01-31T09:00:00Z')).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(publicationDueAt(new Date('2028-01-31T09:00:00Z')).toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(publicationDueAt(new Date('2026-12-31T09:00:00Z')).toISOString()).toBe('2027-01-31T09:00:00.000Z');
  });
  it('States before and after the due date. Result: pending, due soon inside the warning days, overdue after; published on time or late', () => {
    const due = new Date('2026-04-15T10:00:00Z');
    const at = (d: string) => new Date(d);
    expect(deadlineState(due, null, at('2026-04-01T00:00:00Z'), 7)).toBe('pending');
    expect(deadlineState(due, null, at('2026-04-09T10:00:00Z'), 7)).toBe('due-soon');
    expect(deadlineState(due, null, at('2026-04-15T10:00:01Z'), 7)).toBe('overdue');
    expect(deadlineState(due, at('2026-04-15T10:00:00Z'), at('2026-05-01T00:00:00Z'), 7)).toBe('published');
    expect(deadlineState(due, at('2026-04-16T00:00:00Z'), at('2026-05-01T00:00:00Z'), 7)).toBe('published-late');
  });
});
