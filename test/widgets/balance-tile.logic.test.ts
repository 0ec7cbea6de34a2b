import { expect } from '@open-wc/testing';
import { balanceState, payPlan, toMinor, isUsableBalance, type Balance, type PortalConfig } from '../../src/widgets/balance-tile/balance-tile.logic.js';
import { balanceAt } from '../helpers/fake-api.js';

const money = (amount: string) => ({ amount, currency: 'PLN' });
const balance = (total: string, overdue: string, overdueCount = overdue === '0.00' ? 0 : 1, unallocated = '0.00'): Balance =>
  ({ ...balanceAt(), balance: money(total), overdue: money(overdue), overdueCount, unallocatedPayments: money(unallocated) });

describe('balance tile rules (balance-tile.logic)', () => {
  describe('the state of a balance', () => {
    // DOMAIN.md "Balance colours" (seeds 002, 004) and getBalance in the contract: red when something is to
    // pay or overdue, blue for an overpayment not smaller than the open documents, green for nothing to pay.
    // [balance, overdue amount, overdue documents, unallocated payments, expected state, why]
    const table: [string, string, number, string, ReturnType<typeof balanceState>, string][] = [
      ['245.67', '245.67', 1, '0.00', 'overdue', 'debt with a document past due'],
      ['500.00', '120.00', 1, '0.00', 'overdue', 'part of the debt is past due'],
      ['0.00', '50.00', 1, '50.00', 'overdue', 'settled to zero by an unallocated payment, but a document is still past due'],
      ['-0.01', '30.00', 1, '30.01', 'overdue', 'in credit, yet a document is still listed past due (red wins, seed 002)'],
      ['300.00', '0.00', 0, '0.00', 'due', 'only payments not yet due: red, never the green of nothing to pay'],
      ['0.01', '0.00', 0, '0.00', 'due', 'one grosz due, not yet overdue'],
      ['14682.28', '0.00', 0, '0.00', 'due', 'a business customer with a large amount due in nine days'],
      ['-120.00', '0.00', 0, '120.00', 'overpaid', 'in credit'],
      ['0.00', '0.00', 0, '310.00', 'overpaid', 'an overpayment exactly as large as the open documents'],
      ['0.00', '0.00', 0, '0.00', 'settled', 'nothing open, nothing overpaid'],
    ];
    for (const [total, overdue, count, unallocated, expected, why] of table) {
      it(`is ${expected} when ${why} (balance ${total}, overdue ${overdue}, unallocated ${unallocated})`, () => {
        expect(balanceState(balance(total, overdue, count, unallocated))).to.equal(expected);
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
