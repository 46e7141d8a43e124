import { compileGlob } from '../catalog';
import { hasPlaceholder } from '../policy/placeholders';
import { conditionEntries, hasVariable, valueText } from './shared/conditionEntries';
import { findClosest } from './shared/closest';
import { replaceWithString } from './shared/edits';
import { defineRule } from './types';
import { regionCodes, regionKeys, regionListDate } from './shared/valueFormats';

const regionShape = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;

export default defineRule({
  id: 'invalid-region',
  severity: 'warning',
  scope: 'statement',
  summary: 'A Region condition key (aws:RequestedRegion) is compared with a value that is no AWS Region code.',
  fixable: 'suggestion',
  messages: {
    notRegion: '"{value}" is not a Region code, which "{key}" holds (such as us-east-1).',
    didYouMean: '"{value}" is not a Region code, which "{key}" holds. Did you mean "{suggestion}"?',
    unknownRegion: '"{value}" looks like a Region code but is not one of the Regions known on {date}; check the spelling, or tell us about a new Region.',
    noMatch: 'The pattern "{value}" matches no Region code, so this condition never matches a Region.',
  },
  check({ statements, catalog, report }) {
    for (const { key, parsed } of conditionEntries(statements, catalog)) {
      if (parsed.operator?.family !== 'String' || !regionKeys.has(key.key.toLowerCase())) continue;
      const isLike = parsed.baseName.includes('Like');
      const ignoreCase = parsed.baseName.includes('IgnoreCase');
      for (const value of key.values) {
        const text = valueText(value.value);
        // A placeholder (`<my-vpc-region>`) is unfilled-placeholder's.
        if (hasVariable(text) || hasPlaceholder(text)) continue;
        const hasWildcard = text.includes('*') || text.includes('?');
        if (hasWildcard) {
          if (isLike && !regionCodes.some(compileGlob(text))) report({ node: value.node, messageId: 'noMatch', data: { value: text } });
          continue;
        }
        const candidate = ignoreCase ? text.toLowerCase() : text;
        if (regionCodes.includes(candidate)) continue;
        const suggestion = findClosest(text, regionCodes);
        if (suggestion) {
          report({
            node: value.node,
            messageId: 'didYouMean',
            data: { value: text, key: key.key, suggestion },
            // A misspelt Region never matches; naming a real one makes the condition match it: a suggestion.
            suggestions: [{ title: `Change to "${suggestion}"`, edits: [replaceWithString(value.node, suggestion)] }],
          });
        } else {
          report({
            node: value.node,
            messageId: regionShape.test(text) ? 'unknownRegion' : 'notRegion',
            data: { value: text, key: key.key, date: regionListDate },
          });
        }
      }
    }
  },
});
