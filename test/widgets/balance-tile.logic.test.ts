import { expect } from '@open-wc/testing';
import { balanceState, payPlan, toMinor, isUsableBalance, type Balance, type PortalConfig } from '../../src/widgets/balance-tile/balance-tile.logic.js';
import { balanceAt } from '../helpers/fake-api.js';

const money = (amount: string) => ({ amount, currency: 'PLN' });
const balance = (total: string, overdue: string, overdueCount = overdue === '0.00' ? 0 : 1): Balance =>
  ({ ...balanceAt(), balance: money(total), overdue: money(overdue), overdueCount });

describe('balance tile rules (balance-tile.logic)', () => {
  describe('the state of a balance', () => {
    // [balance, overdue amount, overdue documents, expected state, why]
    const table: [string, string, number, ReturnType<typeof balanceState>, string][] = [
      ['245.67', '245.67', 1, 'overdue', 'debt with a document past due'],
      ['500.00', '120.00', 1, 'overdue', 'part of the debt is past due'],
      ['0.00', '50.00', 1, 'overdue', 'settled to zero but a document is past due and nothing is in credit'],
      ['-120.00', '0.00', 0, 'overpaid', 'in credit'],
      ['-0.01', '30.00', 1, 'overpaid', 'in credit although an old document is listed overdue'],
      ['0.00', '0.00', 0, 'ok', 'settled'],
      ['300.00', '0.00', 0, 'ok', 'only payments not yet due'],
      ['0.01', '0.00', 0, 'ok', 'one grosz due, not yet overdue'],
    ];
    for (const [total, overdue, count, expected, why] of table) {
      it(`is ${expected} when ${why} (balance ${total}, overdue ${overdue})`, () => {
        expect(balanceState(balance(total, overdue, count))).to.equal(expected);
      });
    }
  });

  describe('what "Pay" offers', () => {
    const config = (payments: boolean, cap: string | null) =>
      ({ features: { payments }, payments: { perTransactionCap: cap ? money(cap) : null } }) as unknown as PortalConfig;

    it('offers the whole balance when it is under the cap', () => {
      expect(payPlan(balance('245.67', '245.67'), config(true, '4300.00'))).to.deep.include({ amount: '245.67', capped: false });
    });

    it('offers the cap, and says how much is left, when the balance is over it', () => {
      expect(payPlan(balance('5000.10', '0.00'), config(true, '4300.00'))).to.deep.equal({
        amount: '4300.00',
        due: '5000.10',
        capped: true,
        cap: '4300.00',
      });
    });

    it('offers nothing when nothing is due or the balance is in credit', () => {
      expect(payPlan(balance('0.00', '0.00'), config(true, null))).to.equal(undefined);
      expect(payPlan(balance('-10.00', '0.00'), config(true, null))).to.equal(undefined);
    });

    it('offers nothing when the portal has payments switched off', () => {
      expect(payPlan(balance('245.67', '245.67'), config(false, null))).to.equal(undefined);
    });
  });

  it('reads amounts as exact grosze', () => {
    expect(toMinor('1234.56')).to.equal(123456);
    expect(toMinor('-0.10')).to.equal(-10);
    expect(toMinor('12.5')).to.equal(undefined);
    expect(toMinor('abc')).to.equal(undefined);
  });

  it('refuses a balance answer that lacks what the tile shows', () => {
    expect(isUsableBalance(balanceAt())).to.equal(true);
    expect(isUsableBalance({ ...balanceAt(), balance: { amount: 12 } })).to.equal(false);
    expect(isUsableBalance(null)).to.equal(false);
    expect(isUsableBalance('balance')).to.equal(false);
  });
});
