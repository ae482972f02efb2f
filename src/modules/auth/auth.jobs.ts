import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';
import type { AuthService } from './auth.service.ts';

/** Removes expired sessions and login back-off counters quiet for a day; enqueued at start-up and hourly (scheduleHousekeeping). */
export const purgeSessionsJob = (auth: AuthService) =>
  defineJob({
    name: 'auth.purge-expired-sessions',
    schema: z.object({}),
    maxAttempts: 3,
    async handler() {
      return { deleted: await auth.purgeExpiredSessions(), throttlesDeleted: await auth.purgeLoginThrottles() };
    },
  });
