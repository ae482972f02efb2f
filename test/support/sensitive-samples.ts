// Plaintext personal data that tests send through the system. The log scan (test/run.ts)
// fails the run if any of these appears in any log line of the whole test run.
import { DEMO_USERS } from '../../src/seed/demo.ts';

export const SAMPLE_ID_NUMBERS = ['11010519491231002X', '140107199001011230', '110105491231002'];
export const SAMPLE_PHONES = ['13912345678', '13700001111', ...DEMO_USERS.map((u) => u.phone)];
// Chinese names and addresses never belong in a log line (messages are English; error messages
// have their non-ASCII text masked), so scanning for them cannot hit by chance.
export const SAMPLE_NAMES = ['王秀英', '韩同名', '陈小花', '褚小明', '欧阳晓明'];
export const SAMPLE_ADDRESSES = ['巨轮街道和平社区 9 号楼', '和平街 12 号', '幸福路 1 号院 3 单元 502'];
/** 连心卡 numbers. */
export const SAMPLE_CARD_NUMBERS = ['LX-20240001'];
/**
 * Pinyin and birth dates of the samples: ASCII that could occur by chance in a long run's logs,
 * so only the focused log tests (test/error-logs.test.ts) look for them.
 */
export const SAMPLE_PINYIN = ['wangxiuying', 'ouyangxiaoming'];
export const SAMPLE_BIRTH_DATES = ['1949-12-31', '1990-01-01'];
