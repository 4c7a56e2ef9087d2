/** How a row is referred to from another tab: by an ID or name matched without regard to case or spaces around it. */

/** The key an ID or name is matched by: "email " and "EMAIL" are the same service. */
export const idKey = (id: string): string => id.trim().toLowerCase();

/** "ALL" in a Service ID or Calendar column: the row applies to every service or calendar. */
export const isAll = (id: string): boolean => idKey(id) === 'all';
