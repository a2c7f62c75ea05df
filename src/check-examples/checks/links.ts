import {
  embedded,
  links,
  resourceObjects,
  type BodyContext,
  type Issue,
  type ResourceObject,
} from '../context.js';
import { joinPointer } from '../json-body.js';
import type { RelationLabels } from '../page.js';
import { IANA_RELATIONS } from '../spec-model.js';

/**
 * Relation labels and links against the page: a collection's items must sit under the label the
 * page text defines for a collection; a resource's links must be rows of the Links table, IANA
 * relations (general.md, Curies), or a vendor's own curie.
 */
export function linkIssues(ctx: BodyContext): Issue[] {
  const issues = ctx.role === 'collection' ? collectionLabelIssues(ctx) : [];
  if (ctx.page.model.links.size === 0) return issues;
  return [...issues, ...resourceObjects(ctx).flatMap((object) => resourceLinkIssues(ctx, object))];
}

function collectionLabelIssues(ctx: BodyContext): Issue[] {
  const labels = ctx.page.model.labels;
  if (!labels) return [];
  const issues: Issue[] = [];

  for (const key of Object.keys(links(ctx.value) ?? {})) {
    if (IANA_RELATIONS.has(key) || key === labels.collection || isVendorRelation(key)) continue;
    const isItems = key === ctx.itemsKey || resembles(key, labels);
    issues.push(
      isItems
        ? labelIssue(joinPointer('_links', key), key, labels)
        : unknownLink(joinPointer('_links', key), key, 'a collection'),
    );
  }
  for (const [key, value] of Object.entries(embedded(ctx.value) ?? {})) {
    if (Array.isArray(value) && key !== labels.collection)
      issues.push(labelIssue(joinPointer('_embedded', key), key, labels));
  }
  return issues;
}

function resourceLinkIssues(ctx: BodyContext, object: ResourceObject): Issue[] {
  const { model } = ctx.page;
  const issues: Issue[] = [];
  for (const key of Object.keys(links(object.value) ?? {})) {
    if (model.links.has(key) || IANA_RELATIONS.has(key) || isVendorRelation(key)) continue;
    const pointer = object.pointer + joinPointer('_links', key);
    const labels = model.labels;
    if (labels && resembles(key, labels)) issues.push(labelIssue(pointer, key, labels));
    else if (model.links.has(`osdi:${key}`)) issues.push(unprefixed(pointer, key));
    else issues.push(unknownLink(pointer, key, `the ${model.resource ?? 'resource'} Links table`));
  }
  return issues;
}

// includes/links_intro.md: OSDI's relations take the osdi: prefix; a bare name is an IANA one.
function unprefixed(pointer: string, key: string): Issue {
  const message = `"${key}" is a row of the Links table, but without the osdi: prefix it names an IANA relation, and IANA has none by that name: use osdi:${key}`;
  return { code: 'unknown-link', pointer, message };
}

function labelIssue(pointer: string, key: string, labels: RelationLabels): Issue {
  return {
    code: 'relation-label',
    pointer,
    message: `"${key}" is not a relation label the page defines: it defines ${labels.collection} for a collection and ${labels.single} for a single resource (line ${labels.line})`,
  };
}

function unknownLink(pointer: string, key: string, where: string): Issue {
  return {
    code: 'unknown-link',
    pointer,
    message: `"${key}" is not a relation of ${where}, nor self, curies or an IANA relation`,
  };
}

// general.md, Curies: vendors add relations under their own curie prefix.
function isVendorRelation(key: string): boolean {
  const prefix = key.split(':')[0];
  return key.includes(':') && prefix !== 'osdi';
}

// osdi:phone_bank, osdi:phonebank and osdi:phonebanks name the same thing in different spellings.
function resembles(key: string, labels: RelationLabels): boolean {
  const squash = (label: string) =>
    label
      .toLowerCase()
      .replace(/[^a-z0-9:]/g, '')
      .replace(/s$/, '');
  return (
    key !== labels.single &&
    key !== labels.collection &&
    [labels.single, labels.collection].some((l) => squash(l) === squash(key))
  );
}
