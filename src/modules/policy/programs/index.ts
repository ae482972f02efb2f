// Every program the engine knows, in the order one application is sorted (特困 → 低保 → 边缘 →
// 刚性支出, then the rest). Each program is a module of its own in this folder.
import type { Program } from '../engine/program.ts';
import type { ProgramId } from '../engine/decision.ts';
import { tekun } from './tekun.ts';
import { dibao } from './dibao.ts';
import { fcu } from './fcu.ts';
import { dibaoEdge } from './dibao-edge.ts';
import { rigidExpense } from './rigid-expense.ts';
import { temporary } from './temporary.ts';
import { unemploymentInsurance, unemploymentSubsidy } from './unemployment.ts';
import { medicalAid } from './medical-aid.ts';

export const PROGRAM_LIST: readonly Program[] = [
  tekun,
  dibao,
  dibaoEdge,
  rigidExpense,
  fcu,
  temporary,
  unemploymentInsurance,
  unemploymentSubsidy,
  medicalAid,
];

export const PROGRAMS: ReadonlyMap<ProgramId, Program> = new Map(PROGRAM_LIST.map((p) => [p.id, p]));
