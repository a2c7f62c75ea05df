import type { Store, StoredPhonebank, RelatedKind, RelatedResource } from './store.js';

// Data in the spirit of phone_bank.md's examples, with the mistakes of the examples fixed
// (two-digit hours, dialing_mode instead of type): the field tables win.

const PEOPLE = [
  { given_name: 'Api', family_name: 'User' },
  { given_name: 'Jane', family_name: 'Organizer' },
  { given_name: 'Sam', family_name: 'Editor' },
];
const SCRIPTS = [
  { name: 'rally-script', title: 'Rally call script' },
  { name: 'turnout-script', title: 'Turnout call script' },
];
const LISTS = [
  { name: 'rally-call-list', title: 'People to call for the rally' },
  { name: 'advocacy-targets', title: 'Advocacy targets' },
  { name: 'volunteers', title: 'Phonebank volunteers' },
  { name: 'rally-events', title: 'Rally events' },
];

const THEMES = [
  { theme: 'Rivers', status: 'started', dialing_mode: 'power' },
  { theme: 'Mountains', status: 'scheduled', dialing_mode: 'predictive' },
  { theme: 'Forests', status: 'draft', dialing_mode: 'manual' },
  { theme: 'Oceans', status: 'paused', dialing_mode: 'power' },
  { theme: 'Prairies', status: 'stopped', dialing_mode: 'predictive' },
];

const EPOCH = Date.parse('2017-03-20T21:04:31Z');
const DAY = 24 * 60 * 60 * 1000;

/** Fills a new store with people, scripts, lists and `count` Phonebanks that link to them. */
export function seedStore(store: Store, count: number): void {
  addRelated(store, 'people', PEOPLE);
  addRelated(store, 'scripts', SCRIPTS);
  addRelated(store, 'lists', LISTS);

  for (let i = 0; i < count; i++) store.put(seedPhonebank(store, i));
}

/** The Person that requests without a creator are attributed to. */
export function apiUserId(store: Store): string {
  return store.relatedIds('people')[0]!;
}

function addRelated(store: Store, kind: RelatedKind, rows: Array<Record<string, unknown>>): void {
  for (const fields of rows) {
    const resource: RelatedResource = { kind, id: store.newId(kind), fields, created: EPOCH };
    store.addRelated(resource);
  }
}

function seedPhonebank(store: Store, i: number): StoredPhonebank {
  const id = store.newId('phonebanks');
  const created = EPOCH + i * DAY;

  return {
    id,
    identifiers: [`${store.profile.namespace}:${id}`, `foreign_system:${i + 1}`],
    fields: seedFields(i),
    links: seedLinks(store, i),
    created,
    modified: created,
    totalCompleted: 100 + 10 * i,
    priority: 1 + (i % 3),
  };
}

function seedFields(i: number): Record<string, unknown> {
  const { theme, status, dialing_mode } = THEMES[i % THEMES.length]!;
  const team = i + 1;
  const slug = `rally-${theme.toLowerCase()}-${team}`;
  const start = new Date(Date.UTC(2018, 1, 19 + i, 8));

  return {
    origin_system: 'OSDI Reference Server',
    name: `Rally for ${theme}`,
    title: `Rally for ${theme} Team ${team}`,
    description: `Rally for ${theme} phone bank for Team ${team}`,
    summary: `Rally for ${theme} phone bank effort 1 for Team ${team}`,
    start_time: start.toISOString().replace('.000Z', 'Z'),
    end_time: new Date(start.getTime() + DAY).toISOString().replace('.000Z', 'Z'),
    daily_start_hour: 9,
    daily_stop_hour: 17,
    caller_id: '18552345678',
    status,
    dialing_mode,
    voicemail_audio_url: `https://example.org/audio-files/${slug}-voicemail.mp3`,
    administrative_url: `https://example.org/pb-campaigns/${slug}/manage`,
    browser_url: `https://example.org/pb-campaigns/${slug}`,
  };
}

function seedLinks(store: Store, i: number): StoredPhonebank['links'] {
  const people = store.relatedIds('people');
  const scripts = store.relatedIds('scripts');
  const lists = store.relatedIds('lists');
  const full = i % 2 === 0;

  return {
    'osdi:creator': people[1],
    'osdi:modified_by': people[2],
    'osdi:script': scripts[i % scripts.length],
    'osdi:target_list': lists[0],
    ...(full ? { 'osdi:advocacy_targets': lists[1], 'osdi:events': lists[3] } : {}),
    'osdi:volunteers': lists[2],
  };
}
