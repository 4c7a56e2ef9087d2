/**
 * The example school's fixed data in one object. The build ships it as dist/ExampleSchool.html, read
 * only by "Load example school", so the bundle every custom-function call loads stays small.
 */
import * as cat from './catalogue';
import { INCIDENT_PROFILES } from './profiles';

export const exampleData = () => ({
  services: cat.services,
  equipment: cat.equipment,
  slas: cat.slas,
  targets: cat.targets,
  contracts: cat.contracts,
  calendars: cat.calendars,
  people: cat.people,
  reviews: cat.reviews,
  profiles: INCIDENT_PROFILES,
});

export type ExampleData = ReturnType<typeof exampleData>;

/** The data as that file's text: JSON, with "<" escaped so no HTML handling can alter it. */
export const exampleFileText = (data: ExampleData): string => JSON.stringify(data).replace(/</g, '\\u003c');
