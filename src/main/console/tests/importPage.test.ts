import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';

// The import page as a component: the file goes to POST /imports/households, the dry-run report shows, and only a
// clean report can be committed; the server's Chinese message shows when it refuses.
const requests: Array<{ name: string; variables: any }> = [];
const report = (over: object = {}) => ({
  id: '41', community: { id: '7', name: '锦城社区' }, fileName: '住户.csv', format: 'CSV', status: 'CHECKED', rowCount: 2,
  newCount: 2, alreadyThereCount: 0, invalidCount: 0, createdAt: '2026-12-02T00:00:00Z', committedAt: null,
  rows: { edges: [{ cursor: 'c1', node: { rowNumber: 2, estate: '锦江苑', building: '9栋', unit: '1单元', room: '101', headName: '王导入', headPhone: null, outcome: 'NEW', reason: null } }], pageInfo: { hasNextPage: false, endCursor: null } },
  ...over,
});
let uploadAnswer: () => Promise<unknown> = async () => ({ id: '41' });

vi.mock('../src/api/client', () => ({
  api: {
    auth: { state: { account: { staffCommunity: { id: '7', name: '锦城社区' } } } },
    request: async (document: { name: string }, variables: any) => {
      requests.push({ name: document.name, variables });
      if (document.name === 'HouseholdImport') return { householdImport: report() };
      if (document.name === 'CommitHouseholdImport') return { commitHouseholdImport: { ...report({ status: 'COMMITTED' }) } };
      throw new Error('unexpected ' + document.name);
    },
  },
}));
vi.mock('../src/api/files', async (original) => ({
  ...(await original<typeof import('../src/api/files')>()),
  upload: (_auth: unknown, url: string) => { requests.push({ name: 'upload', variables: url }); return uploadAnswer(); },
}));

async function pageWithFile(name = '住户.csv') {
  const { default: HouseholdImportPage } = await import('../src/pages/HouseholdImportPage.vue');
  const wrapper = mount(HouseholdImportPage, { global: { plugins: [ElementPlus] } });
  const input = wrapper.find('[data-test=import-file]');
  Object.defineProperty(input.element, 'files', { value: [new File(['小区,楼栋,单元,房号\n'], name)] });
  await input.trigger('change');
  return wrapper;
}

describe('household import page', () => {
  it('uploads, shows the dry run and commits it', async () => {
    requests.length = 0;
    const wrapper = await pageWithFile();
    await wrapper.find('[data-test=import-check]').trigger('click');
    await flushPromises();
    expect(requests[0]).toEqual({ name: 'upload', variables: '/imports/households?communityId=7' });
    expect(requests[1]).toMatchObject({ name: 'HouseholdImport', variables: { id: '41', first: 100 } });
    expect(wrapper.find('[data-test=import-summary]').text()).toContain('共 2 行：新增 2 户');
    expect(wrapper.text()).toContain('锦江苑 9栋 1单元 101');
    await wrapper.find('[data-test=import-commit]').trigger('click');
    await flushPromises();
    expect(requests.at(-1)).toEqual({ name: 'CommitHouseholdImport', variables: { input: { importId: '41' } } });
    expect(wrapper.find('[data-test=import-summary]').text()).toContain('（已导入）');
    expect(wrapper.find('[data-test=import-commit]').attributes('disabled')).toBeDefined();
  }, 30_000); // mounting Element Plus on jsdom takes seconds on a loaded machine

  it('refuses other files before sending and shows the server message when it refuses', async () => {
    requests.length = 0;
    const wrong = await pageWithFile('住户.xls');
    await wrong.find('[data-test=import-check]').trigger('click');
    await flushPromises();
    expect(requests).toEqual([]);
    expect(wrong.find('[data-test=import-error]').text()).toContain('只能导入 .xlsx 或 .csv 文件');

    const { ApiError } = await import('../src/api/errors');
    uploadAnswer = async () => { throw new ApiError('第一行应为 小区、楼栋、单元、房号，可加 户主姓名、联系电话', 'IMPORT_FILE_INVALID'); };
    const refused = await pageWithFile();
    await refused.find('[data-test=import-check]').trigger('click');
    await flushPromises();
    expect(refused.find('[data-test=import-error]').text()).toContain('第一行应为 小区、楼栋、单元、房号');
  }, 30_000); // mounting Element Plus on jsdom takes seconds on a loaded machine
});
