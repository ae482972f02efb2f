export { createAttachmentsService, type AttachmentsService, type Attachment, type Owner, type OwnerSet, type PlacedOwner, type NewFile } from './attachments.service.ts';
export { MAX_ATTACHMENT_BYTES, ACCEPTED_TYPES, type Accept } from './attachments.rules.ts';
export { hasAttachment } from './attachments.store.ts';
export { attachments } from './attachments.table.ts';
