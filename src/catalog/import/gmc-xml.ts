/**
 * Reads a Merchant Center XML feed, RSS 2.0 (`<rss><channel><item>`) or Atom (`<feed><entry>`),
 * with saxes, chunk by chunk, so a large feed never sits in memory as a document. Attributes are
 * matched by local name: `g:price` (namespace http://base.google.com/ns/1.0), `title`, `link`.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { FeedFormatError } from './errors.js';
import type { GmcRecord } from './gmc-record.js';

const ITEM_ELEMENTS = new Set(['item', 'entry']);

export async function* readGmcXml(stream: Readable): AsyncGenerator<GmcRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: GmcRecord[] = [];
  let item: { line: number; fields: Map<string, string[]> } | undefined;
  let field: { name: string; text: string } | undefined;
  // Depth below the item element; nested groups such as <g:shipping> are not product attributes.
  let depth = 0;
  let failure: Error | undefined;

  parser.on('opentag', (tag) => {
    if (item === undefined) {
      if (ITEM_ELEMENTS.has(tag.local)) item = { line: parser.line, fields: new Map() };
      return;
    }
    depth += 1;
    if (depth !== 1) return;
    field = { name: tag.local.toLowerCase(), text: '' };
    // Atom carries the product link as <link href="..."/>.
    const href = tag.attributes.href;
    if (tag.local === 'link' && href !== undefined) field.text = typeof href === 'string' ? href : href.value;
  });
  const onText = (text: string) => {
    if (field !== undefined && depth === 1) field.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (item === undefined) return;
    if (depth === 0 && ITEM_ELEMENTS.has(tag.local)) {
      ready.push(item);
      item = undefined;
      return;
    }
    if (depth === 1 && field !== undefined) {
      item.fields.set(field.name, [...(item.fields.get(field.name) ?? []), field.text]);
      field = undefined;
    }
    depth -= 1;
  });
  parser.on('error', (error) => {
    failure ??= new FeedFormatError(`the feed is not well-formed XML: ${error.message}`, parser.line);
  });

  const decoder = new StringDecoder('utf8');
  const feed = (text: string) => {
    if (failure === undefined) parser.write(text.replace(/^\ufeff/, ''));
    if (failure !== undefined) throw failure;
  };
  for await (const chunk of stream) {
    feed(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    yield* ready.splice(0);
  }
  feed(decoder.end());
  parser.close();
  if (failure !== undefined) throw failure;
  yield* ready.splice(0);
}
