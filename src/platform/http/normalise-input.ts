// Every incoming string passes here once, before any validation or handler, on every route (it
// is a root hook, so plugins and their own parsers — Open311's form posts, raw uploads' query
// fields — cannot bypass it): path params, query, parsed body and header values. NUL and lone
// surrogates are a 400 naming the field; everything else is NFC from here on (src/lib/incoming-text.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseIncoming, textProblem, TEXT_PROBLEM_MESSAGES, type IncomingProblem } from '../../lib/incoming-text.ts';
import { fieldProblem, validationFailed } from '../errors.ts';

/** Header values are latin1 from the HTTP parser (NFC leaves them as they are): only checked. */
function headerProblems(request: FastifyRequest): IncomingProblem[] {
  const problems: IncomingProblem[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const problem = typeof v === 'string' ? textProblem(v) : undefined;
      if (problem) problems.push({ path: `header.${name}`, problem });
    }
  }
  return problems;
}

export function normaliseRequestInput(request: FastifyRequest): void {
  const problems = headerProblems(request);
  const params = normaliseIncoming(request.params);
  const query = normaliseIncoming(request.query);
  const body = normaliseIncoming(request.body);
  request.params = params.value;
  request.query = query.value;
  request.body = body.value;
  problems.push(...params.problems, ...query.problems, ...body.problems);
  if (problems.length === 0) return;
  throw validationFailed(
    problems.slice(0, 20).map((p) => {
      const m = TEXT_PROBLEM_MESSAGES[p.problem];
      return fieldProblem(p.path || '(root)', m.en, m.zh);
    }),
  );
}

/** Registered on the root instance before any route, so it runs for all of them. */
export function registerInputNormalisation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => normaliseRequestInput(request));
}
