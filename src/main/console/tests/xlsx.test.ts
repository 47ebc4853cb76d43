// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sheetData, toXlsx } from '../src/api/xlsx';

describe('xlsx export', () => {
  it('keeps numbers as numbers, empty cells empty and everything else as text', () => {
    expect(sheetData(['工单号', '描述'], [[12, '水管漏水'], [13, null], [Number.NaN, '']])).toEqual([
      [{ value: '工单号', type: String }, { value: '描述', type: String }],
      [12, { value: '水管漏水', type: String }],
      [13, null],
      [{ value: 'NaN', type: String }, null],
    ]);
  });

  it('writes a formula-looking value as text, never as a formula', () => {
    expect(sheetData(['备注'], [['=HYPERLINK("http://x","y")']])[1][0])
      .toEqual({ value: '=HYPERLINK("http://x","y")', type: String });
  });

  it('produces a zip package (an Office Open XML workbook)', async () => {
    const blob = await toXlsx('一个非常长的工作表名称超过了三十一个字符的限制所以会被截断', ['工单号'], [[1]]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect(bytes.length).toBeGreaterThan(500);
  });
});
