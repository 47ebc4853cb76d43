// utils/paged-list.js: the one helper behind every list page's load-more and pull-down refresh.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { createWxShim, deferred, flush } = require('./wx-shim');
const { createPagedList, appendNew, PAGE_SIZE } = require('../utils/paged-list');

/** A page as the runtime gives it: data plus a setData that merges top-level keys. */
function fakePage(list) {
  return {
    data: list.initialData(),
    setData(patch) {
      Object.assign(this.data, patch);
    }
  };
}

const item = (id) => ({ id, title: 'item ' + id });
const pageOf = (ids, endCursor, hasNextPage) => ({ items: ids.map(item), pageInfo: { hasNextPage, endCursor } });
const ids = (page) => page.data.items.map((i) => i.id);

/** A list whose fetch answers from a script: each call takes the next answer (a value, a deferred or an Error). */
function scripted(answers) {
  const calls = [];
  const list = createPagedList({
    itemsKey: 'items',
    fetch: (page, vars) => {
      calls.push(vars);
      const next = answers.shift();
      if (next instanceof Error) return Promise.reject(next);
      return next && next.promise ? next.promise : next;
    }
  });
  return { list, calls };
}

describe('paged list helper', () => {
  it('starts empty and loading, so pages show neither "暂无" nor "没有更多了" before the first answer', () => {
    const { list } = scripted([]);
    assert.deepEqual(list.initialData(), { items: [], paging: { loading: true, loadingMore: false, end: false } });
    assert.notEqual(list.initialData(), list.initialData(), 'each page gets its own copy');
  });

  it('reload takes the first page; loadMore appends the next one with pageInfo.endCursor as after', async () => {
    const { wx } = createWxShim();
    const { list, calls } = scripted([pageOf(['a', 'b'], 'cur-1', true), pageOf(['c'], 'cur-2', true)]);
    const page = fakePage(list);

    await list.reload(page, wx);
    assert.deepEqual(ids(page), ['a', 'b']);
    assert.deepEqual(page.data.paging, { loading: false, loadingMore: false, end: false });

    const more = list.loadMore(page, wx);
    assert.deepEqual(page.data.paging, { loading: false, loadingMore: true, end: false }, 'shows 加载中… at the bottom');
    await more;
    assert.deepEqual(ids(page), ['a', 'b', 'c']);
    assert.deepEqual(calls, [{ first: PAGE_SIZE, after: undefined }, { first: PAGE_SIZE, after: 'cur-1' }]);
  });

  it('two lists on one page keep apart: the second names its own paging key (我的房屋)', async () => {
    const { wx } = createWxShim();
    const mine = createPagedList({ itemsKey: 'mine', fetch: () => ({ items: [item('m1')], pageInfo: { hasNextPage: false, endCursor: 'm' } }) });
    const decide = createPagedList({
      itemsKey: 'decide',
      pagingKey: 'decidePaging',
      fetch: (page, vars) => (vars.after ? pageOf(['d2'], null, false) : pageOf(['d1'], 'cur-d', true))
    });
    assert.deepEqual(decide.initialData(), { decide: [], decidePaging: { loading: true, loadingMore: false, end: false } });
    const page = { data: Object.assign(mine.initialData(), decide.initialData()), setData(patch) { Object.assign(this.data, patch); } };
    await Promise.all([mine.reload(page, wx), decide.reload(page, wx)]);
    assert.deepEqual(page.data.paging, { loading: false, loadingMore: false, end: true });
    assert.deepEqual(page.data.decidePaging, { loading: false, loadingMore: false, end: false });
    await decide.loadMore(page, wx);
    assert.deepEqual(page.data.decide.map((i) => i.id), ['d1', 'd2']);
    assert.deepEqual(page.data.mine.map((i) => i.id), ['m1']);
    assert.equal(page.data.decidePaging.end, true);
    assert.equal(page.data.paging.end, true);
  });

  it('stops at the end: hasNextPage false marks the end and further loadMore sends nothing', async () => {
    const { wx } = createWxShim();
    const { list, calls } = scripted([pageOf(['a'], 'cur-1', true), pageOf(['b'], 'cur-2', false)]);
    const page = fakePage(list);
    await list.reload(page, wx);
    await list.loadMore(page, wx);
    assert.equal(page.data.paging.end, true);
    await list.loadMore(page, wx);
    await list.loadMore(page, wx);
    assert.equal(calls.length, 2);
    assert.deepEqual(ids(page), ['a', 'b']);
  });

  it('treats hasNextPage without an endCursor, and a list without pageInfo (not paged by the server), as the end', async () => {
    const { wx } = createWxShim();
    const { list, calls } = scripted([{ items: [item('a')], pageInfo: { hasNextPage: true, endCursor: null } }, { items: [item('b')] }]);
    const page = fakePage(list);
    await list.reload(page, wx);
    assert.equal(page.data.paging.end, true);
    await list.loadMore(page, wx);
    assert.equal(calls.length, 1, 'would otherwise fetch the first page again as "the next"');

    await list.reload(page, wx);
    assert.deepEqual(ids(page), ['b']);
    assert.equal(page.data.paging.end, true);
  });

  it('never loads a page twice at once: reach-bottom while a page is in flight sends nothing', async () => {
    const { wx } = createWxShim();
    const second = deferred();
    const { list, calls } = scripted([pageOf(['a'], 'cur-1', true), second, pageOf(['z'], 'cur-9', true)]);
    const page = fakePage(list);
    await list.reload(page, wx);

    const first = list.loadMore(page, wx);
    const again = list.loadMore(page, wx);
    list.loadMore(page, wx);
    assert.equal(calls.length, 2, 'one request for the second page, not three');
    second.resolve(pageOf(['b'], 'cur-2', true));
    await Promise.all([first, again]);
    assert.deepEqual(ids(page), ['a', 'b']);
  });

  it('loadMore before the first page has arrived sends nothing (there is no cursor yet)', async () => {
    const { wx } = createWxShim();
    const firstPage = deferred();
    const { list, calls } = scripted([firstPage]);
    const page = fakePage(list);
    await list.loadMore(page, wx);
    const loading = list.reload(page, wx);
    await list.loadMore(page, wx);
    assert.equal(calls.length, 1);
    firstPage.resolve(pageOf(['a'], 'cur-1', true));
    await loading;
    assert.deepEqual(ids(page), ['a']);
  });

  it('refresh replaces the list with the first page and stops the pull-down animation', async () => {
    const shim = createWxShim();
    const { list, calls } = scripted([pageOf(['a'], 'cur-1', true), pageOf(['b'], 'cur-2', false), pageOf(['new', 'a'], 'cur-x', true)]);
    const page = fakePage(list);
    await list.reload(page, shim.wx);
    await list.loadMore(page, shim.wx);
    assert.equal(page.data.paging.end, true);

    await list.refresh(page, shim.wx);
    assert.deepEqual(ids(page), ['new', 'a']);
    assert.equal(page.data.paging.end, false, 'more pages again after a refresh');
    assert.equal(calls[2].after, undefined);
    assert.equal(shim.calls.stopPullDownRefresh, 1);
  });

  it('a pull-down while the first page is already loading waits for it instead of sending it again', async () => {
    const shim = createWxShim();
    const firstPage = deferred();
    const { list, calls } = scripted([firstPage]);
    const page = fakePage(list);
    const shown = list.reload(page, shim.wx);
    const pulled = list.refresh(page, shim.wx);
    assert.equal(calls.length, 1);
    assert.equal(shim.calls.stopPullDownRefresh, 0, 'the animation stays until the page has arrived');
    firstPage.resolve(pageOf(['a'], 'cur-1', false));
    await Promise.all([shown, pulled]);
    assert.deepEqual(ids(page), ['a']);
    assert.equal(shim.calls.stopPullDownRefresh, 1);
  });

  it('an error shows a toast and keeps what was loaded; the next reach-bottom retries the same page', async () => {
    const shim = createWxShim();
    const offline = Object.assign(new Error('网络异常，请检查网络'), { code: 'NETWORK' });
    const { list, calls } = scripted([pageOf(['a'], 'cur-1', true), offline, pageOf(['b'], 'cur-2', false)]);
    const page = fakePage(list);
    await list.reload(page, shim.wx);

    await list.loadMore(page, shim.wx);
    assert.deepEqual(ids(page), ['a']);
    assert.deepEqual(page.data.paging, { loading: false, loadingMore: false, end: false });
    assert.deepEqual(shim.calls.showToast, [{ title: '网络异常，请检查网络', icon: 'none' }]);

    await list.loadMore(page, shim.wx);
    assert.deepEqual(calls.map((c) => c.after), [undefined, 'cur-1', 'cur-1']);
    assert.deepEqual(ids(page), ['a', 'b']);
  });

  it('a failed pull-down keeps the list, shows a toast and still stops the animation', async () => {
    const shim = createWxShim();
    const { list } = scripted([pageOf(['a', 'b'], 'cur-1', true), Object.assign(new Error('系统繁忙'), { code: 'INTERNAL' })]);
    const page = fakePage(list);
    await list.reload(page, shim.wx);
    await list.refresh(page, shim.wx);
    assert.deepEqual(ids(page), ['a', 'b']);
    assert.equal(shim.calls.showToast.length, 1);
    assert.equal(shim.calls.stopPullDownRefresh, 1);
    assert.equal(page.data.paging.loading, false);
  });

  it('a reload (new filter, data changed) supersedes a page in flight: the late answer is dropped', async () => {
    const { wx } = createWxShim();
    const late = deferred();
    const { list } = scripted([pageOf(['a'], 'cur-1', true), late, pageOf(['x'], 'cur-x', false)]);
    const page = fakePage(list);
    await list.reload(page, wx);
    const more = list.loadMore(page, wx);
    await list.reload(page, wx);
    late.resolve(pageOf(['b'], 'cur-2', true));
    await more;
    await flush();
    assert.deepEqual(ids(page), ['x']);
    assert.equal(page.data.paging.end, true);
  });

  it('applies a page\'s patch with it and skips items already listed (wx:key stays unique)', async () => {
    const { wx } = createWxShim();
    const { list } = scripted([
      Object.assign(pageOf(['a', 'b'], 'cur-1', true), { patch: { unreadCount: 3 } }),
      Object.assign(pageOf(['b', 'c'], 'cur-2', false), { patch: { unreadCount: 2 } })
    ]);
    const page = fakePage(list);
    await list.reload(page, wx);
    assert.equal(page.data.unreadCount, 3);
    await list.loadMore(page, wx);
    assert.deepEqual(ids(page), ['a', 'b', 'c']);
    assert.equal(page.data.unreadCount, 2);
    assert.deepEqual(appendNew([item('a')], [item('a'), { title: 'no id' }]).map((i) => i.title), ['item a', 'no id']);
  });

  it('keeps each page instance\'s cursor apart (the same page opened twice)', async () => {
    const { wx } = createWxShim();
    const { list, calls } = scripted([pageOf(['a'], 'one', true), pageOf(['b'], 'two', true), pageOf(['c'], 'x', false)]);
    const first = fakePage(list);
    const second = fakePage(list);
    await list.reload(first, wx);
    await list.reload(second, wx);
    await list.loadMore(first, wx);
    assert.equal(calls[2].after, 'one');
    assert.deepEqual(ids(first), ['a', 'c']);
    assert.deepEqual(ids(second), ['b']);
  });
});
