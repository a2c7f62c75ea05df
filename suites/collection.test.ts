// Retrieving the Phonebank collection and walking its pages (general.md, Collections and
// Navigation; phone_bank.md, Scenario: Retrieving a collection of Phonebank resources).
import {
  collectionUrl,
  deleteCreatedAfterAll,
  embeddedOf,
  embeddedPhonebanks,
  envelopeOf,
  fetchPage,
  judgeSteadily,
  linksOf,
  maxPageSize,
  noteFlexenums,
  pageNumber,
  PHONEBANKS,
  postPhonebank,
  readUntil,
  requirementTest,
  resolve,
  shared,
  urlKey,
  walkCollection,
  withQuery,
  type Check,
  type Page,
  type Walk,
} from '../src/suite-kit/index.js';

deleteCreatedAfterAll();

/** Paging is checked with pages of this size; the collection needs more records than that. */
const PAGE_SIZE = 2;
const NEEDED = PAGE_SIZE + 1;

// Other clients add and delete Phonebanks while the suite runs (the suite's other files among
// them, deleting what they created), so the collection is filled again while it is short.
const walked = shared(async (check) => {
  const start = await collectionUrl(check);
  let walk = await walkCollection(check, start);
  for (let round = 1; round <= 3; round++) {
    const count = countOf(walk);
    if (count >= NEEDED || walk.stoppedBecause || check.writesUnavailable) return walk;

    const made = await fillCollection(check, NEEDED - count);
    if (made === 0) return walk;
    // An eventually consistent target lists new Phonebanks a little later.
    const full = (w: Walk) => countOf(w) >= NEEDED || w.stoppedBecause !== undefined;
    walk = await readUntil(check, () => walkCollection(check, start), full);
  }
  return walk;
});

function countOf(walk: Walk): number {
  return new Set(walk.pages.flatMap((p) => p.items)).size;
}

// The suite creates what it needs (and deletes it afterwards): an empty collection is legal.
// A Phonebank whose POST answer breaks a rule still counts: the POST requirements report that,
// and here its representations in the collection are what is checked.
async function fillCollection(check: Check, missing: number): Promise<number> {
  for (let made = 0; made < missing; made++) {
    try {
      if (!(await postPhonebank(check, 'collection')).url) return made;
    } catch {
      return made; // the POST requirements report why; here the collection simply stays small
    }
  }
  return missing;
}

/**
 * The pages that answered 200 with JSON. None is "not checked", not a pass: a requirement about
 * what pages hold says nothing about a collection that never answered (PB-COL-01 fails then).
 */
function pagesOf(check: Check, pages: Page[]): Page[] {
  const answered = pages.filter(
    (p) => p.exchange.response?.status === 200 && p.document !== undefined,
  );
  if (answered.length === 0)
    check.skip('not checked: no page of the collection answered 200 with JSON');
  return answered;
}

/** The answered pages that embed Phonebanks; none is "not checked" for checks of embedded items. */
function embeddingPages(check: Check, pages: Page[]): Page[] {
  const embedding = pagesOf(check, pages).filter((p) => embeddedPhonebanks(p.document).length > 0);
  if (embedding.length === 0)
    check.skip('not checked: no page of the collection embeds a Phonebank');
  return embedding;
}

// The page's envelope: status, paging fields, links and the shape of _embedded. Its Phonebanks
// are PB-COL-02's, so that an invalid Phonebank fails there and not here as well.
requirementTest('PB-COL-01', async (check) => {
  const walk = await walked.own(check);
  const rule = 'A page of the Phonebank collection MUST answer 200 with a collection document';

  for (const page of walk.pages) {
    check.expectStatus(page.exchange, [200], rule);
    const document = check.expectJson(page.exchange, rule);
    check.expectValid(
      'phonebank-collection.schema.json',
      envelopeOf(document),
      page.exchange,
      rule,
    );
  }
});

requirementTest('PB-COL-02', async (check) => {
  const walk = await walked.own(check);

  for (const page of embeddingPages(check, walk.pages)) {
    const items = embeddedPhonebanks(page.document);
    const rule = 'An embedded Phonebank MUST validate against the Phonebank schema';
    check.expectEachValid('phonebank.schema.json', items, page.exchange, rule);
    for (const [, item] of items) noteFlexenums(check, item);
  }
});

