import type { ReviewItem } from '../schema/records';

/** The five questions every service review asks, as the Reviews tab names them. */
export const REVIEW_QUESTIONS: readonly ReviewItem['question'][] = [
  'Services we did not know existed',
  'Trends in how work is prioritised',
  'Clashes in priority or availability',
  'Third-party response or fix issues',
  'Other support issues',
];
