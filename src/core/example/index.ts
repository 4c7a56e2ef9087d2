import { exampleData } from './data';
import { buildExampleSchool, type ExampleSchool } from './school';

/** The example school with its data loaded from source (tests, the build and the offline job). */
export const exampleSchool = (now: number, timeZone: string): ExampleSchool => buildExampleSchool(exampleData(), now, timeZone);