requirementTest('PB-COL-03', async (check) => {
  const walk = await walked.own(check);

  for (const page of embeddingPages(check, walk.pages)) {
    const base = page.exchange.response!.url;
    const embedded = embeddedOf(page.document, PHONEBANKS);
    const selfs = embedded
      .map((item) => linksOf(item, 'self')[0]?.href)
      .map((href) => href && resolve(href, base));
    if (selfs.some((self) => !self)) {
      check.fail(
        'An embedded Phonebank MUST also be accessible by link, received one without a self link',
        page.exchange,
      );
    }
    if (embedded.length === 0 || !hasLinkList(page.document)) continue;

    const linked = linksOf(page.document, PHONEBANKS).map((link) => resolve(link.href, base));
    // The same URL written with or without a trailing slash names the same Phonebank (sameUrl).
    const key = (url: string | undefined) => url && urlKey(url);
    if (!sameSet(linked.map(key), selfs.map(key))) {
      check.fail(
        `The osdi:phonebanks links of a page MUST match its embedded Phonebanks, received links [${linked.join(', ')}] for embedded [${selfs.join(', ')}]`,
        page.exchange,
      );
    }
  }
});

function hasLinkList(document: unknown): boolean {
  return linksOf(document, PHONEBANKS).length > 0;
}

function sameSet(a: Array<string | undefined>, b: Array<string | undefined>): boolean {
  const [x, y] = [new Set(a), new Set(b)];
  return x.size === y.size && [...x].every((v) => y.has(v));
}

// Another client's writes during the walk move records between pages: a failure stands only
// when a second walk reads the same (judgeSteadily).
requirementTest('PB-COL-04', async (check) => {
  const walk = await walked.own(check);
  const start = await collectionUrl(check);
  const again = () => walkCollection(check, start);
  await judgeSteadily(check, walk, again, sameWalk, (w) => judgeWalk(check, w));
});

function judgeWalk(check: Check, walk: Walk): void {
  if (walk.capped && mayBeLarger(check, walk)) {
    check.note(
      `the collection holds more than ${check.config.pageCap} pages: walked only that many`,
    );
  } else if (walk.stoppedBecause && !walk.stoppedAt)
    return check.fail(
      `Following next MUST end, received ${walk.stoppedBecause}`,
      walk.pages.at(-1)?.exchange,
    );
  if (walk.stoppedAt) return check.skip(`not checked: ${walk.stoppedBecause}`);

  const seen = new Map<string, string>();
  for (const page of walk.pages) {
    for (const item of page.items) {
      const earlier = seen.get(item);
      if (earlier)
        return check.fail(
          `Following next MUST visit every record once, received ${item} on ${earlier} and again on ${page.url}`,
          page.exchange,
        );
      seen.set(item, page.url);
    }
  }

  const last = walk.pages.at(-1)!;
  if (walk.capped) return;
  const stated = pageNumber(walk.pages[0]!.document, 'total_pages');
  const holding = walk.pages.filter((p) => p.items.length > 0).length;
  if (stated !== undefined && holding > stated) {
    return check.fail(
      `total_pages MUST count the pages, received ${stated} on page 1, and following next led through ${holding} pages of records`,
      walk.pages[0]!.exchange,
    );
  }

  const [page, totalPages] = [
    pageNumber(last.document, 'page'),
    pageNumber(last.document, 'total_pages'),
  ];
  if (page !== undefined && totalPages !== undefined && page < totalPages) {
    check.fail(
      `Page ${page} of ${totalPages} MUST link the next page, received no next link`,
      last.exchange,
    );
  }
}

// A walk stopped at the page cap has found a large collection, not a next link that never
// ends, when the first page says so (total_pages beyond the cap, or total_records beyond what
// was walked), or says nothing of its size and every page walked held Phonebanks; a repeated
// one still fails (docs/spec-decisions.md, D30).
function mayBeLarger(check: Check, walk: Walk): boolean {
  const first = walk.pages[0]!.document;
  const totalPages = pageNumber(first, 'total_pages');
  if (totalPages !== undefined) return totalPages > check.config.pageCap;
  const totalRecords = pageNumber(first, 'total_records');
  if (totalRecords !== undefined) return totalRecords > countOf(walk);
  return walk.pages.every((page) => page.items.length > 0);
}

/** Two walks read the same: the same Phonebanks on the same pages, the same totals. */
function sameWalk(a: Walk, b: Walk): boolean {
  const read = (w: Walk) =>
    JSON.stringify([
      w.stoppedBecause,
      w.pages.map((p) => [p.items, pageNumber(p.document, 'total_records')]),
    ]);
  return read(a) === read(b);
}

