import type { HouseholdImportOutcome, HouseholdImportResult } from '../generated/operations';

// 住户 · 批量导入: the file's checks before upload, and the dry-run report's wording.
export type ImportReport = NonNullable<HouseholdImportResult['householdImport']>;
export type ImportRow = ImportReport['rows']['edges'][number]['node'];

export const OUTCOME_NAMES: Record<HouseholdImportOutcome, string> = { NEW: '新增', ALREADY_THERE: '已存在', INVALID: '有误' };
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Only .xlsx and .csv files, not empty and within the server's limit; null when the file may be sent. */
export function importFileError(file: { name: string; size: number } | null | undefined): string | null {
  if (!file) return '请选择要导入的文件';
  if (!/\.(xlsx|csv)$/i.test(file.name)) return '只能导入 .xlsx 或 .csv 文件';
  if (file.size === 0) return '文件是空的';
  if (file.size > MAX_IMPORT_BYTES) return '文件不能超过 5 MB';
  return null;
}

/** What the report says at the top, and whether the commit button may be pressed. */
export function reportSummary(report: Pick<ImportReport, 'rowCount' | 'newCount' | 'alreadyThereCount' | 'invalidCount' | 'status'>):
  { text: string; canCommit: boolean } {
  const text = `共 ${report.rowCount} 行：新增 ${report.newCount} 户，已存在 ${report.alreadyThereCount} 户，有误 ${report.invalidCount} 行`;
  if (report.status === 'COMMITTED') return { text: text + '（已导入）', canCommit: false };
  if (report.invalidCount > 0) return { text: text + '。请改正有误的行后重新上传', canCommit: false };
  return { text, canCommit: report.newCount > 0 };
}

export function rowPlace(row: ImportRow): string {
  return [row.estate, row.building, row.unit, row.room].filter(Boolean).join(' ');
}
