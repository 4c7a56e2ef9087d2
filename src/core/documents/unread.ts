/** The section that ends a document whose figures left cells of the workbook out: nothing is dropped silently. */
import { heading, paragraph, type Block } from './model';
import { plural } from '../text';

/** How many cells the section names before it counts the rest. */
const NAMED = 20;

export function unreadSection(unread: readonly string[] | undefined): Block[] {
  if (!unread?.length) return [];
  const named = unread.slice(0, NAMED).join('; ');
  const more = unread.length > NAMED ? `; and ${unread.length - NAMED} more` : '';
  return [
    heading(2, 'Cells not read from the workbook'),
    paragraph(
      `${plural(unread.length, 'cell')} could not be read, so ${unread.length === 1 ? 'it was' : 'they were'} left out or read as blank: ${named}${more}. Run Check workbook in the workbook to see why.`,
      'quiet',
    ),
  ];
}
