import { describe, expect, it } from 'vitest';
import { columnName, crc32, toXlsx } from '../src/api/xlsx';

// Reads back a stored zip: every entry's name and bytes, checking each CRC-32 on the way.
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, string>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const crc = view.getUint32(at + 14, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const raw = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    expect(method).toBe(0);
    const data = raw;
    expect(crc32(data)).toBe(crc);
    files.set(name, new TextDecoder().decode(data));
    at += 30 + nameLength + extra + size;
  }
  expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
  expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(files.size);
  return files;
}

describe('xlsx writer', () => {
  it('computes the standard CRC-32 and column names', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('packs the five parts of a workbook with text, numbers and escaped characters', () => {
    const files = unzip(toXlsx('工单', ['工单号', '描述'], [[12, '水管 <漏水> & "急"'], [13, null]]));
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="工单" sheetId="1" r:id="rId1"/>');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">工单号</t></is></c>');
    expect(sheet).toContain('<c r="A2"><v>12</v></c>');
    expect(sheet).toContain('水管 &lt;漏水&gt; &amp; &quot;急&quot;');
    expect(sheet).toContain('<row r="3"><c r="A3"><v>13</v></c></row>');
  });
});
