import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';
import type { AuditService } from './audit.service.ts';
import { appendAnchor } from './anchor-file.ts';

/** Writes the chains' signed heads to the anchor file and the log; enqueued every few minutes (scheduleHousekeeping). */
export const anchorJob = (audit: AuditService, file: string) =>
  defineJob({
    name: 'audit.anchor',
    schema: z.object({}),
    maxAttempts: 3,
    async handler(_payload, ctx) {
      const anchor = await audit.anchor();
      appendAnchor(file, anchor);
      // The same line in the log, for operators who ship logs rather than files.
      ctx.log.info({ auditAnchor: anchor }, 'audit anchor');
      return { chains: anchor.heads.length };
    },
  });
