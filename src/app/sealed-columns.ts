// Every column that holds sealed values (field envelopes `v1.<key>.…`), for `lastmile keys rotate`
// and `keys status`. A module that adds one adds it here; test/key-rotation.test.ts fills every
// module through its services, rotates, and scans the whole database for a value under the old
// key, so a column missing from this list fails that test.
import { getTableName, type Column, type Table } from 'drizzle-orm';
import type { SealedColumn, SealedForm } from '../platform/crypto/rotation.ts';
import { users } from '../modules/auth/auth.table.ts';
import { persons, registryHistory } from '../modules/persons/persons.table.ts';
import { personSupporters } from '../modules/persons/facts.table.ts';
import { households } from '../modules/households/households.table.ts';
import { helpRequests, helpRequestFollowers } from '../modules/requests/requests.table.ts';
import { imports } from '../modules/imports/imports.table.ts';
import { attachments } from '../modules/attachments/attachments.table.ts';
import { organisations } from '../modules/organisations/organisations.table.ts';
import { wishes } from '../modules/charity/charity.table.ts';

const sealed = (table: Table & { id: Column }, column: Column, form: SealedForm): SealedColumn => ({ table: getTableName(table), column: column.name, key: table.id.name, form });

export const ENCRYPTED_COLUMNS: readonly SealedColumn[] = [
  sealed(users, users.phoneEnc, 'text'),
  sealed(persons, persons.idNumberEnc, 'text'),
  sealed(persons, persons.phoneEnc, 'text'),
  // An external supporter's ID number (法定义务人 outside the registry).
  sealed(personSupporters, personSupporters.idNumberEnc, 'text'),
  sealed(households, households.bankAccountEnc, 'text'),
  sealed(helpRequests, helpRequests.contactPhoneEnc, 'text'),
  sealed(helpRequestFollowers, helpRequestFollowers.phoneEnc, 'text'),
  // Snapshots of persons and households as stored: their ciphertexts inside the JSON.
  sealed(registryHistory, registryHistory.data, 'json'),
  // Uploaded ledgers and their reports (sealFile), kept for LASTMILE_IMPORT_FILE_DAYS.
  sealed(imports, imports.content, 'file'),
  sealed(imports, imports.report, 'file'),
  // Files and photos of every module.
  sealed(attachments, attachments.content, 'text'),
  // An organisation's contact phone.
  sealed(organisations, organisations.contactPhoneEnc, 'text'),
  // The contact of whoever claimed a 微心愿.
  sealed(wishes, wishes.claimantPhoneEnc, 'text'),
];