requirementTest('PB-COL-05', async (check) => {
  const walk = await walked.need(check);
  const start = await collectionUrl(check);
  const again = () => walkCollection(check, start);
  await judgeSteadily(check, walk, again, sameWalk, (w) => judgeTotal(check, w));
});

function judgeTotal(check: Check, walk: Walk): void {
  if (walk.stoppedBecause)
    return check.skip(`not checked: the walk did not end (${walk.stoppedBecause})`);

  const first = walk.pages[0]!;
  const total = pageNumber(first.document, 'total_records');
  const counted = countOf(walk);
  if (total === undefined) return check.note('the collection states no total_records');
  if (total !== counted) {
    check.fail(
      `total_records MUST equal the number of records in the collection (${counted} walked), received ${total}`,
      first.exchange,
    );
  }
}

/** The first two pages at PAGE_SIZE per page; skipped when the collection is too small. */
const smallPages = shared(async (check) => {
  const walk = await walked.need(check);
  const count = countOf(walk);
  if (count < NEEDED) {
    const why = walk.stoppedBecause ?? check.writesUnavailable ?? 'creating Phonebanks failed';
    check.skip(
      `not checked: the collection holds ${count} Phonebanks, ${NEEDED} are needed, and ${why}`,
    );
  }
  const size = Math.min(PAGE_SIZE, (await maxPageSize(check)) ?? PAGE_SIZE);
  const start = await collectionUrl(check);
  const first = await fetchPage(check, withQuery(start, { per_page: size }));
  const second = await fetchPage(check, withQuery(start, { per_page: size, page: 2 }));
  return { size, count, first, second };
});

requirementTest('PB-COL-06', async (check) => {
  const { size, count, first } = await smallPages.own(check);
  const rule = `GET with per_page=${size} MUST answer a page of ${size} records`;

  check.expectStatus(first.exchange, [200], rule);
  if (await clampedBelow(check, size, first)) {
    return check.note(
      `the target clamps per_page to ${first.items.length}, its maximum; the AEP states no max_pagesize`,
    );
  }
  if (first.items.length !== Math.min(size, count))
    return check.fail(`${rule}, received ${first.items.length}`, first.exchange);
  const stated = pageNumber(first.document, 'per_page');
  if (stated !== undefined && stated !== size)
    return check.fail(`${rule}, received per_page ${stated}`, first.exchange);

  // The page count follows from the page size: total_pages counts pages of per_page records.
  const [totalPages, totalRecords] = [
    pageNumber(first.document, 'total_pages'),
    pageNumber(first.document, 'total_records'),
  ];
  if (totalPages === undefined || totalRecords === undefined) return;
  if (totalPages !== Math.ceil(totalRecords / size)) {
    check.fail(
      `${rule} and count its pages of ${size}, received total_pages ${totalPages} for total_records ${totalRecords}`,
      first.exchange,
    );
  }
});

// A server may cap the page size (aep.md, max_pagesize). When the AEP does not state the cap,
// a page that says it applied a smaller per_page, holds that many and links on has applied
// its maximum (docs/spec-decisions.md, D24).
async function clampedBelow(check: Check, size: number, first: Page): Promise<boolean> {
  const stated = pageNumber(first.document, 'per_page');
  if ((await maxPageSize(check)) !== undefined || stated === undefined) return false;
  return (
    stated < size && first.items.length === stated && linksOf(first.document, 'next').length > 0
  );
}

requirementTest('PB-COL-07', async (check) => {
  const pages = await smallPages.own(check);
  const again = async () => ({
    first: await fetchPage(check, pages.first.url),
    second: await fetchPage(check, pages.second.url),
  });
  const same = (a: PagePair, b: PagePair) =>
    sameList(a.first.items, b.first.items) && sameList(a.second.items, b.second.items);
  await judgeSteadily(check, pages, again, same, (p) => judgeSecondPage(check, p));
});

interface PagePair {
  first: Page;
  second: Page;
}

