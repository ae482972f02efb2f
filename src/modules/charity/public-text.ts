// A wish's public text may not carry what identifies someone: an ID number or a phone number
// (names, schools and faces are the poster's duty; the form says so). Plain function, no I/O.

const ID_NUMBER = /(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)/;
// Mobile numbers, also written with spaces or dashes (138 1234 5678), and landlines with area code.
const MOBILE = /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;
const LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/;

export type PublicTextProblem = 'id_number' | 'phone';

export function publicTextProblem(text: string): PublicTextProblem | undefined {
  const digits = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (ID_NUMBER.test(digits)) return 'id_number';
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return 'phone';
  return undefined;
}
