/**
 * Fault configuration of the mock agencies: the env form, validation that lists every violation,
 * and the seeded draw that decides which answer gets which fault.
 */
import { FAULT_ORDER, FaultConfigError, FaultPicker, parseFaults, validateFaults } from '../../../mocks/kit/faults';

describe('mock fault configuration', () => {
  it('Env form "latencyMs=20,errorRate=0.1,refused=false,signer=expired". Result: typed options', () => {
    expect(parseFaults('latencyMs=20, errorRate=0.1,refused=false,signer=expired')).toEqual({
      latencyMs: 20, errorRate: 0.1, refused: false, signer: 'expired',
    });
    expect(parseFaults('')).toEqual({});
    expect(parseFaults(undefined)).toEqual({});
  });

  it('Several mistakes at once. Result: one FaultConfigError listing every violation', () => {
    let error: FaultConfigError | undefined;
    try {
      parseFaults('latencyMs=-1,errorRate=2,bogus=1,signer=forged,refused=maybe,noequals');
    } catch (e) {
      error = e as FaultConfigError;
    }
    expect(error).toBeInstanceOf(FaultConfigError);
    expect(error!.violations).toEqual(['"noequals" is not key=value']);
    try {
      parseFaults('latencyMs=-1,errorRate=2,bogus=1,signer=forged,refused=maybe');
    } catch (e) {
      error = e as FaultConfigError;
    }
    expect(error!.violations).toHaveLength(5);
    expect(error!.message).toMatch(/unknown option "bogus"/);
  });

  it('Rates adding up to more than 1. Result: refused (the shares are disjoint)', () => {
    expect(() => validateFaults({ errorRate: 0.6, malformedRate: 0.5 })).toThrow(/add up to 1\.100/);
    expect(validateFaults({ errorRate: 0.5, malformedRate: 0.5 })).toEqual({ errorRate: 0.5, malformedRate: 0.5 });
  });

  it('A validated configuration is frozen', () => {
    expect(Object.isFrozen(validateFaults({ errorRate: 0.1 }))).toBe(true);
  });

  it('No rates. Result: no answer is ever faulted', () => {
    const picker = new FaultPicker(validateFaults({ latencyMs: 5 }));
    expect(Array.from({ length: 100 }, () => picker.next()).filter(Boolean)).toEqual([]);
  });

  it.each(FAULT_ORDER.map((f) => [f]))('Rate 1 for %s. Result: every answer gets it', (fault) => {
    const picker = new FaultPicker(validateFaults({ [`${fault}Rate`]: 1 }));
    expect(new Set(Array.from({ length: 50 }, () => picker.next()))).toEqual(new Set([fault]));
  });

  it('errorRate 0.1 with a seed. Result: about one in ten, and the same sequence every time', () => {
    const draw = () => {
      const picker = new FaultPicker(validateFaults({ errorRate: 0.1, seed: 42 }));
      return Array.from({ length: 2000 }, () => picker.next());
    };
    const first = draw();
    expect(draw()).toEqual(first);
    const errors = first.filter((f) => f === 'error').length;
    expect(errors).toBeGreaterThan(140);
    expect(errors).toBeLessThan(260);
  });
});
