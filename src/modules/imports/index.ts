export { importRoutes } from './imports.routes.ts';
export { createImportsService, type ImportsService } from './imports.service.ts';
export { DEFAULT_UPLOAD_LIMITS, UploadLimitError, checkCsvUpload, checkXlsxContainer, type UploadLimits } from './upload-limits.ts';
