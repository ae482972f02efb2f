// `lastmile audit verify` and `lastmile audit anchor`. Both need the key ring (the audit keys),
// and never create one: a missing key file is an error here.
import type { Command } from 'commander';
import { createAuditService, appendAnchor, readAnchorLines, type VerifyResult } from '../../modules/audit/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { loadKeyRing } from '../../platform/crypto/keys.ts';
import type { Database } from '../../platform/db/client.ts';
import { withDatabase } from './db.ts';

/** Breaks printed one per line; the rest are counted. */
const LISTED = 50;

function auditService(database: Database) {
  const config = loadConfig();
  const ring = loadKeyRing({ ...config.keys, generateIfMissing: false });
  return { audit: createAuditService({ db: database.db, keys: ring.audit }), config };
}

function describe(b: VerifyResult['breaks'][number]): string {
  const where = b.chain === null ? 'anchor file' : `chain ${b.chain} seq ${b.seq}${b.id === null ? '' : ` (entry ${b.id})`}`;
  return `${where}: ${b.problem}${b.detail ? ` — ${b.detail}` : ''}`;
}

export function printVerifyResult(result: VerifyResult, anchorsFile: string | undefined): void {
  const anchors = anchorsFile ? `; ${result.anchorsChecked} anchor(s) checked from ${anchorsFile}` : '; no anchor file';
  if (result.ok) {
    console.log(`audit chain intact: ${result.checked} entries in ${result.chains} chains${anchors} / 审计链完整：${result.checked} 条`);
    return;
  }
  console.log(`audit chain BROKEN: ${result.breakCount} problem(s) in ${result.checked} entries${anchors} / 审计链断裂：${result.breakCount} 处`);
  console.log(`first broken: ${describe(result.first!)}`);
  for (const b of result.breaks.slice(0, LISTED)) console.log(`  ${describe(b)}`);
  if (result.breakCount > LISTED) console.log(`  … and ${result.breakCount - LISTED} more / 另有 ${result.breakCount - LISTED} 处`);
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log / 审计日志');
  audit
    .command('verify')
    .description('check every audit entry, chain head and anchor; exit 4 listing every break / 校验审计日志哈希链')
    .option('--anchors <file>', 'anchor file to check against (default: LASTMILE_AUDIT_ANCHOR_FILE, if it exists)')
    .action(async (opts: { anchors?: string }) => {
      let anchorsFile: string | undefined;
      const result = await withDatabase((database) => {
        const { audit: service, config } = auditService(database);
        anchorsFile = opts.anchors ?? config.audit.anchorFile;
        const lines = readAnchorLines(anchorsFile);
        if (lines.length === 0 && opts.anchors === undefined) anchorsFile = undefined;
        else if (lines.length === 0) throw new Error(`anchor file ${anchorsFile} not found / 找不到锚点文件`);
        let shown = 0;
        return service.verify({
          anchors: lines,
          // Progress on stderr, so stdout stays the result.
          onProgress: (n) => {
            if (n - shown >= 100_000) process.stderr.write(`\r  checked ${(shown = n)}`);
          },
        });
      });
      if (result.checked >= 100_000) process.stderr.write('\n');
      printVerifyResult(result, anchorsFile);
      if (!result.ok) process.exitCode = 4;
    });
  audit
    .command('anchor')
    .description('append the chains\' signed heads to the anchor file now / 立即写入审计链锚点')
    .action(async () => {
      await withDatabase(async (database) => {
        const { audit: service, config } = auditService(database);
        const anchor = await service.anchor();
        appendAnchor(config.audit.anchorFile, anchor);
        console.log(`anchor of ${anchor.heads.length} chain(s) at ${anchor.at} (key ${anchor.keyId}) appended to ${config.audit.anchorFile}`);
        console.log(JSON.stringify(anchor));
      });
    });
}