function sameList(a: string[], b: string[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function judgeSecondPage(check: Check, { first, second }: PagePair): void {
  const rule = 'GET with page=2 MUST answer the second page';

  check.expectStatus(second.exchange, [200], rule);
  const repeated = second.items.filter((item) => first.items.includes(item));
  if (second.items.length === 0 || repeated.length > 0) {
    check.fail(
      `${rule}, received ${second.items.length} records of which ${repeated.length} are on page 1`,
      second.exchange,
    );
  }
  const stated = pageNumber(second.document, 'page');
  if (stated !== undefined && stated !== 2)
    return check.fail(`${rule}, received page ${stated}`, second.exchange);
}

requirementTest('PB-COL-08', async (check) => {
  const { first, count } = await smallPages.need(check);
  if (first.exchange.response?.status !== 200)
    return check.skip('not checked: the first page did not answer 200');
  if (linksOf(first.document, 'previous').length > 0) {
    check.fail(
      'The first page MUST NOT link a previous page, received a previous link',
      first.exchange,
    );
  }
  if (linksOf(first.document, 'next').length === 0) {
    const more = moreThanOnePage(first, count);
    if (more)
      check.fail(
        `The first page MUST link the next page, received no next link while ${more}`,
        first.exchange,
      );
    return check.skip('not checked: the first page has no next link');
  }

  const again = async () => roundTrip(check, await fetchPage(check, first.url));
  const same = (a: Page[], b: Page[]) =>
    a.every((page, i) => sameList(page.items, b[i]?.items ?? []));
  await judgeSteadily(check, await roundTrip(check, first), again, same, (trip) =>
    judgeRoundTrip(check, trip),
  );
  await judgeWalkedPrevious(check, (await walked.need(check)).pages);
});

/** How many pages of the walk have their previous link followed (one request each). */
const PREVIOUS_CHECKED = 4;

/**
 * Each page after the first, among the walk's first few, whose previous link leads to a page
 * holding other records than the page before it: "previous | The link for the previous page
 * of results" holds on every page, not only on page 2.
 */
async function judgeWalkedPrevious(check: Check, pages: Page[]): Promise<void> {
  const firstPages = pagesOf(check, pages).slice(0, PREVIOUS_CHECKED + 1);
  for (const [index, page] of firstPages.entries()) {
    const before = firstPages[index - 1];
    const previous = linksOf(page.document, 'previous')[0];
    const url = previous && resolve(previous.href, page.exchange.response?.url ?? page.url);
    if (!before || !url) continue;

    const read = async () => [await fetchPage(check, before.url), await fetchPage(check, url)];
    const same = (a: Page[], b: Page[]) => a.every((p, i) => sameList(p.items, b[i]?.items ?? []));
    await judgeSteadily(check, [before, await fetchPage(check, url)], read, same, ([was, back]) => {
      if (!sameSet(back!.items, was!.items))
        check.fail(
          `The previous link of page ${index + 1} MUST lead back to page ${index}, received a page holding [${back!.items.join(', ')}] for one holding [${was!.items.join(', ')}]`,
          back!.exchange,
        );
    });
  }
}

/**
 * Why the collection has more than `first` holds, if it has: its own total_pages or
 * total_records say so, or, stating neither, the walk counted more records.
 */
function moreThanOnePage(first: Page, counted: number): string | undefined {
  const totalPages = pageNumber(first.document, 'total_pages');
  const totalRecords = pageNumber(first.document, 'total_records');
  const held = first.items.length;
  if (totalPages !== undefined && totalPages > 1) return `it states total_pages ${totalPages}`;
  if (totalRecords !== undefined && totalRecords > held)
    return `it holds ${held} of total_records ${totalRecords}`;
  if (totalPages === undefined && totalRecords === undefined && counted > held)
    return `it holds ${held} of the ${counted} records following next counted`;
  return undefined;
}

/** Page 1, the page its next link leads to, and the page that one's previous link leads to. */
async function roundTrip(check: Check, first: Page): Promise<Page[]> {
  const next = linksOf(first.document, 'next')[0];
  if (!next) return [first];
  const second = await fetchPage(check, resolve(next.href, first.exchange.response!.url)!);
  const previous = linksOf(second.document, 'previous')[0];
  if (!previous) return [first, second]; // "may include" (general.md): that is legal
  const base = second.exchange.response?.url ?? second.url;
  return [first, second, await fetchPage(check, resolve(previous.href, base)!)];
}

function judgeRoundTrip(check: Check, [first, , back]: Page[]): void {
  if (!first || !back) return;
  if (!sameSet(back.items, first.items)) {
    check.fail(
      `The previous link of page 2 MUST lead back to page 1, received a page holding [${back.items.join(', ')}]`,
      back.exchange,
    );
  }
}

requirementTest('PB-COL-09', async (check) => {
  const walk = await walked.need(check);

  for (const page of pagesOf(check, walk.pages)) {
    if (
      linksOf(page.document, PHONEBANKS).length > 0 &&
      embeddedOf(page.document, PHONEBANKS).length === 0
    ) {
      check.fail(
        'A collection page SHOULD embed its Phonebanks, received links to them but no _embedded osdi:phonebanks',
        page.exchange,
      );
    }
  }
});
