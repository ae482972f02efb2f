// Plaintext personal data that tests send through the system. The log scan (test/run.ts)
// fails the run if any of these appears in any log line of the whole test run.
import { DEMO_USERS } from '../../src/seed/demo.ts';

export const SAMPLE_ID_NUMBERS = ['11010519491231002X', '140107199001011230', '110105491231002'];
export const SAMPLE_PHONES = ['13912345678', '13700001111', ...DEMO_USERS.map((u) => u.phone)];
